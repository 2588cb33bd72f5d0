package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EC2 automatic recovery on host failure, host repair, with the exact event log. */
class AutoRecoveryTest {

    private final Simulation sim = new Simulation(5);
    private final CpuSharing cpus = new CpuSharing(sim, (i, a, n) -> { });
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a"), new Zone(1, "b")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");
    private final InstanceType m5dlarge = InstanceCatalog.bundled().get("m5d.large");
    private final List<String> log = new ArrayList<>();

    AutoRecoveryTest() {
        // zone a: two hosts of 4 threads (two m5.large each); zone b: one
        hosts.addHosts(new HostSpec("small", "m5", 4, 16 * 1024), 0, 2);
        hosts.addHosts(new HostSpec("small", "m5", 4, 16 * 1024), 1, 1);
        fleet.addListener((inst, from, to, now) -> log.add(inst.id() + ":" + from.apiName() + "->" + to.apiName()
                + "@" + now / Time.SECOND + "s"));
        fleet.setAutoRecovery(instance -> true);
    }

    private LaunchSpec spec(InstanceType type) {
        return new LaunchSpec(type, 0, 0, 0).withAmi(Ami.ebs("ami", Time.seconds(20)));
    }

    @Test
    void aRecoveredInstanceKeepsItsIdAndBootsAgainOnAnotherHostOfItsZoneWithoutUserData() {
        int id = fleet.launch(spec(m5large));
        sim.runUntil(Time.seconds(100));
        assertThat(fleet.instance(id).host()).isZero();
        assertThat(fleet.failHost(0)).isZero(); // recovered, not lost
        assertThat(fleet.instance(id).host()).isEqualTo(1);
        assertThat(fleet.instance(id).zone()).isZero();
        sim.runUntil(Time.seconds(200));
        // first boot 40 s + 20 s user data; after recovery 40 s
        assertThat(log).containsExactly("0:pending->running@60s", "0:running->pending@100s", "0:pending->running@140s");
        assertThat(fleet.recovered()).isEqualTo(1);
        assertThat(fleet.lostToHostFailure()).isZero();
    }

    @Test
    void withoutRoomInItsZoneOrWithAnInstanceStoreTheInstanceIsLost() {
        int a = fleet.launch(spec(m5large));
        int b = fleet.launch(spec(m5large));
        int c = fleet.launch(spec(m5large));
        int d = fleet.launch(spec(m5large));
        sim.runUntil(Time.seconds(100));
        assertThat(fleet.instance(c).host()).isEqualTo(1);
        // host 0's two instances find host 1 full, zone b is not theirs
        assertThat(fleet.failHost(0)).isEqualTo(2);
        assertThat(fleet.state(a)).isEqualTo(InstanceState.TERMINATED);
        assertThat(fleet.state(b)).isEqualTo(InstanceState.TERMINATED);
        assertThat(fleet.state(d)).isEqualTo(InstanceState.RUNNING);
        fleet.repairHost(0);
        int store = fleet.launch(spec(m5dlarge));
        sim.runUntil(Time.seconds(200));
        assertThat(fleet.instance(store).host()).isZero(); // the repaired host takes instances again
        assertThat(fleet.failHost(0)).isEqualTo(1); // instance-store volumes: never recovered
        assertThat(fleet.state(store)).isEqualTo(InstanceState.TERMINATED);
        assertThat(fleet.recovered()).isZero();
    }

    @Test
    void aBootingInstanceIsLostNotRecovered() {
        int id = fleet.launch(spec(m5large));
        sim.runUntil(Time.seconds(10));
        assertThat(fleet.failHost(0)).isEqualTo(1);
        assertThat(fleet.state(id)).isEqualTo(InstanceState.TERMINATED);
    }
}
