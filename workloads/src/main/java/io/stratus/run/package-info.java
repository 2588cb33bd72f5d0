/**
 * The composition layer: builds the engine's model from a loaded {@link io.stratus.scenario.Scenario}
 * and runs it. Each workload kind (services, batch, queues, GPU clusters, consolidation) is one
 * {@link io.stratus.run.WorkloadRun}; {@link io.stratus.run.ScenarioRunner} builds the shared region,
 * fleet, sharing, storage, pricing and purchases ({@link io.stratus.run.Purchases}: each owner's
 * on-demand / spot split, the spot market), then loops over the runs: start, per-period metrics, close,
 * results and bills. The results and metrics rows the reports read live here too.
 */
package io.stratus.run;
