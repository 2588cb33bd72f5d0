package io.stratus.compute;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import java.util.List;

/**
 * Shared test fixture: a first-fit fleet (seed 1) on small m5 hosts (4 threads, 16 GiB each) in
 * zones a and b, numbered zone a's first, with the m5.large type (2 vCPUs, 8 GiB) to launch.
 */
abstract class SmallHostsFleetFixture {

    final Simulation sim = new Simulation(1);
    final CpuSharing cpus = new CpuSharing(sim, (i, a, n) -> { });
    final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    final Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
    final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");

    SmallHostsFleetFixture(int hostsInZoneA, int hostsInZoneB) {
        HostSpec small = new HostSpec("small", "m5", 4, 16 * 1024);
        hosts.addHosts(small, 0, hostsInZoneA);
        hosts.addHosts(small, 1, hostsInZoneB);
    }
}
