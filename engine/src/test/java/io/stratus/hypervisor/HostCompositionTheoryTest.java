package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * A trace-driven VM (a utilisation demand, no requests) and request-serving instances on one host:
 * members of one pool, shared by one water-filling. SimGrid style: each test writes the sharing
 * equation solved by hand, then checks what the simulator granted and the steal of both kinds.
 */
class HostCompositionTheoryTest {

    private static final long FOREVER = 1_000_000 * Time.SECOND;

    private final Simulation sim = new Simulation(11);
    private long completions;
    private double responseSum;
    private final CpuSharing cpus = new CpuSharing(sim, (id, arrival, now) -> {
        completions++;
        responseSum += now - arrival;
    });
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));

    private void host(int threads) {
        hosts.addHosts(new HostSpec("h", "test", threads, 64 * 1024).overcommitted(4.0, 1), 0, 1);
        cpus.bindHosts(hosts);
    }

    @Test
    void saturatedInstanceAndUtilisationVmGetTheWeightedMaxMinSolution() {
        // T = 8 threads. Instance A: c = 8 vCPUs, 8 jobs that never finish, weight 8: d_A = 8.
        // VM B: c' = 4 vCPUs, weight 4, u = 0.75: d_B = u c' = 3. d_A + d_B = 11 > 8, so
        // x_i = min(d_i, L w_i) with x_A + x_B = 8. Try B satisfied: 3 <= 4L and 8L = 5 give
        // L = 5/8 < 3/4, a contradiction; so neither is: 8L + 4L = 8, L = 2/3,
        // x_A = 16/3 (< 8), x_B = 8/3 (< 3). Steal: s_A = 8 - 16/3 = 8/3, s_B = 3 - 8/3 = 1/3.
        host(8);
        cpus.attach(0, 0, VcpuProfile.fixed(8, 0).withWeight(8));
        cpus.attachUtilisation(1, 0, VcpuProfile.fixed(4, 0).withWeight(4));
        for (int j = 0; j < 8; j++) {
            cpus.submit(0, FOREVER);
        }
        cpus.setUtilisation(1, 0.75);
        assertThat(cpus.grantedVcpus(0)).isCloseTo(16.0 / 3, within(1e-9));
        assertThat(cpus.grantedVcpus(1)).isCloseTo(8.0 / 3, within(1e-9));
        assertThat(cpus.hostGrantedVcpus(0)).isCloseTo(8, within(1e-9));
        sim.runUntil(Time.SECOND);
        assertThat(cpus.busyVcpuMicros(0) / (double) Time.SECOND).isCloseTo(16.0 / 3, within(1e-6));
        assertThat(cpus.busyVcpuMicros(1) / (double) Time.SECOND).isCloseTo(8.0 / 3, within(1e-6));
        assertThat(cpus.stealVcpuMicros(0) / Time.SECOND).isCloseTo(8.0 / 3, within(1e-6));
        assertThat(cpus.stealVcpuMicros(1) / Time.SECOND).isCloseTo(1.0 / 3, within(1e-6));

        // The VM drops to u = 0.25: d_B = 1. B satisfied needs 1 <= 4L with 8L = 8 - 1, L = 7/8: it
        // holds, so x_B = 1, x_A = 7, and B steals nothing in the second second.
        cpus.setUtilisation(1, 0.25);
        assertThat(cpus.grantedVcpus(0)).isCloseTo(7, within(1e-9));
        assertThat(cpus.grantedVcpus(1)).isCloseTo(1, within(1e-9));
        sim.runUntil(2 * Time.SECOND);
        assertThat(cpus.busyVcpuMicros(0) / (double) Time.SECOND).isCloseTo(16.0 / 3 + 7, within(1e-6));
        assertThat(cpus.stealVcpuMicros(0) / Time.SECOND).isCloseTo(8.0 / 3 + 1, within(1e-6));
        assertThat(cpus.stealVcpuMicros(1) / Time.SECOND).isCloseTo(1.0 / 3, within(1e-6));

        // The VM leaves: A alone gets all 8 threads.
        cpus.detach(1);
        assertThat(cpus.grantedVcpus(0)).isEqualTo(8.0);
        assertThat(cpus.isAttached(1)).isFalse();
        assertThat(cpus.busyVcpuMicros(1) / (double) Time.SECOND).isCloseTo(8.0 / 3 + 1, within(1e-6));
    }

    @Test
    void requestsSlowTheVmWhenTheirWeightIsLarger() {
        // T = 4. Instance A: c = 4, weight 3, busy: d_A = 4. VM B: c' = 4, weight 1, u = 1: d_B = 4.
        // 4 + 4 > 4: L (3 + 1) = 4, L = 1; x_A = 3 <= 4, x_B = 1 <= 4. The VM steals 3 of its 4.
        host(4);
        cpus.attach(0, 0, VcpuProfile.fixed(4, 0).withWeight(3));
        cpus.attachUtilisation(1, 0, VcpuProfile.fixed(4, 0).withWeight(1));
        cpus.setUtilisation(1, 1.0);
        assertThat(cpus.grantedVcpus(1)).isEqualTo(4.0); // alone, it gets its demand
        for (int j = 0; j < 4; j++) {
            cpus.submit(0, FOREVER);
        }
        assertThat(cpus.grantedVcpus(0)).isCloseTo(3, within(1e-9));
        assertThat(cpus.grantedVcpus(1)).isCloseTo(1, within(1e-9));
        assertThat(cpus.share(1)).isCloseTo(0.25, within(1e-12));
        assertThat(cpus.active(1)).isZero();
        assertThat(cpus.isUtilisationVm(1)).isTrue();
        assertThat(cpus.isUtilisationVm(0)).isFalse();
    }

    @Test
    void mm1PsInstanceWithAConstantNeighbourServesAtTheReducedRate() {
        // T = 1 thread. Instance A: c = 1 vCPU, weight 1, Poisson arrivals at lambda, exponential
        // work of mean 1/mu. VM B: c' = 1, weight 1, demand s = 0.3 constant. While A is busy,
        // d_A + d_B = 1.3 > 1; with equal weights L = 1/2 and s <= L, so B is satisfied:
        // x_B = s, x_A = 1 - s. While A is idle B gets s. So A is an M/M/1-PS server of rate
        // mu' = mu (1 - s), and (Kleinrock; PS is insensitive, same as FCFS for exponential work)
        //   E[T] = 1 / (mu (1 - s) - lambda),  rho' = lambda / (mu (1 - s)).
        // With 1/mu = 10 ms, s = 0.3, lambda = 35/s: mu' = 70/s, rho' = 1/2, E[T] = 1/35 s.
        // A's steal: s per second while busy, so s rho' per second; B never steals.
        double mu = 100;
        double s = 0.3;
        double lambda = 35;
        double expected = 1.0 / (mu * (1 - s) - lambda);
        double rho = lambda / (mu * (1 - s));
        host(1);
        cpus.attach(0, 0, VcpuProfile.fixed(1, 0));
        cpus.attachUtilisation(1, 0, VcpuProfile.fixed(1, 0));
        cpus.setUtilisation(1, s);
        SplittableRandom random = new SplittableRandom(20261203L);
        int arrivalKind = sim.registerKind("test-arrival", (id, unused) -> {
            cpus.submit(0, 1 + (long) (-Math.log(1 - random.nextDouble()) / mu * Time.SECOND));
        });
        long horizon = 0;
        for (int i = 0; i < 400_000; i++) {
            horizon += (long) (-Math.log(1 - random.nextDouble()) / lambda * Time.SECOND);
            sim.schedule(horizon, arrivalKind, 0, 0);
        }
        sim.runUntil(horizon);
        double seconds = horizon / (double) Time.SECOND;

        assertThat(responseSum / completions / Time.SECOND).isCloseTo(expected, Percentage.withPercentage(3));
        assertThat(cpus.busyVcpuMicros(0) / (double) horizon).isCloseTo(rho * (1 - s), within(0.01));
        assertThat(cpus.stealVcpuMicros(0) / Time.SECOND / seconds).isCloseTo(s * rho, within(0.01));
        assertThat(cpus.busyVcpuMicros(1) / (double) horizon).isCloseTo(s, within(1e-9));
        assertThat(cpus.stealVcpuMicros(1)).isZero();
    }

    @Test
    void fleetLaunchedTraceVmSharesItsHostAndKeepsItsUtilisationThroughMigration() {
        // Two hosts of T = 1 thread (vCPU overcommit 2). Fleet launches A (requests) and B, both
        // 1 vCPU, weight 1, first fit: both on host 0. B is trace-driven at u = 0.3: d_B = 0.3.
        // A busy: d_A = 1, 1.3 > 1, L = 1/2, B satisfied (0.3 <= 1/2): x_B = 0.3, x_A = 0.7.
        // B migrates to host 1: A alone gets 1, B still claims 0.3 there.
        InstanceType oneVcpu = new InstanceType("test.1vcpu", "test", InstanceCategory.GENERAL_PURPOSE, "1vcpu", 1,
                2.0, 0, 0, 0, 0, 0.01);
        hosts.addHosts(new HostSpec("h", "test", 1, 16 * 1024).overcommitted(2, 1), 0, 2);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
        Instance a = fleet.instance(fleet.launch(new LaunchSpec(oneVcpu, -1, 0, 0)));
        Instance b = fleet.instance(fleet.launch(new LaunchSpec(oneVcpu, -1, 0, 0)));
        cpus.driveByUtilisation(b.id());
        cpus.setUtilisation(b.id(), 0.3);
        sim.runUntil(Time.MINUTE);
        assertThat(a.host()).isEqualTo(b.host()).isEqualTo(0);
        assertThat(cpus.isUtilisationVm(b.id())).isTrue();
        assertThat(cpus.isUtilisationVm(a.id())).isFalse();
        assertThat(cpus.grantedVcpus(b.id())).isCloseTo(0.3, within(1e-12));
        cpus.submit(a.id(), FOREVER);
        assertThat(cpus.grantedVcpus(a.id())).isCloseTo(0.7, within(1e-12));
        assertThat(cpus.hostGrantedVcpus(0)).isCloseTo(1, within(1e-12));

        fleet.migrate(b.id(), 1);
        assertThat(cpus.grantedVcpus(a.id())).isEqualTo(1.0);
        assertThat(cpus.isUtilisationVm(b.id())).isTrue();
        assertThat(cpus.grantedVcpus(b.id())).isCloseTo(0.3, within(1e-12));
        assertThat(cpus.hostGrantedVcpus(1)).isCloseTo(0.3, within(1e-12));
    }
}
