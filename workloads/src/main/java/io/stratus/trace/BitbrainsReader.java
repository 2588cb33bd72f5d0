package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one Bitbrains VM file of the GWA-T-12 trace ({@code fastStorage/*.csv},
 * {@code Rnd/*.csv}): an optional header line, then 11 fields separated by {@code ;} (each
 * followed by a tab): timestamp, cores, CPU capacity and usage (MHz), CPU usage (%), memory
 * capacity and usage (KB), disk read and write (KB/s), network in and out (KB/s). Each line is a
 * {@link BitbrainsSample}; the file is one VM's utilisation series.
 *
 * <p>The timestamp is in <em>seconds</em> since the Unix epoch although the header says
 * {@code Timestamp [ms]} (1376314846 is 2013-08-12; read as milliseconds it would be 1970).
 * Checks: 11 fields, numbers not negative, at least one core, timestamps strictly increasing.
 */
public final class BitbrainsReader extends LineTraceReader<BitbrainsSample> {

    /** Fields per line. */
    public static final int FIELDS = 11;

    private static final String[] HEADER = {
        "Timestamp [ms]", "CPU cores", "CPU capacity provisioned [MHZ]", "CPU usage [MHZ]",
        "CPU usage [%]", "Memory capacity provisioned [KB]", "Memory usage [KB]",
        "Disk read throughput [KB/s]", "Disk write throughput [KB/s]",
        "Network received throughput [KB/s]", "Network transmitted throughput [KB/s]",
    };

    private final String vmId;
    private final TimeOrder order = new TimeOrder(true);

    public BitbrainsReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ';'), '\0', HEADER);
        this.vmId = TraceFiles.baseName(file);
    }

    @Override
    protected BitbrainsSample parse() throws IOException {
        cursor.requireFields(FIELDS);
        long time = cursor.secondsAsMicrosAt(0, "timestamp (s)");
        order.accept(cursor, 0, time);
        int cores = cursor.intAt(1, "CPU cores");
        if (cores < 1) {
            throw cursor.badField(1, "CPU cores", "must be at least 1");
        }
        return new BitbrainsSample(vmId, time, cores,
                cursor.nonNegativeDoubleAt(2, "CPU capacity MHz"),
                cursor.nonNegativeDoubleAt(3, "CPU usage MHz"),
                cursor.nonNegativeDoubleAt(4, "CPU usage %"),
                cursor.nonNegativeDoubleAt(5, "memory capacity KB"),
                cursor.nonNegativeDoubleAt(6, "memory usage KB"),
                cursor.nonNegativeDoubleAt(7, "disk read KB/s"),
                cursor.nonNegativeDoubleAt(8, "disk write KB/s"),
                cursor.nonNegativeDoubleAt(9, "network in KB/s"),
                cursor.nonNegativeDoubleAt(10, "network out KB/s"));
    }
}
