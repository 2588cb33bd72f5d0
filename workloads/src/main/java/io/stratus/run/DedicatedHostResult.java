package io.stratus.run;

/**
 * What one Dedicated Host allocation cost over the run, and how it was used.
 *
 * @param tenant          the account's name
 * @param family          the hosts' instance family
 * @param zone            the zone's name
 * @param hosts           how many hosts
 * @param usdPerHostHour  the on-demand Dedicated Host price of the family
 * @param launched        instances placed on these hosts over the run
 * @param peakInstances   most instances on these hosts at once
 * @param costUsd         hosts x price x run hours
 */
public record DedicatedHostResult(String tenant, String family, String zone, int hosts, double usdPerHostHour,
                                  long launched, int peakInstances, double costUsd) {
}
