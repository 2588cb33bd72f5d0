package io.stratus.report;

import io.stratus.sim.Time;

/**
 * The time axis of the charts over simulated time: hours, or days for runs longer than three
 * days (so the labels stay few and round).
 *
 * @param unitMicros one unit of the axis
 * @param name the unit's name ({@code h} or {@code days})
 */
public record TimeAxis(long unitMicros, String name) {

    /** The axis for a run whose last metrics period ends at {@code lastMicros}. */
    public static TimeAxis of(long lastMicros) {
        return lastMicros > 3 * Time.DAY ? new TimeAxis(Time.DAY, "days") : new TimeAxis(Time.HOUR, "h");
    }

    /** {@code micros} in this axis's unit. */
    public double at(long micros) {
        return micros / (double) unitMicros;
    }

    /** The axis's title. */
    public String title() {
        return "simulated time (" + name + ")";
    }
}
