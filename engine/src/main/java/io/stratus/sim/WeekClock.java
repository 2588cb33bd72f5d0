package io.stratus.sim;

import java.time.DayOfWeek;

/**
 * The calendar of simulated time, for schedules: time 0 is midnight (UTC) at the start of a
 * Monday, and every day has 24 hours (no time zones, no daylight saving).
 */
public final class WeekClock {

    /** The day of week of time 0. */
    public static final DayOfWeek DAY_ZERO = DayOfWeek.MONDAY;

    private WeekClock() {
    }

    /** The day of week of {@code time}. */
    public static DayOfWeek dayOfWeek(long time) {
        return DAY_ZERO.plus(Math.floorMod(Math.floorDiv(time, Time.DAY), 7));
    }

    /** The time since the last midnight, in [0, 1 day). */
    public static long timeOfDay(long time) {
        return Math.floorMod(time, Time.DAY);
    }

    /** Midnight at the start of the day holding {@code time}. */
    public static long midnight(long time) {
        return time - timeOfDay(time);
    }
}
