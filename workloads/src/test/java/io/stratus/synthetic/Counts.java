package io.stratus.synthetic;

import io.stratus.workload.ArrivalProcess;

/** Counting helpers for generator tests. */
final class Counts {

    private Counts() {
    }

    /** Arrivals of {@code process} in consecutive windows of {@code width} from time 0. */
    static long[] perWindow(ArrivalProcess process, long width, int windows) {
        long[] counts = new long[windows];
        long end = width * windows;
        long now = 0;
        for (long t = process.nextArrival(now); t < end; t = process.nextArrival(now)) {
            counts[(int) (t / width)]++;
            now = t;
        }
        return counts;
    }

    static double mean(long[] xs) {
        double sum = 0;
        for (long x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** Unbiased sample variance. */
    static double variance(long[] xs) {
        double m = mean(xs);
        double sum = 0;
        for (long x : xs) {
            sum += (x - m) * (x - m);
        }
        return sum / (xs.length - 1);
    }

    static long sum(long[] xs) {
        long sum = 0;
        for (long x : xs) {
            sum += x;
        }
        return sum;
    }
}
