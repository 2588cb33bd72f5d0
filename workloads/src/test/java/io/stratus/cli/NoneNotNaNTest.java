package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cli.StratusCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a service that completes nothing reports its latencies as none ({@code -} in the
 * tables, {@code null} in JSON, an empty cell in CSV), never {@code NaN} nor 0; and no output
 * shows a negative zero.
 */
class NoneNotNaNTest {

    @Test
    void zeroCompletionsAreNoneInEveryOutputAndNothingIsNegativeZero(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("idle.yaml");
        // the instances boot for an hour: in ten minutes every request is refused, none completes
        Files.writeString(scenario, Files.readString(OverloadTest.BUSY.resolve("one-instance-100k.yaml"))
                .replace("100000/s", "5/s").replace("duration: 1h", "duration: 10m")
                .replace("launch: { type: m5.large }", "launch: { type: m5.large, ami: { boot: 1h } }"));
        Path out = dir.resolve("out");
        Result r = StratusCliTest.execute("run", scenario.toString(), "--no-charts", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(json).contains("\"completed\" : 0").contains("\"p99\" : null").contains("\"max\" : null")
                .contains("\"p50\" : null");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).containsPattern("\\| web \\| 1 x m5.large \\| [\\d,]+ \\| [\\d,]+ \\| 0 \\| - \\| - \\| - \\| - \\|");
        assertThat(r.out()).containsPattern("web +1 x m5.large +[\\d,]+ +[\\d,]+ +- +- +- ");
        String csv = Files.readString(out.resolve("metrics.csv"));
        for (String text : new String[] {json, md, csv, r.out()}) {
            assertThat(text).doesNotContain("NaN").doesNotContainPattern("(?<![\\w.])-0(\\.0+)?(?![\\d.])");
        }
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",0,,,,"); // completed 0, no latencies
    }
}
