package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * A victim instance's steal time and latency rise as its neighbours get busier on an
 * overcommitted host (4 threads, four 2-vCPU instances: CPU overcommit 2).
 *
 * <p>Alone, the victim (Poisson arrivals at lambda = 100/s, exponential work of mean 1/mu = 10 ms,
 * 2 vCPUs, each job on at most one) is an M/M/2 queue: E[T] = 1/mu + C(2, rho) / (2 mu - lambda)
 * with rho = 1/2 and Erlang C(2, 1/2) = 1/3, so E[T] = 10 ms + 3.33 ms = 13.33 ms.
 */
class NoisyNeighbourTest {

    private static final long MEAN_WORK = 10 * Time.MILLISECOND;

    private record Outcome(double meanMillis, double stealFraction) {
    }

    private static Outcome run(double neighbourUtilisation) {
        Simulation sim = new Simulation(8);
        LatencyRecorder victim = new LatencyRecorder();
        CpuSharing cpus = new CpuSharing(sim, (id, arrival, now) -> {
            if (id == 0) {
                victim.completed(id, arrival, now);
            }
        });
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", 4, 64 * 1024).overcommitted(2, 1), 0, 1);
        cpus.bindHosts(hosts);
        for (int i = 0; i < 4; i++) {
            cpus.attach(i, 0, VcpuProfile.fixed(2, 1024));
            double u = i == 0 ? 0.5 : neighbourUtilisation;
            if (u > 0) {
                int id = i;
                new RequestSource(sim,
                        new PoissonArrivals(new ConstantRate(u * 2 * Time.SECOND / MEAN_WORK), sim.random().stream("a" + i)),
                        ServiceDemand.exponential(MEAN_WORK, sim.random().stream("w" + i)),
                        work -> {
                            cpus.submit(id, work);
                            return true;
                        }).start(0);
            }
        }
        sim.runUntil(20 * Time.MINUTE);
        double steal = cpus.stealVcpuMicros(0);
        return new Outcome(victim.meanMicros() / 1000, steal / (steal + cpus.busyVcpuMicros(0)));
    }

    @Test
    void stealAndLatencyRiseWithTheNeighboursLoad() {
        Outcome alone = run(0);
        Outcome light = run(0.3);
        Outcome busy = run(0.45);
        assertThat(alone.stealFraction()).isZero();
        assertThat(alone.meanMillis()).isCloseTo(13.33, Percentage.withPercentage(3));
        assertThat(light.stealFraction()).isGreaterThan(0);
        assertThat(busy.stealFraction()).isGreaterThan(light.stealFraction() * 2);
        assertThat(light.meanMillis()).isGreaterThan(alone.meanMillis());
        assertThat(busy.meanMillis()).isGreaterThan(light.meanMillis() * 1.2);
    }
}
