package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What overcommitted hosts sell, and what the instances on them then get. */
class OvercommitTest {

    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large"); // 2 vCPU, 8 GiB
    private final Simulation sim = new Simulation(2);
    private final LongArrayList done = new LongArrayList();
    private final CpuSharing cpus = new CpuSharing(sim, (i, a, now) -> done.add(now));
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);

    @Test
    void withoutOvercommitAHostSellsOnlyItsHardware() {
        hosts.addHosts(new HostSpec("h", "m5", 4, 16 * 1024), 0, 1);
        assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(0);
        assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(1);
        assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(-1);
    }

    @Test
    void overcommittedHostsSellMoreAndShareThePhysicalThreadsAndMemory() {
        // 4 threads and 16 GiB sold at 2x CPU and 1.5x memory: 8 vCPUs and 24 GiB, three m5.large
        hosts.addHosts(new HostSpec("h", "m5", 4, 16 * 1024).overcommitted(2, 1.5), 0, 1);
        for (int i = 0; i < 3; i++) {
            assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(i);
        }
        assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(-1);
        sim.runUntil(0);
        // active memory 24 GiB on 16 GiB: excess 1/2, efficiency 1 / (1 + 10 x 1/2) = 1/6.
        // Three instances each with two 1 s jobs demand 6 vCPUs on 4 threads: share 4/6 each.
        // Each job progresses at (4/6) x (1/6) = 1/9: all six end at t = 9 s.
        for (int i = 0; i < 3; i++) {
            cpus.submit(i, Time.SECOND);
            cpus.submit(i, Time.SECOND);
        }
        assertThat(cpus.share(0)).isCloseTo(4.0 / 6, within(1e-12));
        sim.run();
        assertThat(done.size()).isEqualTo(6);
        assertThat(done.getLong(5)).isEqualTo(9 * Time.SECOND);
    }
}
