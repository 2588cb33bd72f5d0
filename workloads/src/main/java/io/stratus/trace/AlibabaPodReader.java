package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the pod list of the Alibaba GPU cluster trace 2023 ({@code openb_pod_list_*.csv}): header
 * {@code name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,
 * deletion_time,scheduled_time}, one {@link AlibabaPod} per row, times in seconds since the
 * trace's start.
 *
 * <p>Checks: 11 fields; requests not negative, GPU share at most 1000; creation times never
 * decrease (the files are sorted by creation); deletion not before creation; a scheduled time,
 * when present, between creation and deletion. An empty {@code scheduled_time} (pods that stayed
 * Pending) reads as {@link AlibabaPod#NOT_SCHEDULED}.
 */
public final class AlibabaPodReader extends LineTraceReader<AlibabaPod> {

    private static final String[] HEADER = {
        "name", "cpu_milli", "memory_mib", "num_gpu", "gpu_milli", "gpu_spec", "qos", "pod_phase",
        "creation_time", "deletion_time", "scheduled_time",
    };
    private static final int MILLI = 1000;

    private final TimeOrder order = new TimeOrder(false);

    public AlibabaPodReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0', HEADER);
    }

    @Override
    protected AlibabaPod parse() throws IOException {
        cursor.requireFields(HEADER.length);
        if (cursor.isEmpty(0)) {
            throw cursor.badField(0, "name", "must not be empty");
        }
        int cpu = cursor.nonNegativeIntAt(1, "cpu_milli");
        long memory = cursor.nonNegativeLongAt(2, "memory_mib");
        int gpus = cursor.nonNegativeIntAt(3, "num_gpu");
        int gpuMilli = cursor.nonNegativeIntAt(4, "gpu_milli");
        if (gpuMilli > MILLI) {
            throw cursor.badField(4, "gpu_milli", "must be at most 1000 (one whole GPU)");
        }
        long created = cursor.secondsAsMicrosAt(8, "creation_time");
        order.accept(cursor, 8, created);
        long deleted = cursor.secondsAsMicrosAt(9, "deletion_time");
        if (deleted < created) {
            throw cursor.badField(9, "deletion_time", "before the creation time " + cursor.text(8));
        }
        long scheduled = AlibabaPod.NOT_SCHEDULED;
        if (!cursor.isEmpty(10)) {
            scheduled = cursor.secondsAsMicrosAt(10, "scheduled_time");
            if (scheduled < created || scheduled > deleted) {
                throw cursor.badField(10, "scheduled_time", "must lie between creation and deletion");
            }
        }
        return new AlibabaPod(cursor.text(0), cpu, memory, gpus, gpuMilli, cursor.text(5),
                cursor.text(6), cursor.text(7), created, deleted, scheduled);
    }
}
