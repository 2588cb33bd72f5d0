/**
 * Trace replay: adapters that turn request traces into the engine's {@link
 * io.stratus.workload.ArrivalProcess}, reading the trace as the simulation advances. Request-rate
 * traces (counts per bin) replay as a piecewise-constant rate, Poisson or evenly spread within
 * each bin ({@link io.stratus.trace.replay.RateReplay}); per-request traces replay at their exact
 * instants ({@link io.stratus.trace.replay.TimestampReplay}). Both map trace time to simulated
 * time with a speedup and scale the load with a rate multiplier ({@link
 * io.stratus.trace.replay.ReplayOptions}).
 *
 * <p>Invariants: arrivals never go backwards; a call with {@code now} never returns an arrival
 * before {@code now} (arrivals the simulation has passed are dropped); randomness, where there is
 * any, comes only from the {@link io.stratus.sim.RandomStream} given.
 */
package io.stratus.trace.replay;
