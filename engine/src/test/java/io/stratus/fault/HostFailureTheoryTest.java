package io.stratus.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Independent hosts that fail and are repaired, against availability theory: each host is an
 * alternating renewal process, down in the long run a fraction {@code p = E[repair] / (E[failure]
 * + E[repair])} of the time whatever the distributions, and n independent hosts have exactly k
 * down a fraction {@code C(n,k) p^k (1-p)^(n-k)} of the time (binomial); a fleet needing m of n
 * hosts is up {@code P(at least m up)} of the time (k-out-of-n availability).
 */
class HostFailureTheoryTest {

    private static final int N = 8;
    private static final long RUN = 200_000 * Time.HOUR;

    private static HostDowntime run(long seed, Lifetime failure, Lifetime repair) {
        Simulation sim = new Simulation(seed);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, N);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        HostDowntime downtime = new HostDowntime(sim, fleet, hosts);
        int[] all = new int[N];
        for (int h = 0; h < N; h++) {
            all[h] = h;
        }
        new HostFailureProcess(sim, downtime, "hosts", all, failure, repair).start();
        sim.runUntil(RUN);
        return downtime;
    }

    private static void assertBinomial(HostDowntime downtime, double p) {
        BinomialDistribution binomial = new BinomialDistribution(null, N, p);
        long total = 0;
        for (int k = 0; k <= N; k++) {
            total += downtime.microsWithDown(k);
        }
        assertThat(total).isEqualTo(RUN);
        for (int k = 0; k <= N; k++) {
            double measured = downtime.microsWithDown(k) / (double) RUN;
            assertThat(measured).as("fraction of time with %d of %d hosts down", k, N)
                    .isCloseTo(binomial.probability(k), within(0.01));
        }
        // k-out-of-n: a service needing 6 of the 8 hosts is up while at most 2 are down
        double needSixUp = (downtime.microsWithDown(0) + downtime.microsWithDown(1) + downtime.microsWithDown(2))
                / (double) RUN;
        assertThat(needSixUp).isCloseTo(binomial.cumulativeProbability(2), within(0.01));
        for (int h = 0; h < N; h++) {
            assertThat(downtime.downMicros(h) / (double) RUN).as("host %d unavailability", h)
                    .isCloseTo(p, within(0.01));
        }
    }

    @Test
    void exponentialFailuresAndRepairsGiveTheBinomialDistributionOfHostsDown() {
        // MTTF 10 h, MTTR 2 h: p = 2 / 12
        HostDowntime downtime = run(11, new Lifetime.Exponential(10 * Time.HOUR), new Lifetime.Exponential(2 * Time.HOUR));
        assertBinomial(downtime, 2.0 / 12);
        assertThat(downtime.failures()).isGreaterThan(100_000);
    }

    @Test
    void weibullFailuresAndFixedRepairsGiveTheSameAvailabilityByTheirMeans() {
        // wear-out (shape 2), scale 20 h: mean 20 Gamma(1.5) = 17.72 h; repair always 3 h
        Lifetime failure = new Lifetime.Weibull(2.0, 20 * Time.HOUR);
        assertThat(failure.meanMicros() / Time.HOUR).isCloseTo(20 * 0.886227, within(1e-4));
        HostDowntime downtime = run(12, failure, new Lifetime.Fixed(3 * Time.HOUR));
        assertBinomial(downtime, 3 / (3 + failure.meanMicros() / Time.HOUR));
    }

    @Test
    void aHighlyAvailableFleetNeedingAllButOneHost() {
        // MTTF 1000 h, MTTR 4 h: p = 4 / 1004; 7-of-8 availability 1 - P(2 or more down)
        HostDowntime downtime = run(13, new Lifetime.Exponential(1000 * Time.HOUR),
                new Lifetime.Exponential(4 * Time.HOUR));
        double p = 4.0 / 1004;
        BinomialDistribution binomial = new BinomialDistribution(null, N, p);
        double sevenOfEight = (downtime.microsWithDown(0) + downtime.microsWithDown(1)) / (double) RUN;
        assertThat(1 - sevenOfEight).as("unavailability of 7-of-8")
                .isCloseTo(1 - binomial.cumulativeProbability(1), withinPercentage(15)); // measured: 1.7% off
        assertThat(downtime.microsWithDown(0) / (double) RUN).isCloseTo(binomial.probability(0), within(0.01));
    }
}
