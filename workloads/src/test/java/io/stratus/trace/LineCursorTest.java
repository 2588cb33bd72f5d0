package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineCursorTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("f.csv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void delimitedFieldsAreTrimmedAndKeepTheirColumns() throws IOException {
        try (LineCursor c = LineCursor.delimited(write("a, 12 ,,\tx\n"), ',')) {
            assertThat(c.next()).isTrue();
            assertThat(c.fieldCount()).isEqualTo(4);
            assertThat(c.text(0)).isEqualTo("a");
            assertThat(c.longAt(1, "n")).isEqualTo(12);
            assertThat(c.isEmpty(2)).isTrue();
            assertThat(c.text(3)).isEqualTo("x");
            assertThat(c.error(1, "r").column()).isEqualTo(4);
            assertThat(c.error(3, "r").column()).isEqualTo(10);
            assertThat(c.next()).isFalse();
        }
    }

    @Test
    void blankSeparatedFieldsSkipRuns() throws IOException {
        try (LineCursor c = LineCursor.blankSeparated(write("   1  22\t333 \n"))) {
            assertThat(c.next()).isTrue();
            assertThat(c.fieldCount()).isEqualTo(3);
            assertThat(c.longAt(2, "n")).isEqualTo(333);
            assertThat(c.error(2, "r").column()).isEqualTo(10);
        }
    }

    @Test
    void longLinesGrowTheBufferAndByteOrderMarksAreDropped() throws IOException {
        String longField = "7".repeat(100_000);
        try (LineCursor c = LineCursor.delimited(write("\uFEFFh1,h2\r\n" + longField + ",x"), ',')) {
            assertThat(c.next()).isTrue();
            assertThat(c.text(0)).isEqualTo("h1");
            assertThat(c.text(1)).isEqualTo("h2");
            assertThat(c.next()).isTrue();
            assertThat(c.line()).isEqualTo(2);
            assertThat(c.text(0)).hasSize(100_000);
            assertThat(c.error(1, "r").column()).isEqualTo(100_002);
        }
    }

    @Test
    void aMissingFieldIsReportedPastTheEndOfTheLine() throws IOException {
        try (LineCursor c = LineCursor.delimited(write("1,2\n"), ',')) {
            c.next();
            assertThatThrownBy(() -> c.longAt(2, "third"))
                    .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(1);
                        assertThat(e.column()).isEqualTo(4);
                        assertThat(e.reason()).contains("missing field 3");
                    });
        }
    }

    @Test
    void malformedUtf8IsAnErrorNotAReplacement() throws IOException {
        Path file = Files.write(dir.resolve("bad.csv"), new byte[] {'1', ',', (byte) 0xC3, '\n'});
        try (LineCursor c = LineCursor.delimited(file, ',')) {
            assertThatThrownBy(c::next).hasCauseInstanceOf(java.nio.charset.MalformedInputException.class)
                    .hasMessage(file + ": is not UTF-8 text (is it a binary file?)");
        }
    }

    @Test
    void secondsThatOverflowMicrosecondsAreRefused() throws IOException {
        try (LineCursor c = LineCursor.delimited(write("9223372036854775\n"), ',')) {
            c.next();
            assertThatThrownBy(() -> c.secondsAsMicrosAt(0, "t"))
                    .isInstanceOf(TraceFormatException.class)
                    .hasMessageContaining("too many seconds");
        }
    }

    @Test
    void aLongBadValueIsQuotedShortenedWithItsLength() {
        assertThat(TraceFormatException.quote("abc")).isEqualTo("\"abc\"");
        String line = "x".repeat(6131);
        assertThat(TraceFormatException.quote(line)).isEqualTo("\"" + "x".repeat(60) + "...\" (6131 characters)");
    }
}
