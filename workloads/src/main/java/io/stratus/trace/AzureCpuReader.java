package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the CPU readings of the Azure Public Dataset ({@code vm_cpu_readings-file-*.csv},
 * optionally gzipped): no header, 5 comma-separated fields: timestamp (seconds since the trace
 * start, every 5 minutes), vm id, min, max and average CPU utilisation (percent). Each row is an
 * {@link AzureCpuReading}; a VM's readings, picked out by id, form the utilisation series that
 * drives it.
 *
 * <p>The files interleave all VMs and are sorted by timestamp: a timestamp that goes backwards is
 * an error. Checks: 5 fields, numbers not negative. The order min &lt;= avg &lt;= max is not
 * checked: the readings are passed on as the dataset gives them.
 */
public final class AzureCpuReader extends LineTraceReader<AzureCpuReading> {

    /** Fields per row. */
    public static final int FIELDS = 5;

    private final TimeOrder order = new TimeOrder(false);

    public AzureCpuReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0');
    }

    @Override
    protected AzureCpuReading parse() throws IOException {
        cursor.requireFields(FIELDS);
        long time = cursor.secondsAsMicrosAt(0, "timestamp");
        order.accept(cursor, 0, time);
        return new AzureCpuReading(time, cursor.text(1),
                cursor.nonNegativeDoubleAt(2, "min CPU %"),
                cursor.nonNegativeDoubleAt(3, "max CPU %"),
                cursor.nonNegativeDoubleAt(4, "average CPU %"));
    }
}
