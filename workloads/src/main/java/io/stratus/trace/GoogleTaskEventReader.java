package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Google cluster trace 2011 {@code task_events} files ({@code part-*.csv.gz}): 13
 * comma-separated fields, no header (lines starting with {@code #}, as in hand-made samples, are
 * comments): time (microseconds), missing info, job id, task index, machine id, event type,
 * user, scheduling class, priority, CPU, memory and disk requests, different-machine constraint.
 * Each row becomes a {@link GoogleTaskEvent}.
 *
 * <p>Checks: 13 fields; times never decrease (each part file is sorted by time); event type 0 to
 * 8; ids and indices not negative; requests not negative; the constraint 0 or 1. The trace leaves
 * some fields empty by design (machine id before scheduling, missing info, some requests); those
 * read as {@link GoogleTaskEvent#NONE} or NaN, never as 0. Time, job, task, type, user, class and
 * priority must be present.
 */
public final class GoogleTaskEventReader extends LineTraceReader<GoogleTaskEvent> {

    /** Fields per row. */
    public static final int FIELDS = 13;

    private final TimeOrder order = new TimeOrder(false);

    public GoogleTaskEventReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '#');
    }

    @Override
    protected GoogleTaskEvent parse() throws IOException {
        cursor.requireFields(FIELDS);
        long time = cursor.nonNegativeLongAt(0, "time");
        order.accept(cursor, 0, time);
        int missing = cursor.isEmpty(1) ? GoogleTaskEvent.NONE : cursor.nonNegativeIntAt(1, "missing info");
        long job = cursor.nonNegativeLongAt(2, "job id");
        int task = cursor.nonNegativeIntAt(3, "task index");
        long machine = cursor.isEmpty(4) ? GoogleTaskEvent.NONE : cursor.nonNegativeLongAt(4, "machine id");
        GoogleTaskEvent.Type type = GoogleTaskEvent.Type.ofCode(cursor.longAt(5, "event type"));
        if (type == null) {
            throw cursor.badField(5, "event type", "must be 0 (SUBMIT) to 8 (UPDATE_RUNNING)");
        }
        if (cursor.isEmpty(6)) {
            throw cursor.badField(6, "user", "must not be empty");
        }
        int schedulingClass = cursor.nonNegativeIntAt(7, "scheduling class");
        int priority = cursor.nonNegativeIntAt(8, "priority");
        double cpu = request(9, "CPU request");
        double memory = request(10, "memory request");
        double disk = request(11, "disk request");
        boolean different = false;
        if (!cursor.isEmpty(12)) {
            long flag = cursor.longAt(12, "different-machine constraint");
            if (flag != 0 && flag != 1) {
                throw cursor.badField(12, "different-machine constraint", "must be 0 or 1");
            }
            different = flag == 1;
        }
        return new GoogleTaskEvent(time, missing, job, task, machine, type, cursor.text(6),
                schedulingClass, priority, cpu, memory, disk, different);
    }

    private double request(int i, String name) throws TraceFormatException {
        return cursor.isEmpty(i) ? Double.NaN : cursor.nonNegativeDoubleAt(i, name);
    }
}
