package io.stratus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.compute.Ami;
import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.compute.HostShapes;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageTest {

    private final Simulation sim = new Simulation(11);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    private final BlockStorage ebs = new BlockStorage(sim, fleet);
    private final InstanceStore local = new InstanceStore(fleet);
    private final List<String> events = new ArrayList<>();
    private final LaunchSpec m5d = new LaunchSpec(InstanceCatalog.bundled().get("m5d.large"), 0, 0, 0)
            .withAmi(Ami.ebs("ami", 0)).withStopMicros(Time.SECOND);

    StorageTest() {
        hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5d"), 0, 2);
        hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5d"), 1, 1);
        ebs.addListener(new VolumeListener() {
            @Override
            public void volumeCreated(EbsVolume v, long now) {
                events.add("created " + v.id() + (v.isRoot() ? " root" : ""));
            }

            @Override
            public void volumeDeleted(EbsVolume v, long now) {
                events.add("deleted " + v.id());
            }

            @Override
            public void snapshotCreated(Snapshot s, long now) {
                events.add("snapshot " + s.id() + " of " + s.volumeId());
            }
        });
    }

    private int running(LaunchSpec spec) {
        int id = fleet.launch(spec);
        sim.runUntil(sim.now() + Time.MINUTE);
        return id;
    }

    @Test
    void ebsDataSurvivesStopAndStartInstanceStoreDataDoesNot() {
        int id = running(m5d);
        int root = ebs.attachedTo(id).get(0).id();
        ebs.write(root, 42);
        local.write(id, 7);
        fleet.stop(id);
        sim.runUntil(sim.now() + Time.MINUTE);
        assertThat(local.read(id)).isEqualTo(InstanceStore.BLANK);
        fleet.start(id);
        sim.runUntil(sim.now() + Time.MINUTE);
        assertThat(ebs.volume(root).contents()).isEqualTo(42);
        assertThat(ebs.volume(root).instance()).isEqualTo(id);
        assertThat(local.wipes()).isEqualTo(1);
    }

    @Test
    void volumesMoveBetweenInstancesOfOneZoneOnly() {
        int a = running(m5d);
        int b = running(m5d);
        int c = running(new LaunchSpec(InstanceCatalog.bundled().get("m5d.large"), 1, 0, 0));
        int data = ebs.create(VolumeSpec.gp3(100), 0);
        ebs.attach(data, a, false);
        ebs.write(data, 99);
        assertThatThrownBy(() -> ebs.attach(data, b, false)).hasMessageContaining("only an available volume");
        ebs.detach(data);
        assertThatThrownBy(() -> ebs.attach(data, c, false)).hasMessageContaining("only in its own zone");
        ebs.attach(data, b, false);
        assertThat(ebs.volume(data).contents()).isEqualTo(99);
        int root = ebs.attachedTo(a).get(0).id();
        assertThatThrownBy(() -> ebs.detach(root)).hasMessageContaining("stop the instance first");
    }

    @Test
    void terminationDeletesOnlyDeleteOnTerminationVolumes() {
        int a = running(m5d);
        int kept = ebs.create(VolumeSpec.gp2(50), 0);
        ebs.attach(kept, a, false);
        fleet.terminate(a);
        sim.run();
        int root = 0;
        assertThat(ebs.volume(root).state()).isEqualTo(VolumeState.DELETED);
        assertThat(ebs.volume(kept).state()).isEqualTo(VolumeState.AVAILABLE);
        assertThat(events).containsExactly("created 0 root", "created 1", "deleted 0");
    }

    @Test
    void hostFailureLosesInstanceStoreButNotDetachableVolumes() {
        int a = running(m5d);
        int data = ebs.create(VolumeSpec.io2(100, 5000), 0);
        ebs.attach(data, a, false);
        ebs.write(data, 5);
        local.write(a, 6);
        fleet.failHost(fleet.instance(a).host());
        assertThat(local.read(a)).isEqualTo(InstanceStore.BLANK);
        assertThat(ebs.volume(data).state()).isEqualTo(VolumeState.AVAILABLE);
        assertThat(ebs.volume(data).contents()).isEqualTo(5);
    }

    @Test
    void snapshotsRestoreInAnyZone() {
        int a = running(m5d);
        int data = ebs.create(VolumeSpec.gp3(20), 0);
        ebs.attach(data, a, true);
        ebs.write(data, 123);
        int snap = ebs.takeSnapshot(data);
        ebs.write(data, 124);
        int copy = ebs.restore(snap, VolumeSpec.gp3(20), 1);
        assertThat(ebs.volume(copy).contents()).isEqualTo(123);
        assertThat(ebs.volume(copy).zone()).isEqualTo(1);
        assertThatThrownBy(() -> ebs.restore(snap, VolumeSpec.gp3(10), 1)).hasMessageContaining("at least 20 GiB");
        ebs.deleteSnapshot(snap);
        assertThatThrownBy(() -> ebs.snapshot(snap)).hasMessageContaining("no snapshot");
    }

    @Test
    void volumeTypeLimitsFollowAws() {
        // gp2: 3 IOPS/GiB within [100, 16000]; bursts to 3000 below 1000 GiB
        assertThat(VolumeSpec.gp2(10).baselineIops()).isEqualTo(100);
        assertThat(VolumeSpec.gp2(500).baselineIops()).isEqualTo(1500);
        assertThat(VolumeSpec.gp2(500).burstIops()).isEqualTo(3000);
        assertThat(VolumeSpec.gp2(1000).bursts()).isFalse();
        assertThat(VolumeSpec.gp2(6000).baselineIops()).isEqualTo(16000);
        assertThat(VolumeSpec.gp3(1).baselineIops()).isEqualTo(3000);
        assertThat(VolumeSpec.gp3(1).maxThroughputMBps()).isEqualTo(125);
        assertThatThrownBy(() -> new VolumeSpec(VolumeType.GP3, 100, 17000, 125)).hasMessageContaining("3000 to 16000");
        assertThat(VolumeSpec.io2(200, 64000).baselineIops()).isEqualTo(64000);
        assertThatThrownBy(() -> VolumeSpec.io2(10, 6000)).hasMessageContaining("100 to 5000");
    }
}
