package io.stratus.compute;

import io.stratus.sim.Time;
import io.stratus.sim.WeekClock;
import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When instances should run: from {@code start} to {@code stop} (times of day) on each of
 * {@code days}, stopped otherwise; an office-hours period such as 08:00 to 19:00, Monday to
 * Friday, as AWS Instance Scheduler defines one. Time 0 is midnight at the start of a Monday
 * ({@link WeekClock}).
 *
 * <p>Simplification: a period lies within one day ({@code start < stop}); a night shift across
 * midnight is two periods in AWS and is not modelled.
 *
 * @param startTimeOfDay when the instances start, microseconds after midnight
 * @param stopTimeOfDay  when they stop, after {@code startTimeOfDay}, at most midnight
 * @param days           the days the period applies to (at least one)
 */
public record StopStartSchedule(long startTimeOfDay, long stopTimeOfDay, Set<DayOfWeek> days) {

    public StopStartSchedule {
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a stop / start schedule needs at least one day");
        }
        days = Collections.unmodifiableSet(EnumSet.copyOf(days)); // day order, whatever the JVM
        if (startTimeOfDay < 0 || stopTimeOfDay > Time.DAY || startTimeOfDay >= stopTimeOfDay) {
            throw new IllegalArgumentException("need 0 <= start < stop <= 24:00, got start "
                    + Time.format(startTimeOfDay) + ", stop " + Time.format(stopTimeOfDay));
        }
    }

    /** Whether the instances should be running at {@code time}. */
    public boolean isRunningTime(long time) {
        long tod = WeekClock.timeOfDay(time);
        return days.contains(WeekClock.dayOfWeek(time)) && tod >= startTimeOfDay && tod < stopTimeOfDay;
    }

    /**
     * The first time after {@code time} at which {@link #isRunningTime} changes, or
     * {@link Long#MAX_VALUE} if it never does (00:00 to 24:00 every day).
     */
    public long nextChange(long time) {
        long midnight = WeekClock.midnight(time);
        boolean now = isRunningTime(time);
        for (int d = 0; d <= 8; d++) {
            long day = midnight + d * Time.DAY;
            long[] edges = {day + startTimeOfDay, day + stopTimeOfDay};
            for (long edge : edges) {
                if (edge > time && isRunningTime(edge) != now) {
                    return edge;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /** Hours per week the instances should run. */
    public double runningHoursPerWeek() {
        return days.size() * Time.toSeconds(stopTimeOfDay - startTimeOfDay) / 3600.0;
    }
}
