package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of host sharing under random arrivals, waits, attaches and detaches. */
class HostSharingPropertiesTest {

    private static final int THREADS = 8;
    private static final int INSTANCES = 10;

    @Property(seed = "99", tries = 300)
    void grantedCpuNeverExceedsTheThreadsNorAnyInstancesDemand(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 99_999) Integer> script) {
        Simulation sim = new Simulation(1);
        CpuSharing cpus = new CpuSharing(sim, (i, a, n) -> { });
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", THREADS, 64 * 1024).overcommitted(4, 1), 0, 1);
        cpus.bindHosts(hosts);
        for (int code : script) {
            int id = code % INSTANCES;
            int arg = code / INSTANCES;
            switch (arg % 4) {
                case 0 -> {
                    if (!cpus.isAttached(id)) {
                        int vcpus = 1 + arg % 4;
                        boolean burstable = arg % 3 == 0;
                        cpus.attach(id, 0, new VcpuProfile(vcpus, 1 + arg % 3, 0, burstable ? 0.2 : 1.0,
                                arg % 2 == 0 ? CpuCreditMode.STANDARD : CpuCreditMode.UNLIMITED, 0));
                    } else if (arg % 7 == 0) {
                        cpus.detach(id);
                    }
                }
                case 1, 2 -> {
                    if (cpus.isAttached(id)) {
                        cpus.submit(id, 1 + arg % (2 * Time.SECOND));
                    }
                }
                default -> sim.runUntil(sim.now() + arg % Time.SECOND);
            }
            double total = 0;
            for (int i = 0; i < INSTANCES; i++) {
                if (cpus.isAttached(i)) {
                    double granted = cpus.grantedVcpus(i);
                    assertThat(granted).isLessThanOrEqualTo(Math.min(cpus.active(i), 4) + 1e-9);
                    total += granted;
                }
            }
            assertThat(total).isLessThanOrEqualTo(THREADS + 1e-9);
            assertThat(cpus.hostGrantedVcpus(0)).isCloseTo(total, within(1e-9));
        }
    }
}
