package io.stratus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Fleet;
import io.stratus.compute.HostShapes;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** I/O sharing against hand-solved rates; each equation is in a comment. */
class IoSharingTest {

    private final Simulation sim = new Simulation(13);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    private final BlockStorage ebs = new BlockStorage(sim, fleet);
    private final LongArrayList done = new LongArrayList();
    private final IoSharing io = new IoSharing(sim, fleet, ebs, hosts, (s, a, now) -> done.add(now),
            (s, a, now) -> done.add(now));
    private final int instance;

    IoSharingTest() {
        hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5d"), 0, 1);
        instance = fleet.launch(new LaunchSpec(InstanceCatalog.bundled().get("m5d.large"), 0, 0, 0));
        sim.runUntil(0);
    }

    private int volume(VolumeSpec spec) {
        int v = ebs.create(spec, 0);
        ebs.attach(v, instance, true);
        return v;
    }

    @Test
    void aGp3VolumeServesItsIopsByProcessorSharing() {
        // gp3 at 3,000 IOPS: one request of 3,000 ops takes 1 s; two at once share: both end at 2 s
        int v = volume(VolumeSpec.gp3(100));
        io.submitEbs(v, 3000);
        sim.run();
        io.submitEbs(v, 3000);
        io.submitEbs(v, 3000);
        sim.run();
        assertThat(done.toLongArray()).containsExactly(Time.SECOND, 3 * Time.SECOND, 3 * Time.SECOND);
    }

    @Test
    void theInstancesEbsBandwidthCapsItsVolumes() {
        // m5d.large: 4,750 Mb/s of EBS = 4750e6 / 8 / 16 KiB = 36,239.6 IOPS for its volumes.
        // Two busy io2 volumes of 64,000 IOPS: x_1 = x_2 = 36,239.6 / 2
        double cap = IoSharing.ebsIopsLimit(4750);
        assertThat(cap).isCloseTo(36_239.6, within(0.1));
        int a = volume(VolumeSpec.io2(200, 64_000));
        int b = volume(VolumeSpec.io2(200, 64_000));
        io.submitEbs(a, 1_000_000);
        assertThat(io.volumeIops(a)).isCloseTo(cap, within(1e-6));
        io.submitEbs(b, 1_000_000);
        assertThat(io.volumeIops(a)).isCloseTo(cap / 2, within(1e-6));
        assertThat(io.volumeIops(b)).isCloseTo(cap / 2, within(1e-6));
    }

    @Test
    void gp2BurstsUntilItsBucketIsEmptyThenRunsAtBaseline() {
        // 100 GiB gp2: baseline 300 IOPS, burst 3,000. Always busy, the 5.4M-credit bucket drains at
        // 3,000 - 300 = 2,700 credits/s: empty at t = 5.4e6 / 2700 = 2,000 s, then 300 IOPS
        int v = volume(VolumeSpec.gp2(100));
        io.submitEbs(v, 1_000_000_000L);
        sim.runUntil(2000 * Time.SECOND - 1);
        assertThat(io.volumeIops(v)).isCloseTo(3000, within(1e-9));
        sim.runUntil(2000 * Time.SECOND);
        assertThat(io.volumeIops(v)).isCloseTo(300, within(1e-9));
        assertThat(io.gp2Credits(v)).isCloseTo(0, within(1e-6));
    }

    @Test
    void instanceStoreRunsAtItsShareOfTheHostsNvme() {
        // m5d.large has 75 of the host's 3,600 GB: 75 / 3600 of its NVMe IOPS
        double host = hosts.spec(0).nvmeIops();
        io.submitInstanceStore(instance, 1_000_000);
        assertThat(io.instanceStoreIops(instance)).isCloseTo(host * 75 / 3600, within(1e-6));
        fleet.stop(instance);
        assertThat(io.instanceStoreIops(instance)).isZero();
        assertThat(io.dropped()).isEqualTo(1);
    }
}
