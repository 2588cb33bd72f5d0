package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwfReaderTest extends TraceReaderContract<SwfJob> {

    private static final String JOB_1 = "    1        0 588530    937  306 142.00    -1   -1  35100    -1  1  97  -1 307  3 -1 -1 -1";
    private static final String JOB_2 = "    2   164472 356587     75   17   2.00    -1   -1    300    -1  1  81  -1 195  3 -1 -1 -1";

    @Override
    TraceFormat format() {
        return TraceFormat.SWF;
    }

    @Override
    String fileName() {
        return "log.swf";
    }

    @Override
    String header() {
        return "; Version: 2.2\n;   Computer: test\n";
    }

    @Override
    List<String> lines() {
        return List.of(JOB_1, JOB_2);
    }

    @Override
    List<SwfJob> records() {
        return List.of(
                new SwfJob(1, 0, Time.seconds(588530), Time.seconds(937), 306, 142.0, -1, -1,
                        Time.seconds(35100), -1, 1, 97, -1, 307, 3, -1, -1, -1),
                new SwfJob(2, Time.seconds(164472), Time.seconds(356587), Time.seconds(75), 17, 2.0, -1, -1,
                        Time.seconds(300), -1, 1, 81, -1, 195, 3, -1, -1, -1));
    }

    @Override
    List<BadLine> badLines() {
        String truncated = "3 197154 459987 35268 306 32792 -1 -1 35100 -1 0 97 -1 307 3 -1 -1";
        String tooLong = "3 197154 459987 35268 306 32792 -1 -1 35100 -1 0 97 -1 307 3 -1 -1 -1 7";
        String notNumber = "3 1971x4 459987 35268 306 32792 -1 -1 35100 -1 0 97 -1 307 3 -1 -1 -1";
        String negative = "3 197154 459987 -35 306 32792 -1 -1 35100 -1 0 97 -1 307 3 -1 -1 -1";
        return List.of(
                new BadLine(truncated, pastEnd(truncated), "expected 18 fields, found 17"),
                new BadLine(tooLong, blankColumn(tooLong, 18), "expected 18 fields, found 19"),
                new BadLine(notNumber, 3, "field \"submit time\" is \"1971x4\": not an integer"),
                new BadLine(negative, blankColumn(negative, 3), "must be -1 (unknown) or not negative"));
    }

    @Test
    void submitTimesMustNotGoBack() throws IOException {
        String earlier = "3 100 0 10 1 -1 -1 -1 -1 -1 1 1 1 1 1 -1 -1 -1";
        Path file = write(fileName(), JOB_2 + "\n" + earlier + "\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.reason()).contains("must be sorted by time");
                });
    }

    @Test
    void jobsWithUnknownEssentialsAreSkippedAndCounted() throws IOException {
        Path file = write(fileName(), String.join("\n",
                "1 0 -1 10 4 -1 -1 -1 -1 -1 1 1 1 1 1 -1 -1 -1",
                "2 5 -1 -1 4 -1 -1 -1 -1 -1 5 1 1 1 1 -1 -1 -1",    // cancelled, run time unknown
                "3 6 -1 20 -1 -1 -1 -1 -1 -1 1 1 1 1 1 -1 -1 -1",   // no processor count
                "4 -1 -1 20 2 -1 -1 -1 -1 -1 1 1 1 1 1 -1 -1 -1",   // submit unknown
                "5 7 -1 30 -1 -1 -1 8 -1 -1 1 1 1 1 1 -1 -1 -1"));  // requested processors only
        try (SwfReader reader = new SwfReader(file)) {
            assertThat(reader.next().jobNumber()).isEqualTo(1);
            SwfJob requestedOnly = reader.next();
            assertThat(requestedOnly.jobNumber()).isEqualTo(5);
            assertThat(requestedOnly.vcpus()).isEqualTo(8);
            assertThat(reader.next()).isNull();
            assertThat(reader.skips()).containsOnly(
                    org.assertj.core.api.Assertions.entry("run time unknown (-1)", 1L),
                    org.assertj.core.api.Assertions.entry("processor count unknown (-1) or zero", 1L),
                    org.assertj.core.api.Assertions.entry("submit time unknown (-1)", 1L));
            assertThat(reader.skipped()).isEqualTo(3);
        }
    }

    @Test
    void realCtcExcerptJobFourByHand() throws IOException {
        // line 5 of the file:
        // "4   310448  50431  29493   64  28745    -1   -1  64800    -1  1  38  -1  38  1 -1 -1 -1"
        List<SwfJob> jobs = readAll(resource("swf/CTC-SP2-1996-3.1-cln_excerpt.swf"));
        assertThat(jobs).hasSize(5);
        SwfJob job = jobs.get(3);
        assertThat(job).isEqualTo(new SwfJob(4, Time.seconds(310448), Time.seconds(50431), Time.seconds(29493),
                64, 28745.0, -1, -1, Time.seconds(64800), -1, 1, 38, -1, 38, 1, -1, -1, -1));
        assertThat(job.time()).isEqualTo(310_448_000_000L);
        assertThat(job.lifetime()).isEqualTo(29_493_000_000L);
        assertThat(job.vcpus()).isEqualTo(64);
        assertThat(job.memoryMib()).isNaN();
    }
}
