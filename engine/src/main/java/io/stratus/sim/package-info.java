/**
 * The discrete-event kernel: simulated time, the event queue, the simulation loop and the
 * seeded random streams.
 *
 * <p>Invariants: time is a {@code long} count of microseconds and never goes backwards; events
 * run in (time, insertion sequence) order, so ties run in the order they were scheduled; no
 * event object is allocated per scheduled event (events are rows of primitive arrays named by
 * {@code long} handles); every random number comes from a stream derived from the master seed
 * and the stream's name.
 */
package io.stratus.sim;
