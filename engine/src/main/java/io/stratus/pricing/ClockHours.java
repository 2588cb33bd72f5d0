package io.stratus.pricing;

import io.stratus.sim.Time;

/** Splits an interval of simulated time at clock-hour boundaries (hour {@code h} is [h, h+1) hours). */
final class ClockHours {

    /** Receives the part of an interval inside one clock hour. */
    @FunctionalInterface
    interface Part {
        void accept(long hour, long micros);
    }

    private ClockHours() {
    }

    /** Calls {@code part} for each clock hour that [start, end) overlaps, with the overlap. */
    static void split(long start, long end, Part part) {
        long t = start;
        while (t < end) {
            long hour = t / Time.HOUR;
            long next = Math.min(end, (hour + 1) * Time.HOUR);
            part.accept(hour, next - t);
            t = next;
        }
    }

    /** The clock hour holding the last microsecond of [start, end), or of {@code start} if empty. */
    static long lastHour(long start, long end) {
        return (end > start ? end - 1 : start) / Time.HOUR;
    }
}
