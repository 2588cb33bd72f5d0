package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetTest extends SmallHostsFleetFixture {

    private final List<String> log = new ArrayList<>();

    FleetTest() {
        super(1, 1);
        fleet.addListener((inst, from, to, now) -> log.add(inst.id() + ":" + from.apiName() + "->"
                + to.apiName() + "@" + Time.format(now)));
    }

    @Test
    void bootsAfterTheDelayAndTerminatesAfterShutdown() {
        int id = fleet.launch(new LaunchSpec(m5large, -1, Time.seconds(40), Time.seconds(5)));
        assertThat(fleet.state(id)).isEqualTo(InstanceState.PENDING);
        sim.runUntil(Time.seconds(100));
        assertThat(fleet.state(id)).isEqualTo(InstanceState.RUNNING);
        assertThat(cpus.isAttached(id)).isTrue();
        fleet.terminate(id);
        sim.run();
        assertThat(log).containsExactly("0:pending->running@40s", "0:running->shutting-down@00:01:40",
                "0:shutting-down->terminated@00:01:45");
        assertThat(cpus.isAttached(id)).isFalse();
        assertThat(hosts.freeThreads(0)).isEqualTo(4);
        assertThat(fleet.count(InstanceState.TERMINATED)).isEqualTo(1);
    }

    @Test
    void insufficientCapacityIsCountedNotThrown() {
        LaunchSpec spec = new LaunchSpec(m5large, 0, 0, 0);
        assertThat(fleet.launch(spec)).isEqualTo(0);
        assertThat(fleet.launch(spec)).isEqualTo(1);
        assertThat(fleet.launch(spec)).isEqualTo(-1); // zone a has one 4-thread host
        assertThat(fleet.insufficientCapacity()).isEqualTo(1);
        assertThat(fleet.launch(new LaunchSpec(m5large, 1, 0, 0))).isEqualTo(2);
        assertThat(fleet.instance(2).zone()).isEqualTo(1);
    }

    @Test
    void launchOnTakesTheNamedHostOrNothing() {
        LaunchSpec anyZone = new LaunchSpec(m5large, -1, 0, 0);
        assertThat(fleet.launchOn(anyZone, 1)).isEqualTo(0);
        assertThat(fleet.instance(0).host()).as("first fit alone would take host 0").isEqualTo(1);
        assertThat(fleet.instance(0).zone()).isEqualTo(1);
        assertThat(fleet.launchOn(anyZone, 1)).isEqualTo(1);
        assertThat(fleet.launchOn(anyZone, 1)).isEqualTo(-1); // host 1 has 4 threads
        assertThat(fleet.insufficientCapacity()).isEqualTo(1);
        assertThat(hosts.freeThreads(0)).isEqualTo(4);
        assertThat(fleet.launchOn(new LaunchSpec(m5large, 0, 0, 0), 1)).as("host 1 is not in zone 0").isEqualTo(-1);
        assertThatThrownBy(() -> fleet.launchOn(anyZone, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host 2");
    }

    @Test
    void illegalTransitionIsRefusedClearly() {
        int id = fleet.launch(new LaunchSpec(m5large, -1, Time.seconds(40), 0));
        assertThatThrownBy(() -> fleet.terminate(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot go from pending to shutting-down");
    }
}
