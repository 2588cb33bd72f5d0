package io.stratus.scaling;

import io.stratus.sim.Time;
import java.util.Arrays;

/**
 * The times of a scheduled action: a restricted cron. Time 0 of the simulation is midnight of
 * day 0 (UTC).
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
}
