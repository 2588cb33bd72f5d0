package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Time;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * M/M/1-PS through the whole request path (source, load balancer and target group, fleet, hypervisor CPU).
 *
 * <p>Theory: for Poisson arrivals at rate lambda and exponential work of mean 1/mu on one server
 * under processor sharing, the mean sojourn time is E[T] = 1 / (mu - lambda) (Kleinrock 1967;
 * the same as FCFS for exponential work). Utilisation is rho = lambda / mu, and by Little's law
 * the mean number in system is L = lambda E[T] = rho / (1 - rho).
 */
class ProcessorSharingTheoryTest {

    private static final InstanceType ONE_VCPU = new InstanceType("test.1vcpu", "test",
            InstanceCategory.GENERAL_PURPOSE, "1vcpu", 1, 2.0, 0, 0, 0, 0, 0.01);

    @ParameterizedTest(name = "rho = {0}")
    @CsvSource({"0.5, 1000000", "0.8, 2000000"})
    void meanLatencyMatchesMm1Ps(double rho, long requests) {
        double meanWorkSeconds = 0.010;                  // 1/mu = 10 ms
        double lambda = rho / meanWorkSeconds;           // arrivals per second
        double expectedMeanSeconds = 1.0 / (1.0 / meanWorkSeconds - lambda);

        OneInstanceRig rig = OneInstanceRig.run(ONE_VCPU, t -> VcpuSpeed.REFERENCE, 20261123L, lambda,
                meanWorkSeconds, requests);
        LatencyRecorder latency = rig.latency();
        CpuSharing cpus = rig.cpus();
        double meanSeconds = latency.meanMicros() / Time.SECOND;
        assertThat(latency.count()).isGreaterThan(requests * 99 / 100);
        assertThat(meanSeconds).isCloseTo(expectedMeanSeconds,
                org.assertj.core.data.Percentage.withPercentage(3));
        double utilisation = (double) cpus.busyVcpuMicros() / cpus.capacityVcpuMicros();
        assertThat(utilisation).isCloseTo(rho, org.assertj.core.data.Offset.offset(0.01));
    }
}
