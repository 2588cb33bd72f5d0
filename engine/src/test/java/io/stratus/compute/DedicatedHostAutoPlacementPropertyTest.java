package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.placement.HostOccupancy;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Dedicated Host auto-placement through the {@link Fleet}, under random scripts of launches
 * (default, dedicated-instance and host tenancy, four tenants, any zone or a given one), stops,
 * starts, terminations and waits, on every placement policy. Tenant 1 owns hosts 4 and 5 of zone
 * 0 and host 10 of zone 1, tenant 2 owns host 11. Checked at each launch and start: a host-tenancy
 * instance lands on the first of its tenant's hosts in its zone with room (host order), or is
 * refused and counted when none has room. Checked after every step, from scratch: every instance
 * on a Dedicated Host is its owner's and has tenancy host, and every host-tenancy instance is on a
 * host of its own tenant; no host holds more memory than it has.
 */
class DedicatedHostAutoPlacementPropertyTest {

    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge");

    private static final class World {
        final Simulation sim = new Simulation(31);
        final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        final Fleet fleet;
        long refusals;

        World(String policy) {
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 0, 6);
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 1, 6);
            fleet = new Fleet(sim, hosts, policy, new CpuSharing(sim, (i, a, n) -> { }));
            fleet.allocateDedicatedHost(5, 1); // allocated out of order: auto-placement follows host order
            fleet.allocateDedicatedHost(4, 1);
            fleet.allocateDedicatedHost(10, 1);
            fleet.allocateDedicatedHost(11, 2);
        }

        /** The first host of {@code tenant} in {@code zone} (-1: any) with room for {@code type}, or -1. */
        int expectedHost(int tenant, int zone, InstanceType type) {
            for (int h : fleet.occupancy().hostsOf(tenant)) {
                if ((zone < 0 || hosts.zoneOf(h) == zone) && hosts.fits(h, type.vcpus(), type.memoryMib())) {
                    return h;
                }
            }
            return -1;
        }

        void act(int code) {
            int what = code % 8;
            int arg = code / 8;
            int n = fleet.size();
            switch (what) {
                case 0, 1, 2 -> launch(arg);
                case 3 -> {
                    if (n > 0 && fleet.state(arg % n) == InstanceState.RUNNING) {
                        fleet.stop(arg % n);
                    }
                }
                case 4 -> {
                    if (n > 0 && fleet.state(arg % n) == InstanceState.STOPPED) {
                        Instance inst = fleet.instance(arg % n);
                        int expected = inst.spec().tenancy() == Tenancy.HOST
                                ? expectedHost(inst.tenant(), inst.zone(), inst.type()) : -2;
                        boolean started = fleet.start(arg % n);
                        if (!started) {
                            refusals++;
                        }
                        if (expected != -2) {
                            assertThat(started ? inst.host() : -1).as("start on the first own host with room")
                                    .isEqualTo(expected);
                        }
                    }
                }
                case 5 -> {
                    if (n > 0) {
                        InstanceState s = fleet.state(arg % n);
                        if (s == InstanceState.RUNNING || s == InstanceState.STOPPED) {
                            fleet.terminate(arg % n);
                        }
                    }
                }
                default -> sim.runUntil(sim.now() + Time.seconds(1 + arg % 60));
            }
        }

        private void launch(int arg) {
            InstanceType type = InstanceCatalog.bundled().get(TYPES.get(arg % TYPES.size()));
            int zone = (arg / 4) % 3 - 1;
            int tenant = (arg / 12) % 4;
            int tenancy = (arg / 48) % 3;
            LaunchSpec spec = new LaunchSpec(type, zone, Time.seconds(arg % 30), Time.seconds(arg % 5));
            int expected = -2;
            if (tenancy == 0) {
                expected = expectedHost(tenant, zone, type);
                spec = spec.onDedicatedHosts(tenant);
            } else {
                spec = spec.withTenancy(tenant, tenancy == 1 ? Tenancy.DEDICATED : Tenancy.DEFAULT);
            }
            int id = fleet.launch(spec);
            if (id < 0) {
                refusals++;
            }
            if (expected != -2) {
                assertThat(id < 0 ? -1 : fleet.instance(id).host()).as("first own host with room").isEqualTo(expected);
            }
        }

        void check() {
            HostOccupancy occupancy = fleet.occupancy();
            long[] memory = new long[hosts.hostCount()];
            for (int i = 0; i < fleet.size(); i++) {
                if (fleet.state(i) == InstanceState.TERMINATED) {
                    continue; // forgotten by the fleet
                }
                Instance inst = fleet.instance(i);
                int h = inst.host();
                if (h < 0) {
                    continue;
                }
                memory[h] += inst.type().memoryMib();
                int owner = occupancy.owner(h);
                if (owner != HostOccupancy.NONE) {
                    assertThat(inst.spec().tenancy()).as("only host tenancy on Dedicated Host %d", h)
                            .isEqualTo(Tenancy.HOST);
                    assertThat(inst.tenant()).as("only the owner on Dedicated Host %d", h).isEqualTo(owner);
                }
                if (inst.spec().tenancy() == Tenancy.HOST) {
                    assertThat(owner).as("host-tenancy instance %d on a host of its tenant", i).isEqualTo(inst.tenant());
                }
            }
            for (int h = 0; h < memory.length; h++) {
                assertThat(memory[h]).isLessThanOrEqualTo(hosts.spec(h).physicalMemoryMib());
            }
            assertThat(fleet.insufficientCapacity()).isEqualTo(refusals);
        }
    }

    @Property(seed = "2027", tries = 80)
    void hostTenancyOnlyOnOwnHostsFirstFit(
            @ForAll @Size(min = 1, max = 150) List<@IntRange(min = 0, max = 100_000) Integer> script,
            @ForAll @IntRange(min = 0, max = 5) int policyIndex) {
        String policy = List.of("first-fit", "next-fit", "best-fit", "worst-fit", "random", "zone-balanced")
                .get(policyIndex);
        World w = new World(policy);
        for (int code : script) {
            w.act(code);
            w.check();
        }
    }
}
