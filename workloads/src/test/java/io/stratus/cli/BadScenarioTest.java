package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code bad-scenarios/} must be refused by {@code run} and {@code validate} with
 * exit code 2, a message naming the file, a line and the expected text (given on the file's first
 * line as {@code # expect: ...}), no stack trace, and nothing written.
 */
class BadScenarioTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad-scenarios");
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\tat |\\.java:\\d+");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastThirtyFiles() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithPositionAndMessage(Path file, @TempDir Path out) throws IOException {
        String expect = Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replaceFirst("^# expect: ", "");
        StratusCliTest.Result validate = StratusCliTest.execute("validate", file.toString());
        assertRefused(file, expect, validate);
        Path folder = out.resolve("run");
        StratusCliTest.Result run = StratusCliTest.execute("run", file.toString(), "--out", folder.toString());
        assertRefused(file, expect, run);
        assertThat(folder).doesNotExist();
    }

    private static void assertRefused(Path file, String expect, StratusCliTest.Result r) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(expect);
        assertThat(r.err()).containsPattern(Pattern.quote(file.toString()) + ":\\d+");
        assertThat(r.err()).doesNotContainPattern(STACK_TRACE);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void binaryFileIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("binary.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'x', '\n', 0, 1, 2, (byte) 0x89, 'P', 'N', 'G'});
        StratusCliTest.Result r = StratusCliTest.execute("validate", file.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ":2").contains("binary file").doesNotContainPattern(STACK_TRACE);
    }

    @Test
    void invalidUtf8IsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        StratusCliTest.Result r = StratusCliTest.execute("validate", file.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ":1").contains("UTF-8");
    }

    @Test
    void tenMegabyteFileIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var outStream = Files.newOutputStream(file)) {
            for (int written = 0; written < 10 * 1024 * 1024; written += line.length) {
                outStream.write(line);
            }
        }
        StratusCliTest.Result r = StratusCliTest.execute("run", file.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file.toString()).contains("at most 1048576 bytes");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void missingFileAndFolderAreRefused(@TempDir Path dir) {
        for (Path p : List.of(dir.resolve("absent.yaml"), dir)) {
            StratusCliTest.Result r = StratusCliTest.execute("validate", p.toString());
            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(p.toString()).doesNotContainPattern(STACK_TRACE);
        }
    }
}
