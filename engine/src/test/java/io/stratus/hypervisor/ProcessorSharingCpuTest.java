package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hand-worked processor-sharing cases; each expected time is derived in a comment. */
class ProcessorSharingCpuTest {

    @Test
    void twoEqualJobsOnOneVcpuShareItEqually() {
        // 1 vCPU, two jobs of 10us at t=0: each runs at rate 1/2, both finish at t = 10 / (1/2) = 20
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(1, 0);
        cpu.arrive(0, 10);
        cpu.arrive(0, 10);
        assertThat(cpu.nextCompletionTime()).isEqualTo(20);
        cpu.advance(20);
        assertThat(cpu.removeFinished()).isZero();
        assertThat(cpu.hasFinishedJob()).isTrue();
        cpu.removeFinished();
        assertThat(cpu.active()).isZero();
        assertThat(cpu.busyVcpuMicros()).isEqualTo(20);
    }

    @Test
    void laterArrivalSlowsTheFirstJob() {
        // A (10us) alone on 1 vCPU from t=0; B (10us) at t=5. A has 5 left at t=5, then both run at
        // rate 1/2: A finishes at 5 + 5/(1/2) = 15. B then has 10 - 5 = 5 left alone: 15 + 5 = 20.
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(1, 0);
        cpu.arrive(0, 10);
        assertThat(cpu.nextCompletionTime()).isEqualTo(10);
        cpu.arrive(5, 10);
        assertThat(cpu.nextCompletionTime()).isEqualTo(15);
        cpu.advance(15);
        assertThat(cpu.removeFinished()).isEqualTo(0);
        assertThat(cpu.nextCompletionTime()).isEqualTo(20);
        cpu.advance(20);
        assertThat(cpu.removeFinished()).isEqualTo(5);
    }

    @Test
    void eachJobUsesAtMostOneVcpu() {
        // 4 vCPUs, one job of 8us: rate min(1, 4/1) = 1, so it takes 8us, not 2us
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(4, 0);
        cpu.arrive(0, 8);
        assertThat(cpu.rate()).isEqualTo(1.0);
        assertThat(cpu.nextCompletionTime()).isEqualTo(8);
    }

    @Test
    void moreJobsThanVcpusShareTheVcpus() {
        // 2 vCPUs, 3 jobs of 6us: rate 2/3 each, all finish at 6 / (2/3) = 9; busy = 2 vCPUs * 9
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(2, 0);
        for (int i = 0; i < 3; i++) {
            cpu.arrive(0, 6);
        }
        assertThat(cpu.nextCompletionTime()).isEqualTo(9);
        cpu.advance(9);
        int done = 0;
        while (cpu.hasFinishedJob()) {
            cpu.removeFinished();
            done++;
        }
        assertThat(done).isEqualTo(3);
        assertThat(cpu.busyVcpuMicros()).isEqualTo(18);
    }

    @Test
    void completionTimeRoundsUpToWholeMicroseconds() {
        // 1 vCPU, 3 jobs of 1us: rate 1/3, exact finish at 3; one of 1us and one of 2us at rate 1/2:
        // the 1us job finishes at 2. With 3 jobs of 2us on 2 vCPUs: 2/(2/3) = 3.
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(2, 0);
        cpu.arrive(0, 1);
        cpu.arrive(0, 1);
        cpu.arrive(0, 1);
        // rate 2/3: 1 / (2/3) = 1.5us, reported as 2us (never early)
        assertThat(cpu.nextCompletionTime()).isEqualTo(2);
    }

    @Test
    void clearDropsEverything() {
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(1, 0);
        cpu.arrive(0, 100);
        cpu.arrive(0, 100);
        assertThat(cpu.clear(10)).isEqualTo(2);
        assertThat(cpu.nextCompletionTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aJobTooLongForALongCompletesAtTheEndOfTimeNotInThePast() {
        ProcessorSharingCpu cpu = new ProcessorSharingCpu(1, 0);
        cpu.advance(io.stratus.sim.Time.DAY);
        cpu.setShare(io.stratus.sim.Time.DAY, 1e-12, 1.0); // a starved share: 10^12 times slower
        cpu.arrive(io.stratus.sim.Time.DAY, Long.MAX_VALUE / 2);
        assertThat(cpu.nextCompletionTime()).isEqualTo(Long.MAX_VALUE); // wrapped negative before
    }
}
