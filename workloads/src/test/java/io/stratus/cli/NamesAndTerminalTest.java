package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names are limited to a safe character set by the reader, and nothing a scenario holds reaches
 * the terminal as a control character.
 */
class NamesAndTerminalTest {

    @TempDir
    Path dir;

    private StratusCliTest.Result cleaned(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StratusCli.commandLine(out, err).execute(args);
        return new StratusCliTest.Result(exit, out.toString(), err.toString());
    }

    @Test
    void unsafeNamesAreRefusedWithTheirLine() throws Exception {
        String[][] cases = {
            {"services:\n  web:", "services:\n  \"web|x\":", ":9:", "services.web|x", "\"web|x\""},
            {"name: tiny", "name: \"=cmd()\"", ":1:", "name", "\"=cmd()\""},
            {"services:\n  web:", "services:\n  \"w\\e[31mred\":", ":9:", "services.", "\"w\\u001B[31mred\""},
            {"services:\n  web:", "services:\n  \"caf\u00e9 web\":", ":9:", "services.", "\"caf\\u00E9 web\""},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("names.yaml");
            Files.writeString(file, ScenarioLoaderTest.VALID_TEXT.replace(c[0], c[1]));
            StratusCliTest.Result r = cleaned("validate", file.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains(file + c[2]).contains(c[3]).contains("the name " + c[4])
                    .contains("names use letters, digits, '-', '_' and '.' only");
        }
    }

    @Test
    void safeNamesAreAccepted() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, ScenarioLoaderTest.VALID_TEXT.replace("services:\n  web:", "services:\n  Web-2_b.v1:"));
        StratusCliTest.Result r = cleaned("validate", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void controlCharactersNeverReachTheTerminal() throws Exception {
        Path file = dir.resolve("ansi.yaml");
        Files.writeString(file, ScenarioLoaderTest.VALID_TEXT + "placement: \"\\e[2J\\e]0;owned\\a\\u202Egnp.exe\\0x\\u0085\"\n");
        StratusCliTest.Result r = cleaned("validate", file.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("placement").contains("[2J").contains("gnp.exe");
        assertThat(r.err().chars().filter(TerminalTextChars::bad)).as(r.err()).isEmpty();
    }

    /** The characters a terminal must not be sent. */
    private static final class TerminalTextChars {
        static boolean bad(int c) {
            return c == 0x1B || c == 0x07 || c == 0 || c == 0x85 || c == 0x202E;
        }
    }
}
