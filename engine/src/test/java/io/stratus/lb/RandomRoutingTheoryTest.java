package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * N identical 1-vCPU instances behind random routing with Poisson arrivals and exponential work.
 *
 * <p>Theory: random routing thins a Poisson stream of rate lambda into N independent Poisson
 * streams of rate lambda / N, so each instance is an M/M/1-PS queue and the mean sojourn time is
 * E[T] = 1 / (mu - lambda / N), whatever N.
 */
class RandomRoutingTheoryTest {

    @ParameterizedTest(name = "N = {0}, rho = {1}")
    @CsvSource({"4, 0.6, 2000000", "8, 0.8, 3000000"})
    void meanLatencyMatchesMm1PerInstance(int n, double rho, long requests) {
        double meanWork = 0.010;
        double mu = 1 / meanWork;
        double lambda = rho * mu * n;
        double expected = 1 / (mu - lambda / n);

        Rig rig = new Rig(20261123L, 1);
        TargetGroup tg = rig.targetGroup("web", RandomRouting.NAME, HealthCheckSettings.albDefaults(),
                TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        LoadBalancer lb = new LoadBalancer("alb");
        lb.addListener(80, "HTTP", tg);
        for (int i = 0; i < n; i++) {
            tg.register(rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, i % 2, 0, 0)));
        }
        rig.sim.runUntil(0);
        assertThat(tg.healthyCount()).isEqualTo(n);

        RequestSource source = new RequestSource(rig.sim,
                new PoissonArrivals(new ConstantRate(lambda), rig.sim.random().stream("arrivals")),
                ServiceDemand.exponential(meanWork * Time.SECOND, rig.sim.random().stream("service")), lb);
        source.start(0);
        rig.sim.runUntil(Time.seconds(requests / lambda));

        System.out.printf(java.util.Locale.ROOT, "N=%d rho=%.1f: mean %.4f ms, M/M/1 %.4f ms, error %+.2f%%%n", n, rho,
                rig.latency.meanMicros() / 1000, expected * 1000,
                100 * (rig.latency.meanMicros() / Time.SECOND / expected - 1));
        assertThat(source.refused()).isZero();
        assertThat(rig.latency.count()).isGreaterThan(requests * 99 / 100);
        assertThat(rig.latency.meanMicros() / Time.SECOND).isCloseTo(expected, Percentage.withPercentage(3));
    }
}
