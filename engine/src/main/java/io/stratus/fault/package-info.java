/**
 * Faults and their timing: host failures drawn from a time-to-failure distribution with a repair
 * time ({@link io.stratus.fault.HostFailureProcess}), availability-zone outages for a window
 * ({@link io.stratus.fault.ZoneOutage}), scheduled events with their notice (instance retirement,
 * host maintenance: {@link io.stratus.fault.ScheduledHostEvent}), all applied through one
 * {@link io.stratus.fault.HostDowntime}, which fails and repairs hosts in the fleet and measures
 * how long each number of hosts was down.
 *
 * <p>Invariants: a host is down while any fault holds it down and up otherwise; the fleet is told
 * of a failure when the first fault takes a host down and of the repair when the last lets it go,
 * so overlapping faults (a random failure inside a zone outage) compose. Time-with-k-down is
 * integrated exactly at each change.
 */
package io.stratus.fault;
