package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hand-worked cases of the SMT and all-busy model; each expected value is derived in a comment. */
class VcpuSpeedTest {

    @Test
    void theReferenceVcpuDoesOneUnitPerBusyVcpu() {
        for (int busy = 0; busy <= 8; busy++) {
            assertThat(VcpuSpeed.REFERENCE.workRate(busy, 8)).isEqualTo(busy);
        }
    }

    @Test
    void hyperthreadsSlowDownOnlyWhenBothSiblingsAreBusy() {
        // 4 vCPUs = 2 cores x 2 threads, speed 1.2, all-busy fraction 0.65.
        // 1 busy: 1.2; 2 busy: one per core, 2.4; 3 busy: one core full (2 x 0.65) + one alone:
        // 1.2 x (1 + 1.3) = 2.76; 4 busy: 1.2 x 4 x 0.65 = 3.12
        VcpuSpeed intel = new VcpuSpeed(1.2, 2, 0.65);
        assertThat(intel.workRate(1, 4)).isEqualTo(1.2);
        assertThat(intel.workRate(2, 4)).isEqualTo(2.4);
        assertThat(intel.workRate(3, 4)).isCloseTo(2.76, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(intel.workRate(4, 4)).isCloseTo(3.12, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aTwoVcpuHyperthreadedTypeIsOneCore() {
        // m5.large: 2 vCPUs = 1 core; the second busy request halves... to 2 x 0.67 = 1.34 units in all
        VcpuSpeed m5 = new VcpuSpeed(1.0, 2, 0.67);
        assertThat(m5.workRate(1, 2)).isEqualTo(1.0);
        assertThat(m5.workRate(2, 2)).isCloseTo(1.34, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aVcpuThatIsACoreReachesItsAllBusyFractionLinearly() {
        // 5 vCPUs = 5 cores, speed 1.5, all-busy 0.9: b busy give 1.5 b (1 - 0.1 (b - 1) / 4);
        // 3 busy: 4.5 x 0.95 = 4.275; 5 busy: 7.5 x 0.9 = 6.75
        VcpuSpeed graviton = new VcpuSpeed(1.5, 1, 0.9);
        assertThat(graviton.workRate(1, 5)).isEqualTo(1.5);
        assertThat(graviton.workRate(3, 5)).isCloseTo(4.275, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(graviton.workRate(5, 5)).isCloseTo(6.75, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aJobOnAFasterVcpuFinishesSooner() {
        // 100us of reference work on a lone vCPU of speed 1.25 takes 100 / 1.25 = 80us; two jobs on a
        // 2-vCPU, 1-core type at all-busy 0.5 run at 1.25 x 0.5 each: 100 / 0.625 = 160us
        ProcessorSharingCpu one = new ProcessorSharingCpu(2, 0, new VcpuSpeed(1.25, 2, 0.5));
        one.arrive(0, 100);
        assertThat(one.nextCompletionTime()).isEqualTo(80);
        one.arrive(0, 100);
        one.advance(0);
        assertThat(one.busyRate()).isEqualTo(2.0); // utilisation counts busy vCPUs, not work done
        ProcessorSharingCpu two = new ProcessorSharingCpu(2, 0, new VcpuSpeed(1.25, 2, 0.5));
        two.arrive(0, 100);
        two.arrive(0, 100);
        assertThat(two.nextCompletionTime()).isEqualTo(160);
    }

    @Test
    void refusesImpossibleFigures() {
        assertThatThrownBy(() -> new VcpuSpeed(0, 1, 1)).hasMessageContaining("speed");
        assertThatThrownBy(() -> new VcpuSpeed(1, 4, 1)).hasMessageContaining("threads per core");
        assertThatThrownBy(() -> new VcpuSpeed(1, 2, 0)).hasMessageContaining("all-busy");
    }
}
