package io.stratus.sim;

/**
 * Simulated time units. Time is a {@code long} count of microseconds: exact, cheap to compare,
 * and good for 292,000 years.
 */
public final class Time {

    public static final long MICROSECOND = 1L;
    public static final long MILLISECOND = 1_000L;
    public static final long SECOND = 1_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private Time() {
    }

    /** Whole seconds to microseconds. */
    public static long seconds(long s) {
        return Math.multiplyExact(s, SECOND);
    }

    /** Seconds (possibly fractional) to microseconds, rounded to the nearest microsecond. */
    public static long seconds(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("not a finite number of seconds: " + s);
        }
        return Math.round(s * SECOND);
    }

    /**
     * {@code time + delay}, saturating: a sum past the end of time is {@link Long#MAX_VALUE}
     * ("never") rather than a wrapped negative time (and one before the start is
     * {@link Long#MIN_VALUE}).
     */
    public static long plus(long time, long delay) {
        long sum = time + delay;
        // overflow iff both operands have the sign the sum lacks
        if (((time ^ sum) & (delay ^ sum)) < 0) {
            return delay > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return sum;
    }

    /**
     * {@code time + ceil(delay)} for a computed delay in microseconds, saturating at
     * {@link Long#MAX_VALUE}: a delay too large for a {@code long} (or infinite, or NaN, as when
     * a rate is zero) means "never". {@code time} is a point in time (not negative).
     */
    public static long plusCeil(long time, double delay) {
        double whole = Math.ceil(delay);
        if (!(whole < (double) (Long.MAX_VALUE - time))) { // also catches NaN
            return Long.MAX_VALUE;
        }
        return plus(time, (long) whole);
    }

    /** Microseconds to seconds. */
    public static double toSeconds(long micros) {
        return micros / (double) SECOND;
    }

    /** A readable rendering such as {@code 1d 02:03:04.000005} or {@code 12.5s}. */
    public static String format(long micros) {
        if (micros == Long.MAX_VALUE) {
            return "end of time";
        }
        StringBuilder b = new StringBuilder();
        long t = micros;
        if (t < 0) {
            b.append('-');
            t = -t;
        }
        long days = t / DAY;
        long rest = t % DAY;
        long h = rest / HOUR;
        long m = rest % HOUR / MINUTE;
        long s = rest % MINUTE / SECOND;
        long us = rest % SECOND;
        if (days > 0) {
            b.append(days).append('d');
            if (rest == 0) {
                return b.toString();
            }
            b.append(' ');
        }
        if (days > 0 || h > 0 || m > 0) {
            b.append(String.format("%02d:%02d:%02d", h, m, s));
        } else {
            b.append(s);
        }
        if (us != 0) {
            b.append(String.format(".%06d", us));
        }
        if (days == 0 && h == 0 && m == 0) {
            b.append('s');
        }
        return b.toString();
    }

    /**
     * A compact duration for reports, with the non-zero units only: {@code 7d}, {@code 1d 6h},
     * {@code 30m}, {@code 1h 30m 5s}, {@code 2.5s}, {@code 25ms}.
     */
    public static String compact(long micros) {
        if (micros == 0) {
            return "0s";
        }
        if (micros < 0) {
            return "-" + compact(-micros);
        }
        if (micros < SECOND) {
            return micros % MILLISECOND == 0 ? micros / MILLISECOND + "ms" : micros + "us";
        }
        StringBuilder b = new StringBuilder();
        long[] units = {DAY, HOUR, MINUTE};
        String[] names = {"d", "h", "m"};
        long rest = micros;
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                b.append(b.length() > 0 ? " " : "").append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        if (rest > 0) {
            b.append(b.length() > 0 ? " " : "");
            if (rest % SECOND == 0) {
                b.append(rest / SECOND).append('s');
            } else {
                b.append(java.math.BigDecimal.valueOf(rest, 6).stripTrailingZeros().toPlainString()).append('s');
            }
        }
        return b.toString();
    }
}
