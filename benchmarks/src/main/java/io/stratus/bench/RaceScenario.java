package io.stratus.bench;

import io.stratus.sim.RandomStream;
import io.stratus.sim.RandomStreams;

/**
 * The batch scenario both engines run in the race, drawn once from a seed so that both get the
 * same VMs and jobs: {@code H} hosts of 32 cores at 10,000 MIPS with 128 GiB; {@code 10·H} VMs
 * from the mix {2 vCPU / 4 GiB: 45%, 2 / 8: 25%, 4 / 16: 20%, 8 / 32: 10%}; {@code 100·H} jobs of
 * uniform random length in [10^6, 10^7] million instructions, all submitted at time 0, one vCPU
 * each, assigned round robin to the VMs that were created, in creation order.
 */
final class RaceScenario {

    static final int HOST_CORES = 32;
    static final long HOST_MEMORY_MIB = 128 * 1024;
    static final double MIPS = 10_000;
    static final long MIN_LENGTH_MI = 1_000_000;
    static final long MAX_LENGTH_MI = 10_000_000;

    final int hosts;
    final int[] vmCores;
    final long[] vmMemoryMib;
    final long[] jobLengthMi;

    RaceScenario(int hosts, long seed) {
        this.hosts = hosts;
        RandomStreams streams = new RandomStreams(seed);
        RandomStream vmStream = streams.stream("race-vms");
        RandomStream jobStream = streams.stream("race-jobs");
        int vms = 10 * hosts;
        vmCores = new int[vms];
        vmMemoryMib = new long[vms];
        for (int v = 0; v < vms; v++) {
            double u = vmStream.nextDouble();
            int cores;
            int gib;
            if (u < 0.45) {
                cores = 2;
                gib = 4;
            } else if (u < 0.70) {
                cores = 2;
                gib = 8;
            } else if (u < 0.90) {
                cores = 4;
                gib = 16;
            } else {
                cores = 8;
                gib = 32;
            }
            vmCores[v] = cores;
            vmMemoryMib[v] = gib * 1024L;
        }
        int jobs = 100 * hosts;
        jobLengthMi = new long[jobs];
        long span = MAX_LENGTH_MI - MIN_LENGTH_MI + 1;
        for (int j = 0; j < jobs; j++) {
            jobLengthMi[j] = MIN_LENGTH_MI + (long) (jobStream.nextDouble() * span);
        }
    }

    /** A job's work in microseconds of one vCPU: MI / MIPS seconds. */
    static long workMicros(long lengthMi) {
        // MI / 10,000 MIPS = lengthMi * 100 microseconds, exactly
        return lengthMi * 100;
    }
}
