package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every trace reader keeps, as a test kit each format's test extends (after
 * OpenDC's TableReaderTestKit): empty file, header only, one record, records in file order, the
 * last line without a newline, CRLF line ends, gzip, the stream view, and bad lines failing with
 * their file, line and column.
 *
 * @param <R> the record type
 */
abstract class TraceReaderContract<R> {

    @TempDir
    Path dir;

    /** The format under test (readers are opened through it, so the registry is tested too). */
    abstract TraceFormat format();

    /** The file name to write fixtures under. */
    String fileName() {
        return "trace.txt";
    }

    /** The header lines, each ending in a newline; empty if the format has none. */
    abstract String header();

    /** Two or more valid data lines, without newlines. */
    abstract List<String> lines();

    /** The records of {@link #lines()}, in order. */
    abstract List<R> records();

    /** Data lines that are wrong, each with the column the error must name. */
    abstract List<BadLine> badLines();

    /** A bad data line, the column its error names, and a fragment of the message. */
    record BadLine(String line, long column, String messagePart) {
    }

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    List<R> readAll(Path file) throws IOException {
        List<R> out = new ArrayList<>();
        try (TraceReader<?> reader = format().open(file)) {
            for (Object r = reader.next(); r != null; r = reader.next()) {
                @SuppressWarnings("unchecked")
                R record = (R) r;
                out.add(record);
            }
            assertThat(reader.next()).as("the end stays the end").isNull();
        }
        return out;
    }

    private String content(List<String> data, String newline) {
        return header().replace("\n", newline) + data.stream().map(l -> l + newline).collect(Collectors.joining());
    }

    @Test
    void emptyFileHasNoRecords() throws IOException {
        Path file = write(fileName(), "");
        try (TraceReader<?> reader = format().open(file)) {
            assertThat(reader.next()).isNull();
            assertThat(reader.skipped()).isZero();
        }
    }

    @Test
    void headerOnlyHasNoRecords() throws IOException {
        assumeTrue(!header().isEmpty(), "the format has no header");
        assertThat(readAll(write(fileName(), header()))).isEmpty();
    }

    @Test
    void oneRecord() throws IOException {
        assertThat(readAll(write(fileName(), content(lines().subList(0, 1), "\n"))))
                .containsExactly(records().get(0));
    }

    @Test
    void recordsComeInFileOrder() throws IOException {
        assertThat(readAll(write(fileName(), content(lines(), "\n"))))
                .containsExactlyElementsOf(records());
    }

    @Test
    void lastLineNeedsNoNewline() throws IOException {
        String text = content(lines(), "\n");
        assertThat(readAll(write(fileName(), text.substring(0, text.length() - 1))))
                .containsExactlyElementsOf(records());
    }

    @Test
    void crlfLineEndsReadTheSame() throws IOException {
        assertThat(readAll(write(fileName(), content(lines(), "\r\n"))))
                .containsExactlyElementsOf(records());
    }

    @Test
    void gzipIsReadTransparently() throws IOException {
        Path file = dir.resolve(fileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content(lines(), "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(readAll(file)).containsExactlyElementsOf(records());
    }

    @Test
    void streamViewGivesTheSameRecords() throws IOException {
        Path file = write(fileName(), content(lines(), "\n"));
        try (Stream<?> records = format().open(file).stream()) {
            List<Object> streamed = records.collect(Collectors.toList());
            assertThat(streamed).containsExactlyElementsOf(records());
        }
    }

    @Test
    void badLinesFailWithFileLineAndColumn() throws IOException {
        long headerLines = header().chars().filter(c -> c == '\n').count();
        for (BadLine bad : badLines()) {
            Path file = write(fileName(), content(List.of(lines().get(0), bad.line()), "\n"));
            assertThatThrownBy(() -> readAll(file))
                    .as("bad line %s", bad.line())
                    .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.line()).isEqualTo(headerLines + 2);
                        assertThat(e.column()).isEqualTo(bad.column());
                        assertThat(e.getMessage())
                                .startsWith(file + ":" + (headerLines + 2) + ":" + bad.column() + ": ")
                                .contains(bad.messagePart());
                    });
        }
    }

    @Test
    void badLineSurfacesThroughTheStreamView() throws IOException {
        Path file = write(fileName(), content(List.of(lines().get(0), badLines().get(0).line()), "\n"));
        try (Stream<?> records = format().open(file).stream()) {
            assertThatThrownBy(records::count)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(TraceFormatException.class);
        }
    }

    @Test
    void recordsAreOfTheRegisteredType() throws IOException {
        for (R record : readAll(write(fileName(), content(lines(), "\n")))) {
            assertThat(record).isInstanceOf(format().recordType());
        }
    }

    /** The 1-based column where field {@code field} (0-based) of a delimited line starts. */
    static long column(String line, char delimiter, int field) {
        int at = 0;
        for (int i = 0; i < field; i++) {
            at = line.indexOf(delimiter, at) + 1;
        }
        return at + 1;
    }

    /** The 1-based column where field {@code field} (0-based) of a blank-separated line starts. */
    static long blankColumn(String line, int field) {
        int at = 0;
        for (int i = 0; i <= field; i++) {
            while (line.charAt(at) == ' ') {
                at++;
            }
            if (i < field) {
                while (line.charAt(at) != ' ') {
                    at++;
                }
            }
        }
        return at + 1;
    }

    /** The column one past the end of {@code line}, where a missing field is reported. */
    static long pastEnd(String line) {
        return line.length() + 1;
    }

    /** A test resource under {@code traces/}. */
    static Path resource(String name) {
        try {
            return Path.of(TraceReaderContract.class.getResource("/traces/" + name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource traces/" + name, e);
        }
    }
}
