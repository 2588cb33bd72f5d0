package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Invariants of the fleet under random scripts of launches, stops, starts, terminations, host
 * failures and waits. Each script entry is decoded into one action.
 */
class FleetPropertiesTest {

    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "m5.2xlarge", "r5.large", "c5.xlarge");

    private static final class World {
        final Simulation sim = new Simulation(17);
        final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
        final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        final OnDemandBilling billing = new OnDemandBilling();
        final long[] runningSince = new long[4096];
        long expectedSeconds;

        World() {
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 0, 3);
            hosts.addHosts(new HostSpec("h", "m5", 16, 64 * 1024), 1, 3);
            fleet.addListener(billing);
            // an independent oracle of the bill: seconds of each running interval, nothing else
            fleet.addListener((inst, from, to, now) -> {
                if (to == InstanceState.RUNNING) {
                    runningSince[inst.id()] = now;
                } else if (from == InstanceState.RUNNING) {
                    expectedSeconds += OnDemandBilling.billableSeconds(now - runningSince[inst.id()]);
                }
            });
        }

        void act(int code) {
            int what = code % 10;
            int arg = code / 10;
            int n = fleet.size();
            InstanceCatalog catalog = InstanceCatalog.bundled();
            switch (what) {
                case 0, 1, 2 -> {
                    Tenancy tenancy = Tenancy.values()[arg % 2]; // default or dedicated
                    LaunchSpec spec = new LaunchSpec(catalog.get(TYPES.get(arg % TYPES.size())), arg % 3 - 1,
                            Time.seconds(arg % 50), Time.seconds(arg % 7)).withTenancy(arg % 4, tenancy);
                    fleet.launch(spec);
                }
                case 3 -> ifState(arg, n, InstanceState.RUNNING, fleet::stop);
                case 4 -> ifState(arg, n, InstanceState.STOPPED, fleet::start);
                case 5, 6 -> {
                    if (n > 0) {
                        InstanceState s = fleet.state(arg % n);
                        if (s == InstanceState.RUNNING || s == InstanceState.STOPPED) {
                            fleet.terminate(arg % n);
                        }
                    }
                }
                case 7 -> {
                    if (arg % 20 == 0) {
                        fleet.failHost(arg % hosts.hostCount());
                    }
                }
                default -> sim.runUntil(sim.now() + Time.seconds(1 + arg % 120));
            }
        }

        private void ifState(int arg, int n, InstanceState state, java.util.function.IntConsumer action) {
            if (n > 0 && fleet.state(arg % n) == state) {
                action.accept(arg % n);
            }
        }

        void checkHosts() {
            for (int h = 0; h < hosts.hostCount(); h++) {
                long memory = 0;
                int tenant = -1;
                boolean mixed = false;
                boolean dedicated = false;
                for (int i = 0; i < fleet.size(); i++) {
                    if (fleet.state(i) == InstanceState.TERMINATED) {
                        continue; // forgotten by the fleet
                    }
                    Instance inst = fleet.instance(i);
                    if (inst.host() != h) {
                        continue;
                    }
                    memory += inst.type().memoryMib();
                    mixed |= tenant >= 0 && tenant != inst.tenant();
                    tenant = inst.tenant();
                    dedicated |= inst.spec().tenancy() == Tenancy.DEDICATED;
                }
                assertThat(memory).isLessThanOrEqualTo(hosts.spec(h).physicalMemoryMib());
                assertThat(dedicated && mixed).as("host %d mixes tenants with a dedicated instance", h).isFalse();
            }
        }
    }

    @Property(seed = "4242", tries = 200)
    void noHostIsOverPhysicalMemoryAndDedicatedInstancesNeverShareWithOtherTenants(
            @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 9999) Integer> script) {
        World w = new World();
        for (int code : script) {
            w.act(code);
            w.checkHosts();
        }
    }

    @Property(seed = "777", tries = 200)
    void nothingIsBilledOutsideRunning(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 9999) Integer> script) {
        World w = new World();
        for (int code : script) {
            w.act(code);
        }
        long end = w.sim.now();
        for (int i = 0; i < w.fleet.size(); i++) {
            if (w.fleet.state(i) == InstanceState.RUNNING) {
                w.expectedSeconds += OnDemandBilling.billableSeconds(end - w.runningSince[i]);
            }
        }
        w.billing.close(end);
        long billed = w.billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
        assertThat(billed).isEqualTo(w.expectedSeconds);
    }
}
