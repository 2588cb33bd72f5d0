package io.stratus.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the records of one trace file, one at a time, in file order: never the whole file in
 * memory. One subclass per format; {@link TraceFormat} names them.
 *
 * <p>Input that does not follow the format fails with a {@link TraceFormatException} naming the
 * file, line and column. The only exceptions are the skips a format documents (such as an SWF
 * job whose run time is {@code -1}, "unknown"): those records are left out and counted by
 * reason in {@link #skips()}, so a replay can report how much of the trace it did not use.
 *
 * @param <R> the record type
 */
public abstract class TraceReader<R> implements RecordSource<R>, Closeable {

    private final Path file;
    private final Map<String, Long> skips = new LinkedHashMap<>();

    protected TraceReader(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The trace file (or directory, for formats with one file per VM). */
    public final Path file() {
        return file;
    }

    /**
     * The 1-based line of the record last returned, for messages about its values; 0 when the
     * format does not track lines.
     */
    public long line() {
        return 0;
    }

    /** The next record in file order, or {@code null} at the end of the trace. */
    @Override
    public abstract R next() throws IOException;

    /** The records (or lines) left out so far, counted by the documented reason. */
    public final Map<String, Long> skips() {
        return Collections.unmodifiableMap(skips);
    }

    /** The number of records (or lines) left out so far, all reasons together. */
    public final long skipped() {
        long total = 0;
        for (long n : skips.values()) {
            total += n;
        }
        return total;
    }

    /** Counts one record left out for {@code reason}. */
    protected final void skip(String reason) {
        skip(reason, 1);
    }

    /** Counts {@code count} records (or periods) left out for {@code reason}. */
    protected final void skip(String reason, long count) {
        skips.merge(reason, count, Long::sum);
    }

    /**
     * Moves the cursor to the next line holding data, passing over blank lines (counted as a
     * skip) and, when {@code comment} is not {@code '\0'}, lines starting with it.
     *
     * @return false at the end of the file
     */
    protected final boolean nextDataLine(LineCursor cursor, char comment) throws IOException {
        while (cursor.next()) {
            if (cursor.isBlank()) {
                skip("blank lines");
            } else if (comment == '\0' || !cursor.startsWith(comment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The remaining records as a sequential stream; an {@link IOException} (a
     * {@link TraceFormatException} included) surfaces as an {@link UncheckedIOException}. Closing
     * the stream closes the reader.
     */
    public final Stream<R> stream() {
        Spliterator<R> records = new Spliterators.AbstractSpliterator<>(
                Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super R> action) {
                R record;
                try {
                    record = next();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (record == null) {
                    return false;
                }
                action.accept(record);
                return true;
            }
        };
        return StreamSupport.stream(records, false).onClose(() -> {
            try {
                close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
