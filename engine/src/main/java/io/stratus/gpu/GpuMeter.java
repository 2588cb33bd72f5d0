package io.stratus.gpu;

import org.HdrHistogram.Histogram;

/**
 * The measurements of one GPU cluster over a run: GPU allocation and fragmentation (fragmented
 * GPU capacity over unallocated GPU capacity, {@link PodMix}), now and integrated over (event by event, without sampling)
 * simulated time, for the cluster and per GPU model; and the scheduling waits of pods, placed
 * (mean, maximum, an HdrHistogram to 3 significant digits up to ten years) and never placed
 * (mean).
 *
 * <p>Assumptions: the measures are piecewise constant between events, so the caller calls
 * {@link #advance} with the event's time before changing the capacity; time starts at 0 and never
 * goes back. The meter reads the current allocation and fragmentation from the
 * {@link NodeCapacity} it was given and changes nothing there. Recording a wait allocates
 * nothing.
 */
final class GpuMeter {

    private static final long MAX_WAIT_MICROS = 3650L * 86_400_000_000L;

    private final NodeCapacity capacity;
    private final PodMix mix;

    private long last;
    private double allocArea;
    private double fragArea;
    private double unallocArea;
    private final double[] modelAllocArea;
    private final double[] modelFragArea;
    private final double[] modelUnallocArea;

    private final Histogram waits = new Histogram(MAX_WAIT_MICROS, 3);
    private long placedWaits;
    private long waitSum;
    private long waitMax;
    private long neverPlacedWaits;
    private long neverPlacedWaitSum;

    /** A meter at time 0 of the capacity, fragmentation weighted by the mix. */
    GpuMeter(NodeCapacity capacity, PodMix mix) {
        this.capacity = capacity;
        this.mix = mix;
        modelAllocArea = new double[capacity.modelCount()];
        modelFragArea = new double[capacity.modelCount()];
        modelUnallocArea = new double[capacity.modelCount()];
    }

    /** Integrates the measures up to {@code now}. */
    void advance(long now) {
        if (now < last) {
            throw new IllegalArgumentException("time went back from " + last + " to " + now);
        }
        double dt = now - last;
        if (dt > 0) {
            long allocated = capacity.gpuAllocated();
            allocArea += allocated * dt;
            fragArea += capacity.fragmentTotal() * dt / mix.total();
            unallocArea += (capacity.gpuCapacity() - allocated) * dt;
            for (int m = 0; m < modelAllocArea.length; m++) {
                long modelAllocated = capacity.modelAllocated(m);
                modelAllocArea[m] += modelAllocated * dt;
                modelFragArea[m] += capacity.modelFragment(m) * dt / mix.total();
                modelUnallocArea[m] += (capacity.modelCapacity(m) - modelAllocated) * dt;
            }
        }
        last = now;
    }

    /** Records the scheduling wait of a pod placed, microseconds. */
    void placed(long wait) {
        placedWaits++;
        waitSum += wait;
        waitMax = Math.max(waitMax, wait);
        waits.recordValue(Math.max(1, Math.min(wait, MAX_WAIT_MICROS)));
    }

    /** Records the wait of a pod that departed while pending, microseconds. */
    void neverPlaced(long wait) {
        neverPlacedWaits++;
        neverPlacedWaitSum += wait;
    }

    /** Waits recorded by {@link #placed}. */
    long placedWaits() {
        return placedWaits;
    }

    /** Waits recorded by {@link #neverPlaced}. */
    long neverPlacedWaits() {
        return neverPlacedWaits;
    }

    // ---- allocation and fragmentation ----

    /** Fragmented GPU thousandths now (popularity-weighted, {@link PodMix}). */
    double gpuFragmented() {
        return (double) capacity.fragmentTotal() / mix.total();
    }

    /** Allocated over capacity now (NaN without GPUs). */
    double allocationRatio() {
        long gpuCapacity = capacity.gpuCapacity();
        return gpuCapacity == 0 ? Double.NaN : (double) capacity.gpuAllocated() / gpuCapacity;
    }

    /** Fragmented over unallocated GPU capacity now (NaN when all is allocated). */
    double fragmentationRate() {
        long free = capacity.gpuCapacity() - capacity.gpuAllocated();
        return free == 0 ? Double.NaN : gpuFragmented() / free;
    }

    /** Time-average allocation ratio up to the last {@link #advance}. */
    double meanAllocationRatio() {
        long gpuCapacity = capacity.gpuCapacity();
        return last == 0 || gpuCapacity == 0 ? Double.NaN : allocArea / ((double) gpuCapacity * last);
    }

    /** Time-integrated fragmented over time-integrated unallocated GPU capacity. */
    double meanFragmentationRate() {
        return unallocArea == 0 ? Double.NaN : fragArea / unallocArea;
    }

    /** Allocated over capacity of a model now. */
    double modelAllocationRatio(int m) {
        return (double) capacity.modelAllocated(m) / capacity.modelCapacity(m);
    }

    /** Fragmented over unallocated capacity of a model now (NaN when all is allocated). */
    double modelFragmentationRate(int m) {
        long free = capacity.modelCapacity(m) - capacity.modelAllocated(m);
        return free == 0 ? Double.NaN : (double) capacity.modelFragment(m) / mix.total() / free;
    }

    /** Time-average allocation ratio of a model. */
    double modelMeanAllocationRatio(int m) {
        return last == 0 ? Double.NaN : modelAllocArea[m] / ((double) capacity.modelCapacity(m) * last);
    }

    /** Time-integrated fragmented over unallocated capacity of a model. */
    double modelMeanFragmentationRate(int m) {
        return modelUnallocArea[m] == 0 ? Double.NaN : modelFragArea[m] / modelUnallocArea[m];
    }

    // ---- waits ----

    /** Placed pods' mean scheduling wait, microseconds (NaN if none placed). */
    double meanWaitMicros() {
        return placedWaits == 0 ? Double.NaN : (double) waitSum / placedWaits;
    }

    /** Placed pods' scheduling wait at a percentile, microseconds, within 0.1% (NaN if none placed). */
    double waitPercentileMicros(double percentile) {
        if (placedWaits == 0) {
            return Double.NaN;
        }
        long v = Math.min(waitMax, waits.getValueAtPercentile(percentile)); // never above the exact maximum
        return v <= 1 ? 0 : v; // waits are recorded as at least 1 us
    }

    /** Placed pods' longest scheduling wait, microseconds. */
    long maxWaitMicros() {
        return waitMax;
    }

    /** Mean time never-placed pods waited before departing, microseconds (NaN if none). */
    double neverPlacedMeanWaitMicros() {
        return neverPlacedWaits == 0 ? Double.NaN : (double) neverPlacedWaitSum / neverPlacedWaits;
    }
}
