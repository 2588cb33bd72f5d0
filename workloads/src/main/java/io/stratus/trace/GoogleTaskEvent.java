package io.stratus.trace;

/**
 * One row of the Google cluster trace (2011, "clusterdata-2011-2") {@code task_events} table: a
 * change in a task's life. A {@link Type#SUBMIT} is a task arriving with its resource request; a
 * {@link Type#SCHEDULE} places it on a machine; the terminal types end the placement. Resource
 * requests are normalised by the trace to the largest machine (so 0.5 CPU is half of the biggest
 * machine's cores), not absolute units.
 *
 * @param time              microseconds since 600 s before the trace window; 0 means "before the
 *                          trace", {@link Long#MAX_VALUE} "after it", as the trace defines
 * @param missingInfo       the trace's missing-info code, or {@link #NONE} when the field is empty
 * @param jobId             the job
 * @param taskIndex         the task's index in its job
 * @param machineId         the machine, or {@link #NONE} when the task is not on one
 * @param type              what happened
 * @param user              anonymised user name
 * @param schedulingClass   latency sensitivity, 0 (least) to 3
 * @param priority          priority, 0 (lowest) to 11
 * @param cpuRequest        normalised CPU request, or NaN when the field is empty
 * @param memoryRequest     normalised memory request, or NaN when the field is empty
 * @param diskRequest       normalised local disk request, or NaN when the field is empty
 * @param differentMachines whether the job's tasks must run on different machines (an empty
 *                          field reads as false)
 */
public record GoogleTaskEvent(
        long time,
        int missingInfo,
        long jobId,
        int taskIndex,
        long machineId,
        Type type,
        String user,
        int schedulingClass,
        int priority,
        double cpuRequest,
        double memoryRequest,
        double diskRequest,
        boolean differentMachines) implements Timed {

    /** The value of an integer field the row leaves empty. */
    public static final int NONE = -1;

    /** The event types, numbered as in the trace. */
    public enum Type {
        /** The task became eligible for scheduling: its arrival. */
        SUBMIT,
        /** The task was placed on a machine. */
        SCHEDULE,
        /** Descheduled because a higher priority task or a machine failure needed room. */
        EVICT,
        /** Descheduled because it failed. */
        FAIL,
        /** Completed normally. */
        FINISH,
        /** Cancelled by the user or a dependency. */
        KILL,
        /** Presumably ended, but the record of it was lost. */
        LOST,
        /** Its request or constraints changed while it waited. */
        UPDATE_PENDING,
        /** Its request or constraints changed while it ran. */
        UPDATE_RUNNING;

        private static final Type[] BY_CODE = values();

        /** The type with the trace's number {@code code}, or null if there is none. */
        static Type ofCode(long code) {
            return code >= 0 && code < BY_CODE.length ? BY_CODE[(int) code] : null;
        }

        /** Whether the event ends the task's stay on its machine. */
        public boolean isTerminal() {
            return this == EVICT || this == FAIL || this == FINISH || this == KILL || this == LOST;
        }
    }
}
