package io.stratus.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a text trace as a stream of blank-separated tokens, whatever the line structure: the
 * companion of {@link LineCursor} for files that put a whole series on one line (the NASA
 * request trace is five million counts on a single 10 MB line). Memory stays constant: one read
 * buffer and one short token buffer, whatever the length of a line.
 *
 * <p>Spaces, tabs, {@code \r} and {@code \n} separate tokens; a token is at most
 * {@link #MAX_TOKEN} characters. The line and column of the current token are tracked so errors
 * can say where they are.
 *
 * <p>Not thread-safe.
 */
public final class TokenCursor implements Closeable {

    /** Longest token accepted, in characters. */
    public static final int MAX_TOKEN = 64;

    private final Path file;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int bufferPos;
    private int bufferEnd;
    private boolean endOfInput;
    private final char[] token = new char[MAX_TOKEN];
    private int tokenLength;
    private long line = 1;
    private long column; // of the last character consumed
    private long tokenLine;
    private long tokenColumn;
    private long tokens;

    private TokenCursor(Path file, Reader in) {
        this.file = Objects.requireNonNull(file, "file");
        this.in = Objects.requireNonNull(in, "in");
    }

    /** A cursor over the tokens of {@code file}. */
    public static TokenCursor open(Path file) throws IOException {
        return new TokenCursor(file, TraceFiles.open(file));
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** The number of tokens read so far, the current one included. */
    public long tokens() {
        return tokens;
    }

    /**
     * Moves to the next token.
     *
     * @return false at the end of the file
     */
    public boolean next() throws IOException {
        tokenLength = 0;
        // skip separators
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                return false;
            }
            char c = buffer[bufferPos];
            if (!isSeparator(c)) {
                break;
            }
            consume(c);
        }
        tokenLine = line;
        tokenColumn = column + 1;
        while (true) {
            if (bufferPos == bufferEnd && !fill()) {
                break;
            }
            char c = buffer[bufferPos];
            if (isSeparator(c)) {
                break;
            }
            if (tokenLength == MAX_TOKEN) {
                throw error("token longer than " + MAX_TOKEN + " characters");
            }
            token[tokenLength++] = c;
            consume(c);
        }
        tokens++;
        return true;
    }

    private void consume(char c) {
        bufferPos++;
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
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

    /** The 1-based line of the current token. */
    public long line() {
        return tokenLine;
    }

    /** The 1-based column of the current token's first character. */
    public long column() {
        return tokenColumn;
    }

    /** The current token as text. */
    public String text() {
        return new String(token, 0, tokenLength);
    }

    /** The current token as a non-negative decimal integer; {@code name} is used in errors. */
    public long nonNegativeLong(String name) throws TraceFormatException {
        long value;
        try {
            value = Numbers.parseLong(token, 0, tokenLength);
        } catch (NumberFormatException e) {
            throw error("\"" + name + "\" is " + TraceFormatException.quoteIf(line > 1, text()) + ": " + e.getMessage());
        }
        if (value < 0) {
            throw error("\"" + name + "\" is " + TraceFormatException.quoteIf(line > 1, text()) + ": must not be negative");
        }
        return value;
    }

    /** An error positioned at the current token. */
    public TraceFormatException error(String reason) {
        return new TraceFormatException(file, tokenLine, tokenColumn, reason);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
