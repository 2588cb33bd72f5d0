package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedInstancesTest {

    @Test
    void memoryIsHeldFromLaunchUntilStopOrTerminateAndCountedOnce() {
        Simulation sim = new Simulation(1);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "m5", 96, 384 * 1024), 0, 1);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        OwnedInstances owned = new OwnedInstances(id -> true);
        fleet.addLaunchListener((instance, now) -> owned.launched(instance));
        fleet.addListener(owned);
        LaunchSpec m5large = new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), -1, Time.seconds(10),
                Time.seconds(5));
        int a = fleet.launch(m5large);
        int b = fleet.launch(m5large);
        assertThat(owned.memoryGib()).isEqualTo(16.0); // two m5.large of 8 GiB, pending
        sim.runUntil(Time.MINUTE);
        fleet.stop(a);
        sim.runUntil(2 * Time.MINUTE);
        assertThat(owned.count(InstanceState.STOPPED)).isEqualTo(1);
        assertThat(owned.memoryGib()).isEqualTo(8.0);
        fleet.terminate(a); // stopped, then terminated: its memory must not be released twice
        fleet.terminate(b);
        sim.runUntil(3 * Time.MINUTE);
        assertThat(owned.count(InstanceState.TERMINATED)).isEqualTo(2);
        assertThat(owned.memoryGib()).isZero();
    }
}
