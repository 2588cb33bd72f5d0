package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bills worked by hand from the real us-east-1 price of m5.large: $0.096 per hour. */
class OnDemandBillingTest {

    private final Simulation sim = new Simulation(1);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    private final OnDemandBilling billing = new OnDemandBilling();
    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");

    OnDemandBillingTest() {
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, 1);
        fleet.addListener(billing);
    }

    @Test
    void thirtySecondsBillSixty() {
        // 30 s running, 60 s minimum: 60 s x $0.096 / 3600 s = $0.0016
        int id = fleet.launch(new LaunchSpec(m5large, -1, Time.seconds(40), Time.seconds(10)));
        sim.runUntil(Time.seconds(70));
        fleet.terminate(id);
        sim.run();
        assertThat(billing.billedSecondsByType()).containsEntry("m5.large", 60L);
        assertThat(billing.totalUsd()).isCloseTo(0.0016, within(1e-12));
    }

    @Test
    void partialSecondsRoundUpAndBootIsNotBilled() {
        // boot 40 s (pending, not billed), running 90.4 s: ceil = 91 s; 91 x 0.096 / 3600 = $0.0024267
        int id = fleet.launch(new LaunchSpec(m5large, -1, Time.seconds(40), Time.seconds(10)));
        sim.runUntil(Time.seconds(40) + Time.seconds(90.4));
        fleet.terminate(id);
        sim.run();
        assertThat(billing.billedSecondsByType()).containsEntry("m5.large", 91L);
        assertThat(billing.totalUsd()).isCloseTo(91 * 0.096 / 3600, within(1e-12));
    }

    @Test
    void openIntervalsAreBilledToTheEndOfTheRun() {
        // two instances running from t = 0 for one hour: 2 x $0.096
        fleet.launch(new LaunchSpec(m5large, -1, 0, 0));
        fleet.launch(new LaunchSpec(m5large, -1, 0, 0));
        sim.runUntil(Time.HOUR);
        billing.close(sim.now());
        assertThat(billing.totalUsd()).isCloseTo(0.192, within(1e-12));
    }

    @Test
    void billableSecondsRule() {
        assertThat(OnDemandBilling.billableSeconds(0)).isEqualTo(60);
        assertThat(OnDemandBilling.billableSeconds(Time.seconds(60))).isEqualTo(60);
        assertThat(OnDemandBilling.billableSeconds(Time.seconds(60) + 1)).isEqualTo(61);
    }

    @Test
    void instancesOnDedicatedHostsAreNotBilledPerInstanceButTheirHostsAre() {
        // one shared m5.large and one on a Dedicated Host, both running for one hour: only the
        // shared one is billed per instance; the host costs m5.metal $4.608 x 1.10 = $5.0688 per hour
        fleet.allocateDedicatedHost(0, 0);
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, 1);
        fleet.launch(new LaunchSpec(m5large, -1, 0, 0).onDedicatedHosts(0));
        fleet.launch(new LaunchSpec(m5large, -1, 0, 0));
        sim.runUntil(Time.HOUR);
        billing.close(Time.HOUR);
        assertThat(billing.billedSecondsByType()).containsEntry("m5.large", 3600L);
        assertThat(billing.totalUsd()).isCloseTo(0.096, within(1e-12));
        HostAllocation host = new HostAllocation("m5", 1);
        assertThat(host.costUsd(PriceBook.bundled(), Time.HOUR)).isCloseTo(4.608 * 1.10, within(1e-9));
        assertThat(host.costUsd(PriceBook.bundled(), Time.HOUR / 2)).isCloseTo(4.608 * 1.10 / 2, within(1e-9));
    }
}
