package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchListener;
import io.stratus.infra.HostTable;
import io.stratus.pricing.HostAllocation;
import io.stratus.pricing.PriceBook;
import io.stratus.scenario.DedicatedHostConfig;
import io.stratus.scenario.RegionConfig;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dedicated Hosts of {@code region.dedicated-hosts}, allocated in the fleet's host occupancy
 * before anything launches and kept for the whole run: each allocation takes the last free hosts
 * of its zone (the first allocation of a zone its last hosts, the next one the hosts before them),
 * so the shared pool keeps the zone's first hosts. Placement is the engine's (a launch with
 * tenancy host goes to the first of its tenant's hosts with room, {@link io.stratus.placement.Placer});
 * this class only counts the instances each allocation takes and prices it: hosts x the family's
 * on-demand Dedicated Host price x the run's hours ({@link HostAllocation#costUsd}).
 */
final class DedicatedHostRun implements LaunchListener, InstanceListener {

    private final List<DedicatedHostConfig> configs;
    private final Int2IntOpenHashMap allocationOfHost = new Int2IntOpenHashMap();
    private final Int2IntOpenHashMap allocationOfInstance = new Int2IntOpenHashMap();
    private final long[] launched;
    private final int[] current;
    private final int[] peak;

    /** Allocates the hosts in {@code fleet} (whose hosts are {@code hosts}, laid out as {@code region} says). */
    DedicatedHostRun(RegionConfig region, HostTable hosts, Fleet fleet) {
        this.configs = region.dedicatedHosts();
        allocationOfHost.defaultReturnValue(-1);
        allocationOfInstance.defaultReturnValue(-1);
        launched = new long[configs.size()];
        current = new int[configs.size()];
        peak = new int[configs.size()];
        int[] taken = new int[region.zones().size()];
        for (int i = 0; i < configs.size(); i++) {
            DedicatedHostConfig c = configs.get(i);
            int zoneEnd = (c.zone() + 1) * region.hostsPerZone(); // zones were added in order, each hostsPerZone hosts
            int first = zoneEnd - taken[c.zone()] - c.count();
            for (int h = first; h < first + c.count(); h++) {
                if (hosts.zoneOf(h) != c.zone()) {
                    throw new IllegalStateException("host " + h + " is not in zone " + c.zoneName());
                }
                fleet.allocateDedicatedHost(h, c.tenantId());
                allocationOfHost.put(h, i);
            }
            taken[c.zone()] += c.count();
        }
        fleet.addLaunchListener(this);
        fleet.addListener(this);
    }

    @Override
    public void launched(Instance instance, long now) {
        placed(instance);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (from == InstanceState.STOPPED && to == InstanceState.PENDING) {
            placed(instance); // started again, perhaps on another host
        } else if (to == InstanceState.STOPPED || to == InstanceState.TERMINATED) {
            int a = allocationOfInstance.remove(instance.id());
            if (a >= 0) {
                current[a]--;
            }
        }
    }

    private void placed(Instance instance) {
        int a = allocationOfHost.get(instance.host());
        if (a >= 0) {
            allocationOfInstance.put(instance.id(), a);
            launched[a]++;
            peak[a] = Math.max(peak[a], ++current[a]);
        }
    }

    /** Each allocation's use and cost over a run of {@code end} microseconds. */
    List<DedicatedHostResult> results(long end) {
        PriceBook prices = PriceBook.bundled();
        List<DedicatedHostResult> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            DedicatedHostConfig c = configs.get(i);
            HostAllocation allocation = new HostAllocation(c.family(), c.count());
            out.add(new DedicatedHostResult(c.tenant(), c.family(), c.zoneName(), c.count(),
                    prices.dedicatedHostUsdPerHour(c.family()), launched[i], peak[i], allocation.costUsd(prices, end)));
        }
        return out;
    }
}
