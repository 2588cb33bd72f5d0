/**
 * The composition layer: builds the engine's model from a loaded {@link io.stratus.scenario.Scenario}
 * and runs it. Each workload kind (services, batch, queues, GPU clusters, consolidation) is one
 * {@link io.stratus.run.WorkloadRun}; {@link io.stratus.run.ScenarioRunner} builds the shared region,
 * fleet, sharing, storage, pricing and purchases ({@link io.stratus.run.Purchases}: each owner's
 * on-demand / spot split, the spot market), then loops over the runs: start, per-period metrics, close,
 * results and bills. The results and metrics rows the reports read live here too.
 *
 * <p>Every kind on the region's hosts shares one {@link io.stratus.hypervisor.CpuSharing}: service
 * instances and queue workers as processor-sharing servers, batch jobs' instances and consolidation
 * VMs as trace-driven members, so any mix steals from each other in one water-filling per host.
 * {@link io.stratus.run.ContrastRuns} runs a scenario's {@code contrast: { alone: [...] }}
 * workloads again without the others, for {@code stratus run}.
 */
package io.stratus.run;
