package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the VM table of the Azure Public Dataset ({@code vmtable.csv}, optionally gzipped): no
 * header, 11 comma-separated fields per VM: vm id, subscription id, deployment id, created and
 * deleted (seconds since the trace start), max, average and p95-of-max CPU (percent), category,
 * core count and memory (GB). Each row becomes an {@link AzureVm}: a VM arrival with a size and a
 * lifetime.
 *
 * <p>The table is <em>not</em> sorted by creation time, so records come in file order; sort them
 * before replaying them as arrivals. Checks: 11 fields, numbers where numbers belong, times and
 * sizes not negative, deletion not before creation, at least one core and some memory.
 *
 * <p>Documented skip, counted in {@link #skips()}: a size given as an open-ended bucket (such as
 * {@code >24} cores or {@code >64} GB in the 2019 table) has no definite size, so the VM is left
 * out.
 */
public final class AzureVmTableReader extends LineTraceReader<AzureVm> {

    /** Fields per row. */
    public static final int FIELDS = 11;

    public AzureVmTableReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0');
    }

    @Override
    protected AzureVm parse() throws IOException {
        cursor.requireFields(FIELDS);
        long created = cursor.secondsAsMicrosAt(3, "created");
        long deleted = cursor.secondsAsMicrosAt(4, "deleted");
        if (deleted < created) {
            throw cursor.badField(4, "deleted", "before the creation time " + cursor.text(3));
        }
        double maxCpu = cursor.nonNegativeDoubleAt(5, "max CPU %");
        double avgCpu = cursor.nonNegativeDoubleAt(6, "average CPU %");
        double p95 = cursor.nonNegativeDoubleAt(7, "p95 max CPU %");
        if (cursor.firstChar(9) == '>' || cursor.firstChar(10) == '>') {
            skip("open-ended size bucket (>N cores or >N GB)");
            return null;
        }
        int cores = cursor.intAt(9, "core count");
        if (cores < 1) {
            throw cursor.badField(9, "core count", "must be at least 1");
        }
        double memory = cursor.doubleAt(10, "memory GB");
        if (!(memory > 0)) {
            throw cursor.badField(10, "memory GB", "must be positive");
        }
        return new AzureVm(cursor.text(0), cursor.text(1), cursor.text(2), created, deleted,
                maxCpu, avgCpu, p95, cursor.text(8), cores, memory);
    }
}
