package io.stratus.workload;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.HostView;

/**
 * How many instances of a launch spec the region's hosts can take: now, or if nothing else ran.
 * Greedy per host (exact per host: one type), counting only the hosts of the spec's zone (any zone
 * for -1). Batch environments ask before launching so that a job waits for capacity instead of
 * failing a launch.
 */
final class HostRoom {

    private HostRoom() {
    }

    /**
     * Instances of the type the hosts can take now, on the hosts the tenancy rule admits (not failed,
     * not another account's Dedicated Host or Dedicated Instance host).
     */
    static long placeableNow(HostView hosts, Fleet fleet, LaunchSpec spec) {
        InstanceType type = spec.type();
        long total = 0;
        for (int h = 0, n = hosts.hostCount(); h < n; h++) {
            if ((spec.zone() < 0 || hosts.zoneOf(h) == spec.zone())
                    && fleet.occupancy().admits(h, spec.tenant(), spec.tenancy())) {
                total += Math.min(hosts.freeThreads(h) / type.vcpus(), hosts.freeMemoryMib(h) / type.memoryMib());
            }
        }
        return total;
    }

    /** Instances of the type the region's working hosts could take if nothing else ran. */
    static long capacityWhenEmpty(HostView hosts, Fleet fleet, LaunchSpec spec) {
        InstanceType type = spec.type();
        long total = 0;
        for (int h = 0, n = hosts.hostCount(); h < n; h++) {
            if ((spec.zone() < 0 || hosts.zoneOf(h) == spec.zone()) && !fleet.occupancy().isFailed(h)) {
                total += Math.min(hosts.spec(h).threads() / type.vcpus(), hosts.spec(h).memoryMib() / type.memoryMib());
            }
        }
        return total;
    }
}
