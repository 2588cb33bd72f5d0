package io.stratus.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.hypervisor.UtilisationVms;
import io.stratus.hypervisor.VcpuProfile;
import io.stratus.infra.HostPowerModel;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consolidation ledger on a host that a VM shares with a request-serving instance: the host's
 * power follows all its members' grants, and it is overloaded when all their demands exceed its
 * threads, worked by hand.
 */
class ConsolidationLedgerMixedHostTest {

    private static final long FOREVER = 1_000_000 * Time.SECOND;

    @Test
    void powerAndOverloadCountEveryMemberOfTheHost() {
        Simulation sim = new Simulation(1);
        CpuSharing cpus = new CpuSharing(sim, (id, arrival, now) -> { });
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", 4, 64 * 1024).overcommitted(4, 1), 0, 1);
        cpus.bindHosts(hosts);
        // VM 0 is instance 0 (4 vCPUs); instance 1 (2 vCPUs) serves two endless requests: d = 2
        UtilisationVms vms = new UtilisationVms(cpus, hosts, new int[] {4}, new int[] {0}, new int[] {0});
        cpus.attach(0, 0, VcpuProfile.fixed(4, 0));
        cpus.attach(1, 0, VcpuProfile.fixed(2, 0));
        cpus.submit(1, FOREVER);
        cpus.submit(1, FOREVER);
        ConsolidationLedger ledger = new ConsolidationLedger(vms, hosts, new HostPowerModel(100, 200),
                new int[] {0}, 0);

        // hour 1: the VM at u = 0.25 demands 1; 1 + 2 = 3 <= 4 threads, all granted: the host is 3/4
        // busy, 100 + 100 x 0.75 = 175 W, not overloaded (the VM's 1 vCPU alone would say 1/4 busy)
        vms.setUtilisation(0, 0.25);
        ledger.stateChanged();
        sim.runUntil(Time.HOUR);
        ledger.advanceTo(Time.HOUR);
        assertThat(ledger.energyKwh()).isCloseTo(0.175, within(1e-12));
        assertThat(ledger.overloadedHostFraction()).isZero();

        // hour 2: the VM at u = 1 demands 4; 4 + 2 = 6 > 4: overloaded, every thread granted
        // (weights = vCPUs, 4 and 2; neither is satisfied, since 2 > 2L and 4 > 4L for L = 2/3 from
        // 4L + 2L = 4: the VM gets 8/3 of its 4, the instance 4/3 of its 2): 200 W
        vms.setUtilisation(0, 1.0);
        ledger.stateChanged();
        assertThat(vms.granted(0)).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(cpus.grantedVcpus(1)).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(vms.hostDemand(0)).isEqualTo(6.0);
        sim.runUntil(2 * Time.HOUR);
        ledger.advanceTo(2 * Time.HOUR);
        assertThat(ledger.energyKwh()).isCloseTo(0.175 + 0.2, within(1e-12));
        assertThat(ledger.overloadedHostFraction()).isCloseTo(0.5, within(1e-12));
        assertThat(ledger.deliveredVcpuHours()).isCloseTo(1 + 8.0 / 3, within(1e-12));
        assertThat(ledger.demandedVcpuHours()).isCloseTo(1 + 4, within(1e-12));
    }
}
