package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.testkit.LifecycleChurn;
import io.stratus.testkit.Rig;
import org.junit.jupiter.api.Test;

/**
 * The CPU sharing's per-instance memory follows the instances alive, not those ever attached: a
 * structural check on its arrays' length (and its core's, numbered by the same slots), not a
 * heap measurement; and a forgotten instance's time stays in the all-instances totals.
 */
class CpuSharingMemoryTest {

    @Test
    void perInstanceArraysStayBoundedByThePeakLiveCountOver200kLifecycles() {
        Rig rig = new Rig(5, 2);
        long[] busyOfTerminated = {0};
        long[] capacityOfTerminated = {0};
        rig.fleet.addListener((instance, from, to, now) -> {
            if (to == InstanceState.TERMINATED) { // told before the fleet makes the CPUs forget it
                busyOfTerminated[0] += rig.cpus.busyVcpuMicros(instance.id());
                capacityOfTerminated[0] += rig.cpus.capacityVcpuMicros(instance.id());
            }
        });
        LifecycleChurn churn = new LifecycleChurn(rig);
        churn.run(200_000, 20, 3);

        assertThat(rig.cpus.completed()).isGreaterThan(500_000); // the CPUs did serve requests
        assertThat(rig.cpus.trackedCount()).isEqualTo(rig.fleet.count(InstanceState.RUNNING)
                + rig.fleet.count(InstanceState.SHUTTING_DOWN)); // pending ones have no CPU yet
        assertThat(rig.cpus.slotCapacity()).isLessThanOrEqualTo(Math.max(16, 2 * churn.peakLive()));

        long busyOfLive = 0;
        long capacityOfLive = 0;
        for (int id = 0; id < rig.fleet.size(); id++) {
            busyOfLive += rig.cpus.busyVcpuMicros(id); // 0 for a forgotten one
            capacityOfLive += rig.cpus.capacityVcpuMicros(id);
        }
        assertThat(rig.cpus.busyVcpuMicros()).isEqualTo(busyOfTerminated[0] + busyOfLive);
        assertThat(rig.cpus.capacityVcpuMicros()).isEqualTo(capacityOfTerminated[0] + capacityOfLive);
        assertThat(rig.cpus.busyVcpuMicros(0)).isZero(); // long forgotten
    }
}
