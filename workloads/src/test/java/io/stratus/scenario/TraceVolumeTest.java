package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.trace.RequestCount;
import io.stratus.trace.RequestRateCsvReader;
import io.stratus.trace.TraceFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The volume limits on a replayed request-rate trace, bin by bin, with the file and line. */
class TraceVolumeTest {

    @Test
    void aBinAboveTheRateLimitIsRefusedAtItsLineAndOneJustAtTheLimitPasses(@TempDir Path dir) throws IOException {
        long atLimit = (long) ScenarioLimits.MAX_RATE_PER_SECOND * 60; // one-minute bins
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "period,count\n0," + atLimit + "\n60," + (atLimit + 1) + "\n");
        try (RequestRateCsvReader reader = new RequestRateCsvReader(trace)) {
            TraceVolume volume = new TraceVolume(reader, 1, 1);
            assertThat(volume.check(reader.next()).count()).isEqualTo(atLimit);
            assertThatThrownBy(() -> volume.check(reader.next())).isInstanceOf(TraceFormatException.class)
                    .hasMessageStartingWith(trace + ":3:1: a count of " + (atLimit + 1) + " requests in 1m");
        }
    }

    @Test
    void theMultiplierAndSpeedupCountInTheRate(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "0,6000000\n"); // 100,000/s as recorded
        try (RequestRateCsvReader reader = new RequestRateCsvReader(trace)) {
            assertThat(new TraceVolume(reader, 10, 10).check(reader.next())).isNotNull(); // 10,000,000/s
        }
        try (RequestRateCsvReader reader = new RequestRateCsvReader(trace)) {
            assertThatThrownBy(() -> new TraceVolume(reader, 10, 10.01).check(reader.next()))
                    .hasMessageContaining(":1:1: ").hasMessageContaining("speedup 10.01");
        }
    }

    @Test
    void theTotalIsRefusedAtTheLineThatCrossesTheRunsLimit(@TempDir Path dir) throws IOException {
        long perBin = (long) ScenarioLimits.MAX_RATE_PER_SECOND * 60;
        long bins = (long) Math.ceil(ScenarioLimits.MAX_EXPECTED_REQUESTS / perBin); // the bin crossing it
        StringBuilder text = new StringBuilder();
        for (long i = 0; i < bins; i++) {
            text.append(i * 60).append(',').append(perBin).append('\n');
        }
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, text);
        try (RequestRateCsvReader reader = new RequestRateCsvReader(trace)) {
            TraceVolume volume = new TraceVolume(reader, 1, 1);
            for (long i = 1; i < bins; i++) {
                assertThat(volume.check(reader.next())).isNotNull();
            }
            assertThatThrownBy(() -> volume.check(reader.next()))
                    .hasMessageStartingWith(trace + ":" + bins + ":1: the trace has replayed");
        }
        assertThat(new TraceVolume(null, 1, 1).check(null)).isNull();
    }
}
