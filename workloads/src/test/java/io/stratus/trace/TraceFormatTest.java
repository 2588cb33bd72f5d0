package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TraceFormatTest {

    @Test
    void everyFormatHasADistinctLowerHyphenName() {
        assertThat(Arrays.stream(TraceFormat.values()).map(TraceFormat::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"))
                .containsExactly("swf", "planetlab", "azure-vmtable", "azure-cpu", "google-task-events",
                        "bitbrains", "alibaba-gpu-nodes", "alibaba-gpu-pods", "request-rate",
                        "request-rate-csv", "azure-llm", "azure-functions", "azure-functions-durations");
        for (TraceFormat f : TraceFormat.values()) {
            assertThat(TraceFormat.named(f.id())).isSameAs(f);
            assertThat(TraceFormat.named(f.name())).isSameAs(f);
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> TraceFormat.named("csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown trace format \"csv\"")
                .hasMessageContaining("request-rate-csv");
    }

    @Test
    void specsSplitAtTheFirstColon() {
        TraceSpec spec = TraceSpec.parse("planetlab:dir/name with space:and colon");
        assertThat(spec.format()).isEqualTo(TraceFormat.PLANETLAB);
        assertThat(spec.path()).isEqualTo(Path.of("dir/name with space:and colon"));
        assertThat(spec).hasToString("planetlab:dir/name with space:and colon");
        assertThatThrownBy(() -> TraceSpec.parse("nasa.txt")).hasMessageContaining("expected format:path");
        assertThatThrownBy(() -> TraceSpec.parse("swf:")).hasMessageContaining("expected format:path");
    }

    @Test
    void aTypedOpenChecksTheRecordType() {
        Path file = TraceReaderContract.resource("swf/CTC-SP2-1996-3.1-cln_excerpt.swf");
        assertThatThrownBy(() -> TraceFormat.SWF.open(file, RequestCount.class))
                .hasMessageContaining("format swf yields SwfJob, not RequestCount");
    }

    @Test
    void traceStatsSummarisesATrace() {
        Path file = TraceReaderContract.resource("worldcup98/worldcup98_requests_per_minute_gap_1998-05-08.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TraceStats.run(new String[] {"request-rate-csv:" + file},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("records:  8")
                .contains("requests: 2588")
                .contains("duration: 540 s")
                .contains("skipped:  1 periods absent from the file, taken as zero requests");
    }

    @Test
    void traceStatsExitsTwoOnBadInput() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path swf = TraceReaderContract.resource("swf/CTC-SP2-1996-3.1-cln_excerpt.swf");
        assertThat(TraceStats.run(new String[] {"request-rate:" + swf}, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(swf + ":1:1: ");
        assertThat(TraceStats.run(new String[] {"nope:x"}, out, errStream)).isEqualTo(2);
        assertThat(TraceStats.run(new String[] {}, out, errStream)).isEqualTo(2);
    }
}
