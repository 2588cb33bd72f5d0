package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Time;
import io.stratus.util.ErlangC;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queueing theory per instance type: one instance of a real type with its fitted {@link VcpuSpeed},
 * fed Poisson requests of exponential reference-vCPU work, through the whole request path.
 *
 * <p>Theory: with exponential work of mean {@code E[S]} (reference-vCPU seconds) under processor
 * sharing, the number of requests in the instance is a birth-death chain: births at {@code lambda},
 * deaths in state {@code n} at {@code mu(n) = W(min(n, c)) / E[S]}, where {@code W(b)} is the work
 * rate of {@code b} busy vCPUs ({@link VcpuSpeed#workRate}). Then {@code pi(n)} is proportional to
 * {@code prod_{k<=n} lambda / mu(k)} and the mean response time is {@code E[N] / lambda} (Little).
 * Where a vCPU is a core with no all-busy loss, {@code mu(n) = speed min(n, c) / E[S]}: M/M/c with
 * the service time scaled by {@code 1 / speed}, whose mean response time is Erlang C's.
 */
class TypeSpeedQueueingTheoryTest {

    private static final double MEAN_WORK_SECONDS = 0.010;

    @ParameterizedTest(name = "{0} at {1} of its saturation throughput")
    @CsvSource({"m5.xlarge, 0.7", "c6i.large, 0.7", "c7g.xlarge, 0.7", "m7a.large, 0.6", "m8g.large, 0.6"})
    void meanLatencyMatchesTheBirthDeathChainOfTheType(String typeName, double load) {
        InstanceType type = InstanceCatalog.bundled().get(typeName);
        VcpuSpeed speed = PerformanceCatalog.bundled().speedOf(type);
        double saturation = speed.workRate(type.vcpus(), type.vcpus()) / MEAN_WORK_SECONDS;
        double lambda = load * saturation;
        double expected = birthDeathMeanResponse(speed, type.vcpus(), lambda);
        double measured = simulatedMeanResponse(type, lambda, 600_000);
        assertThat(measured).as("%s mean response (s)", typeName).isCloseTo(expected, Percentage.withPercentage(3));
    }

    @Test
    void withWholeCoresTheChainIsMmcWithTheServiceTimeScaled() {
        // the oracle itself: all-busy fraction 1 and speed s give Erlang C with mu = s / E[S]
        double s = 1.4;
        int c = 4;
        double lambda = 0.75 * c * s / MEAN_WORK_SECONDS;
        double mu = s / MEAN_WORK_SECONDS;
        assertThat(birthDeathMeanResponse(new VcpuSpeed(s, 1, 1.0), c, lambda))
                .isCloseTo(ErlangC.meanResponse(c, lambda, mu), Offset.offset(1e-9));
    }

    @Test
    void anMmcTypeThroughTheFleetMatchesErlangC() {
        // a 4-vCPU type whose vCPUs are whole cores 1.4 times the reference, no all-busy loss
        VcpuSpeed s = new VcpuSpeed(1.4, 1, 1.0);
        InstanceType type = InstanceCatalog.bundled().get("c7g.xlarge");
        double lambda = 0.75 * 4 * 1.4 / MEAN_WORK_SECONDS;
        double measured = simulatedMeanResponse(type, lambda, 600_000, t -> s);
        assertThat(measured).isCloseTo(ErlangC.meanResponse(4, lambda, 1.4 / MEAN_WORK_SECONDS),
                Percentage.withPercentage(3));
    }

    private static double simulatedMeanResponse(InstanceType type, double lambda, long requests) {
        return simulatedMeanResponse(type, lambda, requests, PerformanceCatalog.bundled()::speedOf);
    }

    private static double simulatedMeanResponse(InstanceType type, double lambda, long requests,
                                                java.util.function.Function<InstanceType, VcpuSpeed> speeds) {
        LatencyRecorder latency = OneInstanceRig.run(type, speeds, 20261203L, lambda, MEAN_WORK_SECONDS, requests)
                .latency();
        assertThat(latency.count()).isGreaterThan(requests * 99 / 100);
        return latency.meanMicros() / Time.SECOND;
    }

    /** E[N] / lambda of the birth-death chain, summed until the tail is negligible. */
    static double birthDeathMeanResponse(VcpuSpeed speed, int vcpus, double lambda) {
        double p = 1;
        double total = 1;
        double weighted = 0;
        for (int n = 1; n < 100_000; n++) {
            double mu = speed.workRate(Math.min(n, vcpus), vcpus) / MEAN_WORK_SECONDS;
            p *= lambda / mu;
            total += p;
            weighted += n * p;
            if (n > vcpus && p < 1e-16 * total) {
                break;
            }
        }
        return weighted / total / lambda;
    }
}
