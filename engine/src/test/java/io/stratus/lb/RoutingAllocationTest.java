package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routing a request is the hot path: once the arrays have grown, it allocates nothing. */
class RoutingAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {RoundRobinRouting.NAME, LeastOutstandingRequestsRouting.NAME, RandomRouting.NAME})
    void routingAllocatesNothing(String algorithm) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Rig rig = new Rig(1, 1);
        TargetGroup tg = rig.targetGroup("web", algorithm, HealthCheckSettings.albDefaults(), 0);
        for (int i = 0; i < 4; i++) {
            tg.register(rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, 0, 0)));
        }
        rig.sim.runUntil(0);
        long t = 0;
        for (int round = 0; round < 3; round++) { // warm up the JIT and grow every array
            t = burst(tg, rig, t);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        t = burst(tg, rig, t);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(tg.routed()).isEqualTo(400_000);
        assertThat(allocated).isLessThan(64 * 1024); // no per-request garbage (100,000 requests)
    }

    private static long burst(TargetGroup tg, Rig rig, long t) {
        for (int i = 0; i < 100_000; i++) {
            tg.route(100); // 8 requests of 0.1 ms per ms on 4 vCPUs: 20 % busy, the queues stay short
            if ((i & 7) == 7) {
                t += Time.MILLISECOND;
                rig.sim.runUntil(t);
            }
        }
        return t;
    }
}
