package io.stratus.trace;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a request-count series with explicit periods: an optional header {@code period,count},
 * then rows {@code period,count}, one bin of fixed width (one minute by default) per row. The
 * period is a calendar timestamp {@code yyyy-MM-dd HH:mm:ss} (read as UTC) or a whole number of
 * seconds. This is the shape of the WorldCup98 per-minute series. Each row becomes a
 * {@link RequestCount} whose start is the period.
 *
 * <p>Checks: 2 fields; count not negative; each period at least one bin width after the one
 * before (sorted, no overlap) and a whole number of bin widths after it.
 *
 * <p>Documented skip: periods missing from the file (the WorldCup98 derivation leaves out
 * minutes, 10 in 7 gaps) are taken to have had no requests; the number of missing bins is counted
 * in {@link #skips()}. Replays see them as bins of rate zero.
 */
public final class RequestRateCsvReader extends LineTraceReader<RequestCount> {

    /** The skip reason of absent periods. */
    public static final String ABSENT = "periods absent from the file, taken as zero requests";

    private final long binWidth;
    private long previous = Long.MIN_VALUE;

    /** A reader of one-minute bins. */
    public RequestRateCsvReader(Path file) throws IOException {
        this(file, Time.MINUTE);
    }

    /**
     * @param binWidth the width of each period, microseconds
     */
    public RequestRateCsvReader(Path file, long binWidth) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0', "period", "count");
        if (binWidth <= 0) {
            cursor.close();
            throw new IllegalArgumentException("bin width must be positive, got " + binWidth);
        }
        this.binWidth = binWidth;
    }

    @Override
    protected RequestCount parse() throws IOException {
        cursor.requireFields(2);
        long start = period();
        if (previous != Long.MIN_VALUE) {
            long gap = start - previous;
            if (gap < binWidth) {
                throw cursor.badField(0, "period", "less than one bin (" + Time.format(binWidth)
                        + ") after the previous period: the file must be sorted with no overlap");
            }
            if (gap % binWidth != 0) {
                throw cursor.badField(0, "period", "not a whole number of bins ("
                        + Time.format(binWidth) + ") after the previous period");
            }
            if (gap > binWidth) {
                skip(ABSENT, gap / binWidth - 1);
            }
        }
        previous = start;
        return new RequestCount(start, binWidth, cursor.nonNegativeLongAt(1, "count"));
    }

    private long period() throws TraceFormatException {
        String text = cursor.text(0);
        boolean seconds = !text.isEmpty() && (text.charAt(0) == '-' || text.chars().allMatch(c -> c >= '0' && c <= '9'));
        return seconds ? cursor.secondsAsMicrosAt(0, "period") : cursor.epochMicrosAt(0, "period");
    }
}
