package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stop, start, terminate, AMI boot times and host failure, with the exact event log. */
class LifecycleTest {

    private final Simulation sim = new Simulation(3);
    private final CpuSharing cpus = new CpuSharing(sim, (i, a, n) -> { });
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");
    private final List<String> log = new ArrayList<>();

    LifecycleTest() {
        // two small m5 hosts of 4 threads: two m5.large each
        hosts.addHosts(new HostSpec("small", "m5", 4, 16 * 1024), 0, 2);
        fleet.addListener((inst, from, to, now) -> log.add(from.apiName() + "->" + to.apiName() + "@"
                + now / Time.SECOND + "s"));
    }

    private LaunchSpec spec(Ami ami) {
        return new LaunchSpec(m5large, 0, 0, Time.seconds(5)).withAmi(ami).withStopMicros(Time.seconds(10));
    }

    @Test
    void userDataRunsOnlyOnTheFirstBoot() {
        // EBS AMI: 40 s boot + 20 s user data the first time; 40 s on a restart
        int id = fleet.launch(spec(Ami.ebs("ami-web", Time.seconds(20))));
        sim.runUntil(Time.seconds(100));
        fleet.stop(id);
        sim.runUntil(Time.seconds(200));
        assertThat(fleet.start(id)).isTrue();
        sim.runUntil(Time.seconds(300));
        assertThat(log).containsExactly("pending->running@60s", "running->stopping@100s",
                "stopping->stopped@110s", "stopped->pending@200s", "pending->running@240s");
    }

