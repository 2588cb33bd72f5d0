package io.stratus.scenario;

import io.stratus.sim.Time;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values with units as scenario files write them: durations ({@code 250ms}, {@code 30s},
 * {@code 90m}, {@code 7d}), rates ({@code 40/s}, {@code 1200/min}, {@code 5000/h}), times of
 * day ({@code 12:00}) and percentages ({@code 60%}). Each parser returns the value or throws an
 * {@link IllegalArgumentException} whose message says what is allowed.
 */
public final class Units {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|min|h|d)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|min|h)");
    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})(:\\d{2})?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    /** What a duration looks like, for messages. */
    public static final String DURATION_FORM = "a number with a unit: us, ms, s, m (or min), h or d, such as 30s or 7d";

    private Units() {
    }

    /** A duration in microseconds. */
    public static long duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write " + DURATION_FORM);
        }
        double value = Double.parseDouble(m.group(1));
        long unit;
        switch (m.group(2)) {
            case "us": unit = Time.MICROSECOND; break;
            case "ms": unit = Time.MILLISECOND; break;
            case "s": unit = Time.SECOND; break;
            case "m": case "min": unit = Time.MINUTE; break;
            case "h": unit = Time.HOUR; break;
            case "d": unit = Time.DAY; break;
            default: throw new AssertionError(m.group(2));
        }
        double micros = value * unit;
        if (micros > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Math.round(micros);
    }

    /** A rate in events per second. */
    public static double ratePerSecond(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a rate; write a number per unit: /s, /min or /h, such as 40/s");
        }
        double value = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "s": return value;
            case "min": return value / 60;
            case "h": return value / 3600;
            default: throw new AssertionError(m.group(2));
        }
    }

    /** A time of day ({@code HH:MM} or {@code HH:MM:SS}) in microseconds after midnight. */
    public static long timeOfDay(String text) {
        Matcher m = TIME_OF_DAY.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day; write HH:MM such as 12:30");
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (h > 23 || min > 59 || s > 59) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day; hours 0-23, minutes 0-59");
        }
        return h * Time.HOUR + min * Time.MINUTE + s * Time.SECOND;
    }

    /** A size in bytes: {@code 4KiB}, {@code 400GiB}, {@code 2TiB} (binary) or {@code 4KB}, {@code 1TB} (decimal). */
    public static double bytes(String text) {
        Matcher m = BYTES.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write a number with B, KiB, MiB, GiB or "
                    + "TiB (or KB, MB, GB, TB), such as 400GiB");
        }
        double value = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "B": return value;
            case "KiB": return value * 1024;
            case "MiB": return value * 1024 * 1024;
            case "GiB": return value * 1024 * 1024 * 1024;
            case "TiB": return value * 1024 * 1024 * 1024 * 1024;
            case "KB": return value * 1e3;
            case "MB": return value * 1e6;
            case "GB": return value * 1e9;
            case "TB": return value * 1e12;
            default: throw new AssertionError(m.group(2));
        }
    }

    /**
     * An instant on a trace's clock: a UTC date-time ({@code 1998-06-29 00:00} or with seconds), as
     * calendar-stamped traces count time, or a duration ({@code 30d}), as traces that count from
     * their start do; microseconds.
     */
    public static long traceInstant(String text) {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (m.matches()) {
            try {
                LocalDateTime t = LocalDateTime.parse(m.group(1) + "T" + m.group(2)
                        + (m.group(3) == null ? ":00" : m.group(3)));
                return t.toEpochSecond(ZoneOffset.UTC) * Time.SECOND;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid date-time");
            }
        }
        try {
            return duration(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a date-time (1998-06-29 00:00, UTC) nor a "
                    + "duration (30d)");
        }
    }

    /** A percentage as a fraction ({@code 60%} is 0.6). */
    public static double percent(String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage; write such as 60%");
        }
        return Double.parseDouble(m.group(1)) / 100;
    }
}
