package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The skeleton of a reader of a line-per-record text format: moves a {@link LineCursor} from data
 * line to data line (passing over blank lines, comment lines and an optional header) and asks the
 * subclass to turn each into a record.
 *
 * <p>A header, when the format has one, is recognised by its first column name on the first data
 * line (case ignored); every column name is then checked, so a file of another format fails at
 * line 1 instead of being misread. A file without the header is read as data from line 1.
 *
 * @param <R> the record type
 */
abstract class LineTraceReader<R> extends TraceReader<R> {

    /** The cursor over the file, positioned on the line being parsed. */
    protected final LineCursor cursor;
    private final char comment;
    private final String[] header;
    private boolean started;

    /**
     * @param cursor  the cursor over {@code file}
     * @param comment the first character of comment lines, or {@code '\0'} if the format has none
     * @param header  the expected column names, empty if the format has no header
     */
    protected LineTraceReader(Path file, LineCursor cursor, char comment, String... header) {
        super(file);
        this.cursor = cursor;
        this.comment = comment;
        this.header = header.clone();
    }

    @Override
    public final R next() throws IOException {
        while (nextDataLine(cursor, comment)) {
            if (!started) {
                started = true;
                if (header.length > 0 && isHeader()) {
                    checkHeader();
                    continue;
                }
            }
            R record = parse();
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    /**
     * The record on the cursor's current line, or {@code null} when the line yields none (a
     * counted skip, or a line that only carries format information).
     */
    protected abstract R parse() throws IOException;

    private boolean isHeader() throws TraceFormatException {
        return cursor.text(0).equalsIgnoreCase(header[0]);
    }

    private void checkHeader() throws TraceFormatException {
        cursor.requireFields(header.length);
        for (int i = 0; i < header.length; i++) {
            if (!cursor.text(i).equalsIgnoreCase(header[i])) {
                throw cursor.error(i, "header column " + (i + 1) + " is " + TraceFormatException.quoteIf(i > 0, cursor.text(i))
                        + ", expected \"" + header[i] + "\"");
            }
        }
    }

    @Override
    public long line() {
        return cursor.line();
    }

    @Override
    public void close() throws IOException {
        cursor.close();
    }
}
