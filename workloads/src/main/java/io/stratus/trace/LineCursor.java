package io.stratus.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Reads a text trace one line at a time and splits the current line into fields, keeping the
 * file, line and column of each field so that every parse error can say where it is. The one
 * helper all line-oriented readers share.
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} and a leading byte-order mark are dropped; the
 * last line need not end with a newline. Fields are separated either by one delimiter character
 * (CSV-like formats; blanks around a field are trimmed, quoting is not supported, so a field
 * cannot contain the delimiter) or by runs of blanks (SWF). The line is kept in one reusable
 * buffer and fields are offsets into it, so reading a line allocates nothing and integers are
 * parsed in place; only {@link #text} and decimal fields make a string. The reading is
 * {@link LineBuffer}'s, the splitting {@link FieldSplitter}'s; this class gives the fields their
 * types and their errors their positions.
 *
 * <p>Not thread-safe.
 */
public final class LineCursor implements Closeable {

    /** Longest line accepted, in characters: a guard against reading a binary or one-line file. */
    public static final int MAX_LINE = 1 << 24;

    private final LineBuffer lines;
    private final FieldSplitter splitter;
    private char[] line;
    private int lineLength;
    private int fields = -1; // -1: the current line is not split yet

    private LineCursor(Path file, Reader in, char delimiter) {
        this.lines = new LineBuffer(file, in);
        this.splitter = new FieldSplitter(delimiter);
    }

    /** A cursor over {@code file} whose fields are separated by {@code delimiter}. */
    public static LineCursor delimited(Path file, char delimiter) throws IOException {
        if (delimiter == FieldSplitter.BLANKS || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("bad delimiter");
        }
        return new LineCursor(file, TraceFiles.open(file), delimiter);
    }

    /** A cursor over {@code file} whose fields are separated by runs of spaces and tabs. */
    public static LineCursor blankSeparated(Path file) throws IOException {
        return new LineCursor(file, TraceFiles.open(file), FieldSplitter.BLANKS);
    }

    /** The file being read. */
    public Path file() {
        return lines.file();
    }

    /** The 1-based number of the current line (0 before the first). */
    public long line() {
        return lines.number();
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the file
     */
    public boolean next() throws IOException {
        fields = -1;
        splitter.reset();
        boolean more = lines.next();
        line = lines.chars();
        lineLength = lines.length();
        return more;
    }

    /** Whether the current line holds only blanks. */
    public boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            if (!isBlank(line[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first non-blank character of the current line is {@code c}. */
    public boolean startsWith(char c) {
        for (int i = 0; i < lineLength; i++) {
            if (!isBlank(line[i])) {
                return line[i] == c;
            }
        }
        return false;
    }

    /** The whole current line. */
    public String lineText() {
        return new String(line, 0, lineLength);
    }

    /** The number of fields on the current line. */
    public int fieldCount() {
        split();
        return fields;
    }

    /** Fails unless the current line has exactly {@code expected} fields. */
    public void requireFields(int expected) throws TraceFormatException {
        split();
        if (fields < expected) {
            throw new TraceFormatException(lines.file(), lines.number(), lineLength + 1,
                    "expected " + fields(expected) + ", found " + fields + " (truncated line?)");
        }
        if (fields > expected) {
            throw new TraceFormatException(lines.file(), lines.number(), splitter.start(expected) + 1,
                    "expected " + fields(expected) + ", found " + fields);
        }
    }

    private static String fields(int n) {
        return n == 1 ? "1 field" : n + " fields";
    }

    /** Whether field {@code i} (0-based) is empty. */
    public boolean isEmpty(int i) throws TraceFormatException {
        check(i);
        return splitter.start(i) == splitter.end(i);
    }

    /** Field {@code i} (0-based) as text. */
    public String text(int i) throws TraceFormatException {
        check(i);
        return new String(line, splitter.start(i), splitter.end(i) - splitter.start(i));
    }

    /** Whether field {@code i} (0-based) is exactly {@code expected}. */
    public boolean fieldEquals(int i, String expected) throws TraceFormatException {
        check(i);
        int length = splitter.end(i) - splitter.start(i);
        if (length != expected.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (line[splitter.start(i) + k] != expected.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first character of field {@code i}, or {@code '\0'} if it is empty. */
    public char firstChar(int i) throws TraceFormatException {
        check(i);
        return splitter.start(i) == splitter.end(i) ? '\0' : line[splitter.start(i)];
    }

    /** Field {@code i} as a decimal integer; {@code name} is used in the error message. */
    public long longAt(int i, String name) throws TraceFormatException {
        check(i);
        try {
            return Numbers.parseLong(line, splitter.start(i), splitter.end(i));
        } catch (NumberFormatException e) {
            throw badField(i, name, e.getMessage());
        }
    }

    /** Field {@code i} as a decimal integer within the {@code int} range. */
    public int intAt(int i, String name) throws TraceFormatException {
        long value = longAt(i, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw badField(i, name, "out of the 32-bit integer range");
        }
        return (int) value;
    }

    /** Field {@code i} as a decimal integer that must not be negative. */
    public long nonNegativeLongAt(int i, String name) throws TraceFormatException {
        long value = longAt(i, name);
        if (value < 0) {
            throw badField(i, name, "must not be negative");
        }
        return value;
    }

    /** Field {@code i} as a decimal integer within the {@code int} range, not negative. */
    public int nonNegativeIntAt(int i, String name) throws TraceFormatException {
        int value = intAt(i, name);
        if (value < 0) {
            throw badField(i, name, "must not be negative");
        }
        return value;
    }

    /** Field {@code i} as a finite decimal number. */
    public double doubleAt(int i, String name) throws TraceFormatException {
        check(i);
        try {
            return Numbers.parseDouble(line, splitter.start(i), splitter.end(i));
        } catch (NumberFormatException e) {
            throw badField(i, name, e.getMessage());
        }
    }

    /** Field {@code i} as a finite decimal number that must not be negative. */
    public double nonNegativeDoubleAt(int i, String name) throws TraceFormatException {
        double value = doubleAt(i, name);
        if (value < 0) {
            throw badField(i, name, "must not be negative");
        }
        return value;
    }

    /**
     * Field {@code i}, a non-negative whole number of seconds, as microseconds.
     */
    public long secondsAsMicrosAt(int i, String name) throws TraceFormatException {
        long seconds = nonNegativeLongAt(i, name);
        if (seconds > Long.MAX_VALUE / 1_000_000L) {
            throw badField(i, name, "too many seconds to count in microseconds");
        }
        return seconds * 1_000_000L;
    }

    /**
     * Field {@code i}, a calendar timestamp {@code yyyy-MM-dd HH:mm:ss[.fraction]} read as UTC, as
     * microseconds since the Unix epoch.
     */
    public long epochMicrosAt(int i, String name) throws TraceFormatException {
        check(i);
        try {
            return DateTimes.epochMicros(line, splitter.start(i), splitter.end(i));
        } catch (NumberFormatException e) {
            throw badField(i, name, e.getMessage());
        }
    }

    /** An error about field {@code i} of the current line, positioned at its first character. */
    public TraceFormatException error(int i, String reason) {
        split();
        long column = i < fields ? splitter.start(i) + 1 : lineLength + 1;
        return new TraceFormatException(lines.file(), lines.number(), column, reason);
    }

    /** An error about the current line as a whole, positioned at its first column. */
    public TraceFormatException error(String reason) {
        return new TraceFormatException(lines.file(), lines.number(), 1, reason);
    }

    /** An error saying field {@code i}, called {@code name}, has a bad value. */
    public TraceFormatException badField(int i, String name, String problem) {
        String value;
        try {
            value = text(i);
        } catch (TraceFormatException e) {
            value = "";
        }
        return error(i, "field \"" + name + "\" is " + TraceFormatException.quoteIf(line() > 1, value) + ": "
                + problem);
    }

    private void check(int i) throws TraceFormatException {
        split();
        if (i < 0 || i >= fields) {
            throw new TraceFormatException(lines.file(), lines.number(), lineLength + 1,
                    "missing field " + (i + 1) + ": the line has " + fields + " (truncated line?)");
        }
    }

    private void split() {
        if (fields < 0) {
            fields = splitter.split(line, lineLength);
        }
    }

    private static boolean isBlank(char c) {
        return FieldSplitter.isBlank(c);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
