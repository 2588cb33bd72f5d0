package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a Standard Workload Format log ({@code .swf}, or {@code .swf.gz}) of the Parallel
 * Workloads Archive: one job per line, 18 fields separated by blanks, header and comment lines
 * starting with {@code ;}. Jobs become {@link SwfJob}s: batch jobs arriving with a processor count
 * and a run time.
 *
 * <p>Checks: exactly 18 fields; every field an integer (the average CPU time and used memory may
 * be decimal); every field {@code -1} ("unknown") or not negative; submit times in file order
 * never decrease (SWF logs are sorted by submit time).
 *
 * <p>Documented skips, counted in {@link #skips()}: a job whose submit time or run time is
 * unknown, or whose processor count is unknown or zero (allocated and requested both), cannot be
 * replayed and is left out.
 */
public final class SwfReader extends LineTraceReader<SwfJob> {

    /** Fields per job line. */
    public static final int FIELDS = 18;

    private final TimeOrder order = new TimeOrder(false);

    public SwfReader(Path file) throws IOException {
        super(file, LineCursor.blankSeparated(file), ';');
    }

    @Override
    protected SwfJob parse() throws IOException {
        cursor.requireFields(FIELDS);
        long jobNumber = cursor.nonNegativeLongAt(0, "job number");
        long submit = seconds(1, "submit time");
        long wait = seconds(2, "wait time");
        long run = seconds(3, "run time");
        int allocated = integer(4, "allocated processors");
        double cpu = decimal(5, "average CPU time used");
        double usedMemory = decimal(6, "used memory");
        int requested = integer(7, "requested processors");
        long requestedTime = seconds(8, "requested time");
        double requestedMemory = decimal(9, "requested memory");
        int status = integer(10, "status");
        int user = integer(11, "user id");
        int group = integer(12, "group id");
        int executable = integer(13, "executable number");
        int queue = integer(14, "queue number");
        int partition = integer(15, "partition number");
        long preceding = longInteger(16, "preceding job number");
        long think = seconds(17, "think time from preceding job");
        if (submit == SwfJob.UNKNOWN) {
            skip("submit time unknown (-1)");
            return null;
        }
        order.accept(cursor, 1, submit);
        if (run == SwfJob.UNKNOWN) {
            skip("run time unknown (-1)");
            return null;
        }
        if (Math.max(allocated, requested) <= 0) {
            skip("processor count unknown (-1) or zero");
            return null;
        }
        return new SwfJob(jobNumber, submit, wait, run, allocated, cpu, usedMemory, requested,
                requestedTime, requestedMemory, status, user, group, executable, queue, partition,
                preceding, think);
    }

    /** An integer field that is -1 (unknown) or not negative, within the int range. */
    private int integer(int i, String name) throws TraceFormatException {
        return (int) knownOrUnknown(i, name, cursor.intAt(i, name));
    }

    /** An integer field that is -1 (unknown) or not negative. */
    private long longInteger(int i, String name) throws TraceFormatException {
        return knownOrUnknown(i, name, cursor.longAt(i, name));
    }

    private long knownOrUnknown(int i, String name, long value) throws TraceFormatException {
        if (value < SwfJob.UNKNOWN) {
            throw cursor.badField(i, name, "must be -1 (unknown) or not negative");
        }
        return value;
    }

    /** A decimal field that is -1 (unknown) or not negative. */
    private double decimal(int i, String name) throws TraceFormatException {
        double value = cursor.doubleAt(i, name);
        if (value < 0 && value != SwfJob.UNKNOWN) { // -1 may be written -1.00
            throw cursor.badField(i, name, "must be -1 (unknown) or not negative");
        }
        return value;
    }

    /** A whole number of seconds that is -1 (unknown) or not negative, as microseconds. */
    private long seconds(int i, String name) throws TraceFormatException {
        if (longInteger(i, name) == SwfJob.UNKNOWN) {
            return SwfJob.UNKNOWN;
        }
        return cursor.secondsAsMicrosAt(i, name);
    }
}
