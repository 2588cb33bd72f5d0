/**
 * Measurements taken as the run goes (CloudWatch): latency histograms, metrics aggregated per
 * period into datapoints (SampleCount, Sum, Average, Minimum, Maximum, p99), and alarms over
 * them with N-of-M evaluation and actions.
 *
 * <p>Invariants: nothing per event is kept, only per-period aggregates and a bounded history of
 * datapoints; all metrics close their periods together, in creation order, so decisions taken
 * on them are deterministic. {@link io.stratus.monitor.CloudWatch} keeps one event pending
 * forever: run a simulation with it until a time, not until the queue is empty.
 *
 * <p>{@link io.stratus.monitor.ConsolidationLedger} integrates a consolidation of trace-driven VMs
 * (utilisation demanded and delivered, active and overloaded hosts, energy, migrations) per run
 * and per period ({@link io.stratus.monitor.ConsolidationPeriod}).
 */
package io.stratus.monitor;
