package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A trace file that does not follow its format: a truncated line, a wrong number of fields, a
 * field that is not a number, a negative time, a time that goes backwards in a file that must be
 * sorted. The message reads {@code file:line:column: what is wrong}, so an editor can jump to it.
 *
 * <p>Lines and columns count from 1; the column is that of the first character of the offending
 * field (or one past the end of the line when a field is missing).
 */
public final class TraceFormatException extends IOException {

    private final Path file;
    private final long line;
    private final long column;
    private final String reason;

    /**
     * @param file   the trace file
     * @param line   1-based line number
     * @param column 1-based column number
     * @param reason what is wrong and, where it helps, what is allowed
     */
    public TraceFormatException(Path file, long line, long column, String reason) {
        super(Objects.requireNonNull(file, "file") + ":" + line + ":" + column + ": "
                + Objects.requireNonNull(reason, "reason"));
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * {@code value} in double quotes for a message, shortened when long (a whole line of a file
     * in another format can be thousands of characters): its first 60 characters, then how long
     * it is.
     */
    public static String quote(String value) {
        int max = 60;
        return value.length() <= max ? "\"" + value + "\""
                : "\"" + value.substring(0, max) + "...\" (" + value.length() + " characters)";
    }

    /**
     * {@code value} quoted ({@link #quote}) only when the file has shown it is a trace of the
     * expected format ({@code proven}: the offending line is not the first, or earlier fields of a
     * header matched); otherwise not shown, so that a file that is not a trace at all (a
     * {@code /etc/passwd}, a key file) never has its content printed.
     */
    public static String quoteIf(boolean proven, String value) {
        return proven ? quote(value) : "not what this format expects (its content is not shown: nothing before it "
                + "in the file reads as this format)";
    }

    /** The trace file. */
    public Path file() {
        return file;
    }

    /** The 1-based line number. */
    public long line() {
        return line;
    }

    /** The 1-based column number. */
    public long column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
