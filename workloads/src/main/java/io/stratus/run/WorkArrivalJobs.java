package io.stratus.run;

import io.stratus.trace.RecordSource;
import io.stratus.trace.WorkArrival;
import io.stratus.workload.BatchJob;
import io.stratus.workload.BatchJobSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Turns a trace of work arrivals (SWF jobs, VMs) into the engine's batch jobs, streaming: each
 * record becomes a job submitted at its trace time (divided by the speedup), needing
 * {@code ceil(vcpus)} vCPUs and its memory (0 when the trace does not say) for its lifetime.
 * Jobs are numbered from 1 in trace order.
 */
final class WorkArrivalJobs implements BatchJobSource {

    private final RecordSource<? extends WorkArrival> records;
    private final double speedup;
    private long next = 1;

    WorkArrivalJobs(RecordSource<? extends WorkArrival> records, double speedup) {
        this.records = Objects.requireNonNull(records, "records");
        this.speedup = speedup;
    }

    @Override
    public BatchJob next() {
        WorkArrival w;
        try {
            w = records.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (w == null) {
            return null;
        }
        long memory = Double.isNaN(w.memoryMib()) ? 0 : (long) Math.ceil(w.memoryMib());
        int vcpus = (int) Math.max(1, Math.ceil(w.vcpus()));
        return new BatchJob(next++, Math.round(w.time() / speedup), w.lifetime(), vcpus, memory);
    }
}
