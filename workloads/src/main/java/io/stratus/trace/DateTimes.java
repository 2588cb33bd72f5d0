package io.stratus.trace;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Calendar timestamps {@code yyyy-MM-dd HH:mm:ss[.fraction]} (or with {@code T} between date and
 * time) parsed straight from a character buffer into microseconds since the Unix epoch. The text
 * is read as UTC: the traces that use it (WorldCup98, Azure LLM) name no zone, and a replay only
 * needs differences. A fraction of up to nine digits is rounded half up to the microsecond.
 */
final class DateTimes {

    private static final String SHAPE = "not a date-time yyyy-MM-dd HH:mm:ss[.fraction]";
    private static final int FRACTION_START = 20;

    private DateTimes() {
    }

    /**
     * The timestamp in {@code s[from, to)} as microseconds since 1970-01-01T00:00Z.
     *
     * @throws NumberFormatException with a short reason when it is not one
     */
    static long epochMicros(char[] s, int from, int to) {
        int length = to - from;
        if (length < 19
                || s[from + 4] != '-' || s[from + 7] != '-'
                || s[from + 10] != ' ' && s[from + 10] != 'T'
                || s[from + 13] != ':' || s[from + 16] != ':') {
            throw new NumberFormatException(SHAPE);
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        int hour = digits(s, from + 11, 2);
        int minute = digits(s, from + 14, 2);
        int second = digits(s, from + 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new NumberFormatException("not a valid time of day");
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new NumberFormatException("not a valid date");
        }
        long micros = 0;
        if (length > 19) {
            int digits = length - FRACTION_START;
            if (s[from + 19] != '.' || digits < 1 || digits > 9) {
                throw new NumberFormatException(SHAPE + " (at most nine fraction digits)");
            }
            for (int k = 0; k < 6; k++) {
                micros = micros * 10 + (k < digits ? digit(s, from + FRACTION_START + k) : 0);
            }
            for (int k = 6; k < digits; k++) {
                int d = digit(s, from + FRACTION_START + k);
                if (k == 6 && d >= 5) {
                    micros++; // half up; the carry into the next second is exact
                }
            }
        }
        return ((epochDay * 24 + hour) * 60 + minute) * 60_000_000L + second * 1_000_000L + micros;
    }

    private static int digits(char[] s, int from, int count) {
        int value = 0;
        for (int k = 0; k < count; k++) {
            value = value * 10 + digit(s, from + k);
        }
        return value;
    }

    private static int digit(char[] s, int at) {
        char c = s[at];
        if (c < '0' || c > '9') {
            throw new NumberFormatException(SHAPE);
        }
        return c - '0';
    }
}
