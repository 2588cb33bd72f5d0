package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live migration moves a running instance's reservation and CPU to another host of its zone. */
class FleetMigrationTest extends SmallHostsFleetFixture {

    private final List<String> log = new ArrayList<>();

    FleetMigrationTest() {
        super(2, 1); // hosts 0 and 1 in zone a, host 2 in zone b
        fleet.addListener((inst, from, to, now) -> log.add(from.apiName() + "->" + to.apiName()));
    }

    private int running() {
        int id = fleet.launch(new LaunchSpec(m5large, 0, Time.seconds(40), 0));
        sim.runUntil(sim.now() + Time.MINUTE);
        return id;
    }

    @Test
    void theReservationAndTheCpuMoveAndNoStateChangeIsHeard() {
        int id = running();
        assertThat(fleet.instance(id).host()).isZero();
        log.clear();
        fleet.migrate(id, 1);
        assertThat(fleet.instance(id).host()).isEqualTo(1);
        assertThat(fleet.state(id)).isEqualTo(InstanceState.RUNNING);
        assertThat(hosts.freeThreads(0)).isEqualTo(4);
        assertThat(hosts.freeMemoryMib(0)).isEqualTo(16 * 1024);
        assertThat(hosts.freeThreads(1)).isEqualTo(2);
        assertThat(hosts.freeMemoryMib(1)).isEqualTo(8 * 1024);
        assertThat(cpus.isAttached(id)).isTrue();
        assertThat(cpus.vcpus(id)).isEqualTo(2);
        assertThat(fleet.migrations()).isEqualTo(1);
        assertThat(log).isEmpty();
        // the instance still terminates from its new host
        fleet.terminate(id);
        sim.run();
        assertThat(hosts.freeThreads(1)).isEqualTo(4);
    }

    @Test
    void refusesWhatLiveMigrationCannotDo() {
        int id = running();
        assertThatThrownBy(() -> fleet.migrate(id, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot move from host 0 to host 0");
        assertThatThrownBy(() -> fleet.migrate(id, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not another host of its zone");
        fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        fleet.launch(new LaunchSpec(m5large, 0, 0, 0));
        fleet.launch(new LaunchSpec(m5large, 0, 0, 0)); // hosts 0 and 1 are now full
        assertThatThrownBy(() -> fleet.migrate(id, 1)).isInstanceOf(IllegalStateException.class);
        int pending = fleet.launch(new LaunchSpec(m5large, 1, Time.seconds(40), 0));
        assertThatThrownBy(() -> fleet.migrate(pending, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a running instance");
        cpus.submit(id, Time.SECOND);
        assertThatThrownBy(() -> fleet.migrate(id, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requests in progress");
        assertThat(fleet.migrations()).isZero();
    }
}
