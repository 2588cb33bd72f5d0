package io.stratus.scaling;

import io.stratus.sim.Time;
import io.stratus.sim.WeekClock;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The times of a scheduled action: a restricted cron. Time 0 of the simulation is midnight at
 * the start of a Monday (UTC; see {@link WeekClock}).
 */
@FunctionalInterface
public interface Schedule {

    /** The first time at or after {@code time}, or {@link Long#MAX_VALUE} if none. */
    long nextAtOrAfter(long time);

    /** Every day at {@code timeOfDay} after midnight (cron {@code m h * * *}). */
    static Schedule daily(long timeOfDay) {
        if (timeOfDay < 0 || timeOfDay >= Time.DAY) {
            throw new IllegalArgumentException("time of day must be within the day, got " + Time.format(timeOfDay));
        }
        return time -> {
            long day = Math.floorDiv(time - timeOfDay, Time.DAY);
            long candidate = day * Time.DAY + timeOfDay;
            return candidate >= time ? candidate : candidate + Time.DAY;
        };
    }

    /** At each of the given times (a one-time action per time). */
    static Schedule at(long... times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return time -> {
            int i = Arrays.binarySearch(sorted, time);
            if (i < 0) {
                i = -i - 1;
            }
            return i < sorted.length ? sorted[i] : Long.MAX_VALUE;
        };
    }

    /**
     * At {@code timeOfDay} on each of {@code days} (cron {@code m h * * mon-fri} and the like).
     *
     * @throws IllegalArgumentException if no day is given or the time is outside the day
     */
    static Schedule weekly(long timeOfDay, Set<DayOfWeek> days) {
        Schedule daily = daily(timeOfDay);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a weekly schedule needs at least one day");
        }
        EnumSet<DayOfWeek> on = EnumSet.copyOf(days);
        if (on.size() == 7) {
            return daily;
        }
        return time -> {
            long t = daily.nextAtOrAfter(time);
            while (!on.contains(WeekClock.dayOfWeek(t))) {
                t += Time.DAY;
            }
            return t;
        };
    }
}
