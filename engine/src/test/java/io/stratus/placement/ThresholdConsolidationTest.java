package io.stratus.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hand-worked plans of the threshold migration policy on hosts of 4 threads. */
class ThresholdConsolidationTest {

    /** One-vCPU VMs demanding their utilisation, listed on their hosts in id order. */
    private static VmLoadView load(int[] hostOf, double[] utilisation) {
        return new VmLoadView() {
            @Override
            public double demand(int vm) {
                return utilisation[vm];
            }

            @Override
            public int vcpus(int vm) {
                return 1;
            }

            @Override
            public double hostDemand(int host) {
                double sum = 0;
                for (int v = 0; v < hostOf.length; v++) {
                    sum += hostOf[v] == host ? utilisation[v] : 0;
                }
                return sum;
            }

            @Override
            public int vmsOn(int host) {
                return (int) Arrays.stream(hostOf).filter(h -> h == host).count();
            }

            @Override
            public int vmOn(int host, int i) {
                return IntStream.range(0, hostOf.length).filter(v -> hostOf[v] == host).skip(i).findFirst()
                        .orElseThrow();
            }
        };
    }

    private static List<Integer> plan(double upper, double lower, int hostCount, int[] hostOf, double[] u) {
        // the host table has room for everything (no reservations): only the load thresholds decide
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", 4, 64 * 1024).overcommitted(4, 1), 0, hostCount);
        long[] memory = new long[hostOf.length];
        Arrays.fill(memory, 1024);
        return new ThresholdConsolidation(upper, lower, memory).plan(load(hostOf, u), hosts);
    }

    @Test
    void anOverloadedHostShedsItsLargestVmToTheBusiestHostThatStaysUnderTheThreshold() {
        // host 0: 4 x 0.9 = 3.6 > 80% of 4 = 3.2; host 1: 3 x 0.5 = 1.5; host 2: 0.3, under 20% of 4 = 0.8.
        // Relieve host 0: v0 (ties by id) to host 1 (1.5 + 0.9 = 2.4, busier than host 2); host 0 is then 2.7.
        // Empty host 2: v7 to the busiest host staying under 3.2: host 0 (2.7 / 4 > 2.4 / 4), 3.0.
        int[] hostOf = {0, 0, 0, 0, 1, 1, 1, 2};
        double[] u = {0.9, 0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.3};
        assertThat(plan(0.8, 0.2, 3, hostOf, u)).containsExactly(0, 1, 7, 0);
    }

    @Test
    void anUnderloadedHostIsEmptiedIntoABusierOneWhichThenStaysOn() {
        // host 0: 0.2 and host 1: 0.5, both under 0.8; host 0 first (least loaded), into host 1, which took a VM
        int[] hostOf = {0, 1};
        double[] u = {0.2, 0.5};
        assertThat(plan(0.8, 0.2, 2, hostOf, u)).containsExactly(0, 1);
    }

    @Test
    void anUnderloadedHostWhoseVmsDoNotAllFitKeepsThemAll() {
        // upper 75% of 4 = 3.0; host 1 at 2.6 takes one 0.3 (2.9) but not the second (3.2): nothing moves,
        // and host 2 (off) is never switched on to empty a host
        int[] hostOf = {0, 0, 1, 1, 1};
        double[] u = {0.3, 0.3, 1.0, 1.0, 0.6};
        assertThat(plan(0.75, 0.2, 3, hostOf, u)).isEmpty();
    }

    @Test
    void aVmThatFitsOnNoActiveHostSwitchesOneOn() {
        // host 0: 4 x 1.0 = 4 > 3.2; host 1 off: v0 goes there, host 0 is then at 3.0
        int[] hostOf = {0, 0, 0, 0};
        double[] u = {1.0, 1.0, 1.0, 1.0};
        assertThat(plan(0.8, 0.2, 2, hostOf, u)).containsExactly(0, 1);
    }
}
