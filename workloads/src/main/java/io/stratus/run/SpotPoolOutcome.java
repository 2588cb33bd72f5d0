package io.stratus.run;

/**
 * What the spot market did in one capacity pool (an instance type in a zone) to one service's
 * spot instances in a run.
 *
 * @param pool          {@code TYPE@ZONE}, the zone by its index in the region
 * @param launched      spot instances launched into the pool
 * @param notices       two-minute interruption notices its instances received
 * @param reclaimed     its instances EC2 reclaimed
 * @param instanceHours billed spot instance-hours in the pool
 */
public record SpotPoolOutcome(String pool, long launched, long notices, long reclaimed, double instanceHours) {
}
