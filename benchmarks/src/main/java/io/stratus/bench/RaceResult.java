package io.stratus.bench;

/**
 * What one engine reports after the race: wall time, events, peak heap, the simulated end time,
 * and every job's VM, start and finish time (seconds), for comparison with the other engine.
 */
final class RaceResult {

    final String engine;
    final int hosts;
    final int vmsCreated;
    final double wallSeconds;
    double cpuSeconds;
    final long events;
    final long peakHeapBytes;
    final double endSeconds;
    final int[] jobVm;
    final double[] jobStartSeconds;
    final double[] jobFinishSeconds;

    RaceResult(String engine, int hosts, int vmsCreated, double wallSeconds, long events, long peakHeapBytes,
            double endSeconds, int[] jobVm, double[] jobStartSeconds, double[] jobFinishSeconds) {
        this.engine = engine;
        this.hosts = hosts;
        this.vmsCreated = vmsCreated;
        this.wallSeconds = wallSeconds;
        this.events = events;
        this.peakHeapBytes = peakHeapBytes;
        this.endSeconds = endSeconds;
        this.jobVm = jobVm;
        this.jobStartSeconds = jobStartSeconds;
        this.jobFinishSeconds = jobFinishSeconds;
    }
}
