package io.stratus.run;

import java.util.List;

/**
 * What the scenario's {@code faults:} did: to the hosts, to the instances, and to each service.
 *
 * @param hostFailures       times a host went down (random failures, outages, scheduled events)
 * @param hostHoursDown      total host downtime, hours
 * @param instancesLost      instances lost with their hosts
 * @param instancesRecovered running instances moved to new hardware by EC2 automatic recovery
 * @param notices            scheduled events announced during the run
 * @param services           per service, in file order
 */
public record FaultsResult(long hostFailures, double hostHoursDown, long instancesLost, long instancesRecovered,
                           int notices, List<ServiceFaults> services) {

    public FaultsResult {
        services = List.copyOf(services);
    }
}
