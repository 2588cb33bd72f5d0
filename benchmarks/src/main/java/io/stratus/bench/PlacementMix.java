package io.stratus.bench;

import java.util.SplittableRandom;

/**
 * The placement benchmark's workload, the same for every engine: hosts of 32 threads and 128 GiB,
 * VM sizes from the mix {2 vCPU / 4 GiB: 45%, 2 / 8: 25%, 4 / 16: 20%, 8 / 32: 10%}, a fill to
 * about 70% of the threads, then churn: each step places one new VM and releases one live VM
 * chosen at random. Sizes and victims are drawn in advance from a fixed seed, so every policy and
 * engine sees the same sequence.
 */
final class PlacementMix {

    static final int HOST_THREADS = 32;
    static final long HOST_MEMORY_MIB = 128 * 1024;
    static final double FILL = 0.70;
    static final int[] CORES = {2, 2, 4, 8};
    static final long[] MEMORY_MIB = {4 * 1024, 8 * 1024, 16 * 1024, 32 * 1024};
    private static final int DRAWS = 1 << 20;

    final int[] sizeDraws = new int[DRAWS];
    final double[] victimDraws = new double[DRAWS];

    PlacementMix(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < DRAWS; i++) {
            double u = rnd.nextDouble();
            sizeDraws[i] = u < 0.45 ? 0 : u < 0.70 ? 1 : u < 0.90 ? 2 : 3;
            victimDraws[i] = rnd.nextDouble();
        }
    }

    /** The size class of the i-th VM (wrapping over the pre-drawn sequence). */
    int size(long i) {
        return sizeDraws[(int) (i & (DRAWS - 1))];
    }

    /** The victim of the i-th release among {@code live} VMs. */
    int victim(long i, int live) {
        return (int) (victimDraws[(int) (i & (DRAWS - 1))] * live);
    }

    /**
     * The fill: VMs in draw order onto hosts in host order, moving to the next host when one does
     * not fit (next fit without wrap-around, O(1) per VM, no index), until 70% of the threads are
     * reserved. Every engine and policy starts from this same state.
     *
     * @param place called with (host, size class) for each VM of the fill
     * @return the number of draws used
     */
    long fill(int hosts, java.util.function.IntBinaryOperator place) {
        int[] freeThreads = new int[hosts];
        long[] freeMemory = new long[hosts];
        java.util.Arrays.fill(freeThreads, HOST_THREADS);
        java.util.Arrays.fill(freeMemory, HOST_MEMORY_MIB);
        long threads = 0;
        long target = fillThreads(hosts);
        long draw = 0;
        int h = 0;
        while (threads < target && h < hosts) {
            int s = size(draw);
            if (freeThreads[h] >= CORES[s] && freeMemory[h] >= MEMORY_MIB[s]) {
                freeThreads[h] -= CORES[s];
                freeMemory[h] -= MEMORY_MIB[s];
                threads += CORES[s];
                place.applyAsInt(h, s);
                draw++;
            } else {
                h++;
            }
        }
        return draw;
    }

    /** Threads to fill: 70% of all hosts' threads. */
    static long fillThreads(int hosts) {
        return (long) (FILL * HOST_THREADS * hosts);
    }
}
