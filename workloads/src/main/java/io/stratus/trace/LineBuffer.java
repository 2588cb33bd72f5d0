package io.stratus.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The line reading under {@link LineCursor}: reads a text file one line at a time into one
 * reusable character array, counting lines. Lines end at {@code \n}; a trailing {@code \r} and a
 * leading byte-order mark are dropped; the last line need not end with a newline; a line longer
 * than {@link LineCursor#MAX_LINE} is an error. Allocates nothing per line once the array is big
 * enough. Not thread-safe.
 */
final class LineBuffer implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int bufferPos;
    private int bufferEnd;
    private boolean endOfInput;
    private char[] line = new char[512];
    private int lineLength;
    private long lineNumber;

    LineBuffer(Path file, Reader in) {
        this.file = Objects.requireNonNull(file, "file");
        this.in = Objects.requireNonNull(in, "in");
    }

    Path file() {
        return file;
    }

    /** The current line's characters, valid up to {@link #length()} until the next call of {@link #next()}. */
    char[] chars() {
        return line;
    }

    /** The current line's length. */
    int length() {
        return lineLength;
    }

    /** The 1-based number of the current line (0 before the first). */
    long number() {
        return lineNumber;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        lineLength = 0;
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
        if (needed > LineCursor.MAX_LINE) {
            throw new TraceFormatException(file, lineNumber + 1, 1, "line longer than " + LineCursor.MAX_LINE
                    + " characters: not a line-oriented text file of this format");
        }
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, line.length * 2));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength = needed;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
