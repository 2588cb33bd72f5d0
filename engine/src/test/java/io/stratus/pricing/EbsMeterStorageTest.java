package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Ami;
import io.stratus.compute.Fleet;
import io.stratus.compute.HostShapes;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.storage.VolumeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EBS volumes billed from the storage model's own events: root volumes of EBS-backed launches,
 * data volumes, deletion on termination, and a meter restricted to some instances. Expected
 * figures are hand-computed from the bundled us-east-1 prices (gp3 $0.08 per GB-month, 730 h).
 */
class EbsMeterStorageTest {

    private static final double GP3_GB_HOUR = 0.08 / 730;

    private final Simulation sim = new Simulation(3);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
    private final Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
    private final BlockStorage storage = new BlockStorage(sim, fleet);
    private final EbsPrices prices = PriceBook.bundled().ebs();

    EbsMeterStorageTest() {
        hosts.addHosts(HostShapes.of(InstanceCatalog.bundled(), "m5"), 0, 1);
    }

    private LaunchSpec m5large(int tenant) {
        // boots in 0 s so that the root volume exists from time 0 exactly
        return new LaunchSpec(InstanceCatalog.bundled().get("m5.large"), 0, 0, 0)
                .withAmi(new Ami("ami", io.stratus.compute.RootDevice.EBS, 0, 0, 8)).withTenancy(tenant, io.stratus.infra.Tenancy.DEFAULT);
    }

    private static double total(EbsMeter meter, EbsPrices prices) {
        return meter.costs(prices).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void rootAndDataVolumesAreBilledToTheirOwnersFromCreationToDeletion() {
        EbsMeter all = new EbsMeter();
        storage.addListener(all);
        int a = fleet.launch(m5large(0));
        int b = fleet.launch(m5large(1));
        sim.runUntil(0);
        int data = storage.create(VolumeSpec.gp3(100), 0, 1);
        storage.attach(data, b, true);
        sim.runUntil(2 * Time.HOUR);
        fleet.terminate(b);                       // its root and data volumes go with it
        sim.runUntil(4 * Time.HOUR);
        all.close(4 * Time.HOUR);

        // tenant 0: a's 8 GiB root for 4 h; tenant 1: b's 8 GiB root and 100 GiB data for 2 h
        // (terminating takes the launch spec's 0 s shutdown)
        double tenant0 = 8 * 4 * GP3_GB_HOUR;
        double tenant1 = (8 + 100) * 2 * GP3_GB_HOUR;
        double byTenant0 = all.costs(prices).entrySet().stream().filter(e -> e.getKey().tenant() == 0)
                .mapToDouble(e -> e.getValue()).sum();
        assertThat(byTenant0).isCloseTo(tenant0, within(1e-12));
        assertThat(total(all, prices)).isCloseTo(tenant0 + tenant1, within(1e-12));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aMeterForSomeInstancesBillsOnlyTheirVolumes() {
        int[] wanted = {-1};
        EbsMeter some = EbsMeter.forInstances(id -> id == wanted[0]);
        storage.addListener(some);
        fleet.launch(m5large(0));
        wanted[0] = fleet.launch(m5large(0));
        sim.runUntil(0);
        int data = storage.create(VolumeSpec.gp3(50), 0, 0);
        storage.attach(data, wanted[0], false);
        sim.runUntil(3 * Time.HOUR);
        // only the second instance's 8 GiB root and its 50 GiB data volume, 3 h each
        double expected = (8 + 50) * 3 * GP3_GB_HOUR;
        assertThat(some.totalUsd(prices, 3 * Time.HOUR)).isCloseTo(expected, within(1e-12));
        some.close(3 * Time.HOUR);
        assertThat(total(some, prices)).isCloseTo(expected, within(1e-12));
        assertThat(some.totalUsd(prices, 3 * Time.HOUR)).isCloseTo(expected, within(1e-12));
    }
}
