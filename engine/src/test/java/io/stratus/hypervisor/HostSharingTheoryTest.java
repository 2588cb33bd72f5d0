package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Host-level vCPU sharing against hand-solved max-min fairness, in the style of SimGrid's maxmin
 * tests: each test writes its sharing equation, then checks the CPU time the simulator granted.
 * An "always busy" instance runs one job far longer than the test, so its demand is constant.
 */
class HostSharingTheoryTest {

    private static final long FOREVER = 1_000_000 * Time.SECOND;

    private final Simulation sim = new Simulation(7);
    private final LongArrayList finished = new LongArrayList();
    private final CpuSharing cpus = new CpuSharing(sim, (id, arrival, now) -> finished.add(now));
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "a")));

    private void host(int threads, double cpuOvercommit) {
        hosts.addHosts(new HostSpec("h", "test", threads, 64 * 1024).overcommitted(cpuOvercommit, 1), 0, 1);
        cpus.bindHosts(hosts);
    }

    private void instance(int id, int vcpus, double weight) {
        cpus.attach(id, 0, VcpuProfile.fixed(vcpus, 0).withWeight(weight));
    }

    private void busy(int id, int jobs) {
        for (int j = 0; j < jobs; j++) {
            cpus.submit(id, FOREVER);
        }
    }

    private double vcpusUsedOverOneSecond(int id) {
        return cpus.busyVcpuMicros(id) / (double) Time.SECOND;
    }

    @Test
    void twoBusyEqualWeightInstancesOnOneThreadGetHalfEach() {
        // C = 1 thread, d_1 = d_2 = 1, w_1 = w_2: x_1 = x_2 = C / 2 = 1/2; steal_i = d_i - x_i = 1/2
        host(1, 2.0);
        instance(0, 1, 1);
        instance(1, 1, 1);
        busy(0, 1);
        busy(1, 1);
        sim.runUntil(Time.SECOND);
        assertThat(vcpusUsedOverOneSecond(0)).isCloseTo(0.5, within(1e-6));
        assertThat(vcpusUsedOverOneSecond(1)).isCloseTo(0.5, within(1e-6));
        assertThat(cpus.stealVcpuMicros(0) / Time.SECOND).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void weightsTwoToOneGetTwoThirdsAndOneThird() {
        // C = 1, d_1 = d_2 = 1, w_1 = 2, w_2 = 1: level L = C / (w_1 + w_2) = 1/3,
        // x_1 = 2L = 2/3, x_2 = L = 1/3
        host(1, 2.0);
        instance(0, 1, 2);
        instance(1, 1, 1);
        busy(0, 1);
        busy(1, 1);
        sim.runUntil(Time.SECOND);
        assertThat(vcpusUsedOverOneSecond(0)).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(vcpusUsedOverOneSecond(1)).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void anInstanceAloneNeverExceedsItsVcpus() {
        // C = 96, one instance with c = 4 vCPUs and n = 10 jobs: x = min(n, c, C) = 4
        host(96, 1.0);
        instance(0, 4, 4);
        busy(0, 10);
        sim.runUntil(Time.SECOND);
        assertThat(vcpusUsedOverOneSecond(0)).isCloseTo(4.0, within(1e-6));
        assertThat(cpus.grantedVcpus(0)).isEqualTo(4.0);
        assertThat(cpus.stealVcpuMicros(0)).isZero();
    }

    @Test
    void waterFillingGivesUnusedShareToTheOthers() {
        // C = 4, equal weights, d_A = 1, d_B = d_C = 4 (sum 9 > 4). Fair level C/3 = 4/3 > d_A, so
        // A is satisfied: x_A = 1; the rest is split: x_B = x_C = (C - x_A) / 2 = 3/2
        host(4, 3.0);
        instance(0, 1, 1);
        instance(1, 4, 1);
        instance(2, 4, 1);
        busy(0, 1);
        busy(1, 4);
        busy(2, 4);
        sim.runUntil(Time.SECOND);
        assertThat(vcpusUsedOverOneSecond(0)).isCloseTo(1.0, within(1e-6));
        assertThat(vcpusUsedOverOneSecond(1)).isCloseTo(1.5, within(1e-6));
        assertThat(vcpusUsedOverOneSecond(2)).isCloseTo(1.5, within(1e-6));
        assertThat(cpus.hostGrantedVcpus(0)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void aNeighbourFinishingSpeedsTheOtherUp() {
        // C = 1, two 1-vCPU instances with jobs of 1 s and 3 s. Both run at 1/2 until the first has
        // done 1 s of work: t_1 = 1 / (1/2) = 2 s. The second has then done 1 s and runs alone at
        // rate 1: t_2 = 2 + (3 - 1) / 1 = 4 s.
        host(1, 2.0);
        instance(0, 1, 1);
        instance(1, 1, 1);
        cpus.submit(0, Time.SECOND);
        cpus.submit(1, 3 * Time.SECOND);
        sim.run();
        assertThat(finished.toLongArray()).containsExactly(2 * Time.SECOND, 4 * Time.SECOND);
    }

    @Test
    void demandsThatFitAreAllGranted() {
        // C = 8, d_1 = 2, d_2 = 3: sum 5 <= C, so x_i = d_i and nobody steals
        host(8, 2.0);
        instance(0, 4, 4);
        instance(1, 4, 4);
        busy(0, 2);
        busy(1, 3);
        sim.runUntil(Time.SECOND);
        assertThat(vcpusUsedOverOneSecond(0)).isCloseTo(2.0, within(1e-6));
        assertThat(vcpusUsedOverOneSecond(1)).isCloseTo(3.0, within(1e-6));
        assertThat(cpus.stealVcpuMicros(0) + cpus.stealVcpuMicros(1)).isZero();
    }

    @Test
    void memoryBeyondPhysicalSlowsEveryJob() {
        // physical M = 1024 MiB, active A = 2 x 768 = 1536 MiB, excess e = (A - M) / M = 1/2;
        // efficiency = 1 / (1 + 10 e) = 1/6, so a 1 s job takes 6 s
        hosts.addHosts(new HostSpec("h", "test", 8, 1024).overcommitted(1, 2), 0, 1);
        cpus.bindHosts(hosts);
        cpus.attach(0, 0, VcpuProfile.fixed(1, 768));
        cpus.attach(1, 0, VcpuProfile.fixed(1, 768));
        cpus.submit(0, Time.SECOND);
        sim.run();
        assertThat(finished.toLongArray()).containsExactly(6 * Time.SECOND);
    }

    @Test
    void standardBurstableRunsOutOfCreditsExactlyAndIsThrottled() {
        // t2.micro-like: c = 1, baseline b = 0.1, 30 launch credits = 1800 vCPU-s. Always busy:
        // balance(t) = 1800 - (1 - b) t, zero at t* = 1800 / 0.9 = 2000 s; then capped at b:
        // busy(3000 s) = 2000 + 0.1 x 1000 = 2100 vCPU-s
        host(4, 1.0);
        cpus.attach(0, 0, new VcpuProfile(1, 1, 0, 0.1, CpuCreditMode.STANDARD, 30));
        busy(0, 1);
        sim.runUntil(2000 * Time.SECOND - 1);
        assertThat(cpus.isThrottled(0)).isFalse();
        sim.runUntil(2000 * Time.SECOND);
        assertThat(cpus.isThrottled(0)).isTrue();
        assertThat(cpus.creditBalance(0)).isCloseTo(0, within(1e-9));
        sim.runUntil(3000 * Time.SECOND);
        assertThat(cpus.busyVcpuMicros(0) / (double) Time.SECOND).isCloseTo(2100, within(1e-3));
        assertThat(cpus.creditBalance(0)).isCloseTo(0, within(1e-9));
    }

    @Test
    void unlimitedBurstableKeepsGoingOnSurplusCredits() {
        // same instance in unlimited mode: never throttled; at t = 3000 s it has used 3000 vCPU-s
        // and earned 1800 + 0.1 x 3000 = 2100, so surplus = 900 vCPU-s = 15 credits
        host(4, 1.0);
        cpus.attach(0, 0, new VcpuProfile(1, 1, 0, 0.1, CpuCreditMode.UNLIMITED, 30));
        busy(0, 1);
        sim.runUntil(3000 * Time.SECOND);
        assertThat(cpus.isThrottled(0)).isFalse();
        assertThat(cpus.surplusCredits(0)).isCloseTo(15, within(1e-6));
    }

    @Test
    void creditsBankAtMostOneDayOfEarnings() {
        // idle for 48 h: earned 30 + 0.1 x 2880 min = 318 credits, capped at 0.1 x 1440 = 144
        host(4, 1.0);
        cpus.attach(0, 0, new VcpuProfile(1, 1, 0, 0.1, CpuCreditMode.STANDARD, 30));
        sim.runUntil(48 * Time.HOUR);
        assertThat(cpus.creditBalance(0)).isCloseTo(144, within(1e-9));
    }

    @Test
    void aThrottledInstanceEarnsAgainWhenItsDemandFallsBelowBaseline() {
        // standard, no launch credits, baseline 0.5 on 1 vCPU. A 1 s job: throttled at once to 0.5,
        // it ends at t = 2 s. Then idle for 60 s: earned 0.5 x 60 = 30 vCPU-s = 0.5 credits
        host(4, 1.0);
        cpus.attach(0, 0, new VcpuProfile(1, 1, 0, 0.5, CpuCreditMode.STANDARD, 0));
        cpus.submit(0, Time.SECOND);
        sim.run();
        assertThat(finished.toLongArray()).containsExactly(2 * Time.SECOND);
        sim.runUntil(62 * Time.SECOND);
        assertThat(cpus.isThrottled(0)).isFalse();
        assertThat(cpus.creditBalance(0)).isCloseTo(0.5, within(1e-9));
    }
}
