package io.stratus.report;

/** Round tick steps for a value axis: 1, 2 or 5 times a power of ten, about five ticks to the axis's end. */
public final class Ticks {

    private Ticks() {
    }

    /** The step for an axis from 0 to {@code max} (positive). */
    public static double step(double max) {
        double raw = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /** {@code v} (positive) rounded up to a whole number of its axis's steps. */
    public static double ceil(double v) {
        double step = step(v);
        return Math.ceil(v / step - 1e-9) * step;
    }
}