    @Test
    void instanceStoreBackedAmisBootSlowerAndCannotBeStopped() {
        int ebs = fleet.launch(spec(Ami.ebs("ami-ebs", 0)));
        int store = fleet.launch(spec(Ami.instanceStore("ami-store", 0)));
        sim.runUntil(Ami.EBS_BOOT_MICROS);
        assertThat(fleet.state(ebs)).isEqualTo(InstanceState.RUNNING);
        assertThat(fleet.state(store)).isEqualTo(InstanceState.PENDING);
        sim.runUntil(Ami.INSTANCE_STORE_BOOT_MICROS);
        assertThat(fleet.state(store)).isEqualTo(InstanceState.RUNNING);
        assertThatThrownBy(() -> fleet.stop(store)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be stopped, only terminated");
    }

    @Test
    void stopReleasesTheHostAndStartMayLandElsewhere() {
        int a = fleet.launch(spec(Ami.ebs("ami", 0)));
        sim.runUntil(Time.MINUTE);
        assertThat(fleet.instance(a).host()).isZero();
        fleet.stop(a);
        sim.runUntil(2 * Time.MINUTE);
        assertThat(fleet.instance(a).host()).isEqualTo(-1);
        assertThat(hosts.freeThreads(0)).isEqualTo(4);
        assertThat(cpus.isAttached(a)).isFalse();
        // fill host 0 while a is stopped: a comes back on host 1
        fleet.launch(spec(Ami.ebs("ami", 0)));
        fleet.launch(spec(Ami.ebs("ami", 0)));
        assertThat(fleet.start(a)).isTrue();
        assertThat(fleet.instance(a).host()).isEqualTo(1);
    }

    @Test
    void startWithoutRoomLeavesTheInstanceStopped() {
        int a = fleet.launch(spec(Ami.ebs("ami", 0)));
        sim.runUntil(Time.MINUTE);
        fleet.stop(a);
        sim.runUntil(2 * Time.MINUTE);
        for (int i = 0; i < 4; i++) {
            fleet.launch(spec(Ami.ebs("ami", 0)));
        }
        assertThat(fleet.start(a)).isFalse();
        assertThat(fleet.state(a)).isEqualTo(InstanceState.STOPPED);
        assertThat(fleet.insufficientCapacity()).isEqualTo(1);
    }

    @Test
    void terminateFromStoppedAndIllegalTransitionsAreRefused() {
        int a = fleet.launch(spec(Ami.ebs("ami", 0)));
        assertThatThrownBy(() -> fleet.stop(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go from pending to stopping");
        assertThatThrownBy(() -> fleet.start(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start needs stopped");
        sim.runUntil(Time.MINUTE);
        fleet.stop(a);
        assertThatThrownBy(() -> fleet.terminate(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go from stopping to shutting-down");
        sim.runUntil(2 * Time.MINUTE);
        fleet.terminate(a);
        sim.run();
        assertThat(fleet.state(a)).isEqualTo(InstanceState.TERMINATED);
        assertThatThrownBy(() -> fleet.terminate(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go from terminated");
    }

    @Test
    void hostFailureLosesEveryInstanceOnItAndTakesNoMore() {
        int booting = fleet.launch(spec(Ami.ebs("ami", Time.MINUTE)));
        int running = fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        int elsewhere = fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        sim.runUntil(Time.SECOND);
        assertThat(fleet.instance(booting).host()).isZero();
        assertThat(fleet.instance(running).host()).isZero();
        assertThat(fleet.instance(elsewhere).host()).isEqualTo(1);
        assertThat(fleet.failHost(0)).isEqualTo(2);
        assertThat(fleet.state(booting)).isEqualTo(InstanceState.TERMINATED);
        assertThat(fleet.state(running)).isEqualTo(InstanceState.TERMINATED);
        assertThat(fleet.state(elsewhere)).isEqualTo(InstanceState.RUNNING);
        assertThat(cpus.isAttached(running)).isFalse();
        sim.run(); // the cancelled boot must not fire
        int next = fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        assertThat(fleet.instance(next).host()).isEqualTo(1);
        assertThat(fleet.launch(new LaunchSpec(m5large, 0, 0, 0))).isEqualTo(-1);
        assertThat(fleet.lostToHostFailure()).isEqualTo(2);
    }

    @Test
    void aScheduledHostFailureFiresAtItsTime() {
        int id = fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        fleet.scheduleHostFailure(0, Time.HOUR);
        sim.runUntil(Time.HOUR - 1);
        assertThat(fleet.state(id)).isEqualTo(InstanceState.RUNNING);
        sim.runUntil(Time.HOUR);
        assertThat(fleet.state(id)).isEqualTo(InstanceState.TERMINATED);
        assertThat(log).containsExactly("pending->running@0s", "running->shutting-down@3600s",
                "shutting-down->terminated@3600s");
    }

    @Test
    void burstableTypesGetTheirBaselineAndDefaultMode() {
        InstanceCatalog catalog = InstanceCatalog.bundled();
        assertThat(BurstableCpu.baselinePerVcpu(catalog.get("t3.micro"))).isEqualTo(0.10);
        assertThat(BurstableCpu.baselinePerVcpu(catalog.get("t3.medium"))).isEqualTo(0.20);
        assertThat(BurstableCpu.baselinePerVcpu(catalog.get("t3.large"))).isEqualTo(0.30);
        assertThat(BurstableCpu.baselinePerVcpu(catalog.get("t3.2xlarge"))).isEqualTo(0.40);
        assertThat(BurstableCpu.baselinePerVcpu(m5large)).isEqualTo(1.0);
        assertThat(BurstableCpu.defaultMode(catalog.get("t2.micro")).apiName()).isEqualTo("standard");
        assertThat(BurstableCpu.defaultMode(catalog.get("t3.micro")).apiName()).isEqualTo("unlimited");
        assertThat(catalog.get("trn1.2xlarge").isBurstable()).isFalse();
    }

    @Test
    void hostShapesComeFromTheMetalSize() {
        HostSpec m5d = HostShapes.of(InstanceCatalog.bundled(), "m5d");
        assertThat(m5d.physicalThreads()).isEqualTo(96);
        assertThat(m5d.physicalMemoryMib()).isEqualTo(384 * 1024);
        assertThat(m5d.instanceStoreGib()).isPositive();
        assertThat(m5d.nvmeIops()).isPositive();
        assertThat(m5d.ebsMbps()).isPositive();
        HostSpec over = m5d.overcommitted(2, 1.5);
        assertThat(over.threads()).isEqualTo(192);
        assertThat(over.memoryMib()).isEqualTo(576 * 1024);
        assertThat(over.physicalThreads()).isEqualTo(96);
    }
}
