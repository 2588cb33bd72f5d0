package io.stratus.trace;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a plain request-count series: non-negative integers separated by blanks or line breaks,
 * one per bin of fixed width (one second by default), the first bin starting at time 0. Both
 * "one count per line" files and the NASA KSC request trace (1995, five million per-second
 * counts on a single line) have this shape. Each count becomes a {@link RequestCount}.
 *
 * <p>Reads token by token through a {@link TokenCursor}, so memory stays flat however long a
 * line is. Checks: every token a non-negative integer; errors give the line and column of the
 * token. There is no header and no comment syntax.
 */
public final class RequestRateReader extends TraceReader<RequestCount> {

    private final TokenCursor tokens;
    private final long binWidth;
    private long nextStart;

    /** A reader of one-second bins. */
    public RequestRateReader(Path file) throws IOException {
        this(file, Time.SECOND);
    }

    /**
     * @param binWidth the width of each bin, microseconds
     */
    public RequestRateReader(Path file, long binWidth) throws IOException {
        super(file);
        if (binWidth <= 0) {
            throw new IllegalArgumentException("bin width must be positive, got " + binWidth);
        }
        this.binWidth = binWidth;
        this.tokens = TokenCursor.open(file);
    }

    @Override
    public RequestCount next() throws IOException {
        if (!tokens.next()) {
            return null;
        }
        long count = tokens.nonNegativeLong("request count");
        RequestCount bin = new RequestCount(nextStart, binWidth, count);
        nextStart += binWidth;
        return bin;
    }

    @Override
    public long line() {
        return tokens.line();
    }

    @Override
    public void close() throws IOException {
        tokens.close();
    }
}
