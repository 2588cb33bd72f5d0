package io.stratus.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Simulation;
import io.stratus.trace.AzureLlmReader;
import io.stratus.trace.LlmRequest;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimestampReplayTest {

    @Test
    void recordsReplayAtTheirExactInstantsFromTheFirst() {
        assertThat(Bins.drain(new TimestampReplay<>(Bins.times(1000, 1100, 1100, 1300), ReplayOptions.asRecorded())))
                .containsExactly(0L, 100L, 100L, 300L);
    }

    @Test
    void doublingSpreadsTheCopiesToTheNextRecord() {
        ReplayOptions twice = ReplayOptions.asRecorded().withRateMultiplier(2);
        assertThat(Bins.drain(new TimestampReplay<>(Bins.times(0, 100, 300), twice)))
                .containsExactly(0L, 50L, 100L, 200L, 300L, 300L);
    }

    @Test
    void halvingKeepsEveryOtherRecord() {
        ReplayOptions half = ReplayOptions.asRecorded().withRateMultiplier(0.5);
        assertThat(Bins.drain(new TimestampReplay<>(Bins.times(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), half)))
                .containsExactly(1L, 3L, 5L, 7L, 9L);
    }

    @Test
    void speedupAndStartMapTheTimeAxis() {
        ReplayOptions options = ReplayOptions.asRecorded().withSpeedup(4).startingAt(1_000_000);
        assertThat(Bins.drain(new TimestampReplay<>(Bins.times(500, 900, 4500), options)))
                .containsExactly(1_000_000L, 1_000_100L, 1_001_000L);
    }

    @Test
    void currentNamesTheRecordBehindTheArrival() {
        TimestampReplay<Bins.At> replay = new TimestampReplay<>(Bins.times(5, 9), ReplayOptions.asRecorded());
        assertThat(replay.current()).isNull();
        replay.nextArrival(0);
        assertThat(replay.current()).isEqualTo(new Bins.At(5));
        replay.nextArrival(0);
        assertThat(replay.current()).isEqualTo(new Bins.At(9));
        assertThat(replay.nextArrival(4)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void unsortedRecordsAreRefused() {
        TimestampReplay<Bins.At> replay = new TimestampReplay<>(Bins.times(5, 3), ReplayOptions.asRecorded());
        assertThatThrownBy(() -> replay.nextArrival(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("go back in time");
    }

    @Property(seed = "42", tries = 100)
    void anIntegerMultiplierGivesThatManyArrivalsPerRecord(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(max = 1000) Integer> gaps,
            @ForAll @IntRange(min = 1, max = 5) int multiplier) {
        long[] times = new long[gaps.size()];
        long t = 0;
        for (int i = 0; i < times.length; i++) {
            t += gaps.get(i);
            times[i] = t;
        }
        List<Long> arrivals = Bins.drain(new TimestampReplay<>(Bins.times(times),
                ReplayOptions.asRecorded().withRateMultiplier(multiplier)));
        assertThat(arrivals).hasSize(times.length * multiplier).isSorted();
        for (int i = 0; i < times.length; i++) {
            assertThat(arrivals.get(i * multiplier)).isEqualTo(times[i] - times[0]);
        }
    }

    @Test
    void realLlmRequestsDriveARequestSource() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/traces/azure-llm/AzureLLMInferenceTrace_code_excerpt.csv").toURI());
        Simulation sim = new Simulation(1);
        List<Long> at = new ArrayList<>();
        try (AzureLlmReader reader = new AzureLlmReader(file)) {
            TimestampReplay<LlmRequest> replay = new TimestampReplay<>(reader, ReplayOptions.asRecorded());
            List<Integer> tokens = new ArrayList<>();
            RequestSource source = new RequestSource(sim, replay, ServiceDemand.fixed(1000), work -> {
                at.add(sim.now());
                tokens.add(replay.current().contextTokens());
                return true;
            });
            source.start(0);
            sim.run();
            assertThat(source.generated()).isEqualTo(20);
            // 18:17:03.97996 then 18:17:04.03196: 52 ms apart; the last at 18:17:34.462686
            assertThat(at.get(0)).isZero();
            assertThat(at.get(1)).isEqualTo(52_000);
            assertThat(at.get(19)).isEqualTo(30_482_726);
            assertThat(tokens.get(0)).isEqualTo(4808);
        }
    }
}
