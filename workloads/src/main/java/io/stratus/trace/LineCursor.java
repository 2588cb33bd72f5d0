package io.stratus.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

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
 * parsed in place; only {@link #text} and decimal fields make a string.
 *
 * <p>Not thread-safe.
 */
public final class LineCursor implements Closeable {

    /** Longest line accepted, in characters: a guard against reading a binary or one-line file. */
    public static final int MAX_LINE = 1 << 24;

    private static final char BLANKS = '\0';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int bufferPos;
    private int bufferEnd;
    private boolean endOfInput;
    private char[] line = new char[512];
    private int lineLength;
    private long lineNumber;
    private int[] fieldStart = new int[32];
    private int[] fieldEnd = new int[32];
    private int fields = -1; // -1: the current line is not split yet

    private LineCursor(Path file, Reader in, char delimiter) {
        this.file = Objects.requireNonNull(file, "file");
        this.in = Objects.requireNonNull(in, "in");
        this.delimiter = delimiter;
    }

    /** A cursor over {@code file} whose fields are separated by {@code delimiter}. */
    public static LineCursor delimited(Path file, char delimiter) throws IOException {
        if (delimiter == BLANKS || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("bad delimiter");
        }
        return new LineCursor(file, TraceFiles.open(file), delimiter);
    }

    /** A cursor over {@code file} whose fields are separated by runs of spaces and tabs. */
    public static LineCursor blankSeparated(Path file) throws IOException {
        return new LineCursor(file, TraceFiles.open(file), BLANKS);
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The 1-based number of the current line (0 before the first). */
    public long line() {
        return lineNumber;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the file
     */
    public boolean next() throws IOException {
        lineLength = 0;
        fields = -1;
        boolean any = false;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int start = bufferPos;
            while (bufferPos < bufferEnd && buffer[bufferPos] != '\n') {
                bufferPos++;
            }
            append(start, bufferPos - start);
            if (bufferPos < bufferEnd) {
                bufferPos++; // the newline
                break;
            }
        }
        lineNumber++;
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        if (lineNumber == 1 && lineLength > 0 && line[0] == BYTE_ORDER_MARK) {
            System.arraycopy(line, 1, line, 0, --lineLength);
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            endOfInput = true;
            return false;
        }
        bufferPos = 0;
        bufferEnd = n;
        return true;
    }

    private void append(int from, int length) throws TraceFormatException {
        int needed = lineLength + length;
        if (needed > MAX_LINE) {
            throw new TraceFormatException(file, lineNumber + 1, 1,
                    "line longer than " + MAX_LINE + " characters: not a line-oriented text file of this format");
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength = needed;
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
            throw new TraceFormatException(file, lineNumber, lineLength + 1,
                    "expected " + fields(expected) + ", found " + fields + " (truncated line?)");
        }
        if (fields > expected) {
            throw new TraceFormatException(file, lineNumber, fieldStart[expected] + 1,
                    "expected " + fields(expected) + ", found " + fields);
        }
    }

    private static String fields(int n) {
        return n == 1 ? "1 field" : n + " fields";
    }

    /** Whether field {@code i} (0-based) is empty. */
    public boolean isEmpty(int i) throws TraceFormatException {
        check(i);
        return fieldStart[i] == fieldEnd[i];
    }

    /** Field {@code i} (0-based) as text. */
    public String text(int i) throws TraceFormatException {
        check(i);
        return new String(line, fieldStart[i], fieldEnd[i] - fieldStart[i]);
    }

    /** Whether field {@code i} (0-based) is exactly {@code expected}. */
    public boolean fieldEquals(int i, String expected) throws TraceFormatException {
        check(i);
        int length = fieldEnd[i] - fieldStart[i];
        if (length != expected.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (line[fieldStart[i] + k] != expected.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first character of field {@code i}, or {@code '\0'} if it is empty. */
    public char firstChar(int i) throws TraceFormatException {
        check(i);
        return fieldStart[i] == fieldEnd[i] ? '\0' : line[fieldStart[i]];
    }

    /** Field {@code i} as a decimal integer; {@code name} is used in the error message. */
    public long longAt(int i, String name) throws TraceFormatException {
        check(i);
        try {
            return Numbers.parseLong(line, fieldStart[i], fieldEnd[i]);
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
            return Numbers.parseDouble(line, fieldStart[i], fieldEnd[i]);
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
            return DateTimes.epochMicros(line, fieldStart[i], fieldEnd[i]);
        } catch (NumberFormatException e) {
            throw badField(i, name, e.getMessage());
        }
    }

    /** An error about field {@code i} of the current line, positioned at its first character. */
    public TraceFormatException error(int i, String reason) {
        split();
        long column = i < fields ? fieldStart[i] + 1 : lineLength + 1;
        return new TraceFormatException(file, lineNumber, column, reason);
    }

    /** An error about the current line as a whole, positioned at its first column. */
    public TraceFormatException error(String reason) {
        return new TraceFormatException(file, lineNumber, 1, reason);
    }

    /** An error saying field {@code i}, called {@code name}, has a bad value. */
    public TraceFormatException badField(int i, String name, String problem) {
        String value;
        try {
            value = text(i);
        } catch (TraceFormatException e) {
            value = "";
        }
        return error(i, "field \"" + name + "\" is " + TraceFormatException.quote(value) + ": " + problem);
    }

    private void check(int i) throws TraceFormatException {
        split();
        if (i < 0 || i >= fields) {
            throw new TraceFormatException(file, lineNumber, lineLength + 1,
                    "missing field " + (i + 1) + ": the line has " + fields + " (truncated line?)");
        }
    }

    private void split() {
        if (fields >= 0) {
            return;
        }
        fields = 0;
        if (delimiter == BLANKS) {
            int i = 0;
            while (true) {
                while (i < lineLength && isBlank(line[i])) {
                    i++;
                }
                if (i == lineLength) {
                    break;
                }
                int start = i;
                while (i < lineLength && !isBlank(line[i])) {
                    i++;
                }
                addField(start, i);
            }
        } else {
            int start = 0;
            for (int i = 0; i <= lineLength; i++) {
                if (i == lineLength || line[i] == delimiter) {
                    addTrimmedField(start, i);
                    start = i + 1;
                }
            }
        }
    }

    private void addTrimmedField(int start, int end) {
        while (start < end && isBlank(line[start])) {
            start++;
        }
        while (end > start && isBlank(line[end - 1])) {
            end--;
        }
        addField(start, end);
    }

    private void addField(int start, int end) {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
        fieldStart[fields] = start;
        fieldEnd[fields] = end;
        fields++;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
