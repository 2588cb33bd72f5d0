package io.stratus.trace.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.trace.RequestCount;
import io.stratus.trace.RequestRateCsvReader;
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

class RateReplayTest {

    private static final long S = Time.SECOND;

    @Test
    void evenSpreadPutsEachBinsCountAtTheCentresOfEqualSlices() {
        RateReplay replay = RateReplay.even(Bins.of(0, S, 3, 0, 2), ReplayOptions.asRecorded());
        assertThat(Bins.drain(replay)).containsExactly(166_667L, 500_000L, 833_333L, 2_250_000L, 2_750_000L);
    }

    @Test
    void speedupCompressesTimeAndTheRateMultiplierScalesCounts() {
        ReplayOptions options = ReplayOptions.asRecorded().withSpeedup(2).withRateMultiplier(2).startingAt(10 * S);
        RateReplay replay = RateReplay.even(Bins.of(0, S, 1, 1), options);
        // bin 0 -> [10 s, 10.5 s) with 2 arrivals, bin 1 -> [10.5 s, 11 s) with 2
        assertThat(Bins.drain(replay)).containsExactly(10_125_000L, 10_375_000L, 10_625_000L, 10_875_000L);
    }

    @Test
    void aFractionalMultiplierCarriesOverBins() {
        RateReplay replay = RateReplay.even(Bins.of(0, S, 1, 1, 1, 1, 1), ReplayOptions.asRecorded().withRateMultiplier(0.4));
        // expected running totals 0.4 0.8 1.2 1.6 2.0: arrivals in bins 2 and 4
        assertThat(Bins.drain(replay)).containsExactly(2_500_000L, 4_500_000L);
    }

    @Test
    void theOriginIsTheFirstBinUnlessGiven() {
        long start = 893_971_800L * S; // a calendar trace
        assertThat(Bins.drain(RateReplay.even(Bins.of(start, S, 1), ReplayOptions.asRecorded())))
                .containsExactly(500_000L);
        assertThat(Bins.drain(RateReplay.even(Bins.of(start, S, 1),
                ReplayOptions.asRecorded().withTraceOrigin(start - Time.HOUR))))
                .containsExactly(Time.HOUR + 500_000L);
    }

    @Test
    void arrivalsBeforeNowAreDropped() {
        RateReplay replay = RateReplay.even(Bins.of(0, S, 4, 4), ReplayOptions.asRecorded());
        assertThat(replay.nextArrival(S)).isEqualTo(1_125_000L);
    }

    @Test
    void overlappingBinsAreRefused() {
        List<RequestCount> bins = List.of(new RequestCount(0, 2 * S, 1), new RequestCount(S, S, 1));
        RateReplay replay = RateReplay.even(Bins.source(bins), ReplayOptions.asRecorded());
        replay.nextArrival(0);
        assertThatThrownBy(() -> replay.nextArrival(S)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void poissonWithinBinsHasTheRightMeanAndVarianceAndStaysInItsBins() {
        // 2,000 bins of 10 s with 30 requests each, separated by empty bins
        long[] counts = new long[4000];
        for (int i = 0; i < counts.length; i += 2) {
            counts[i] = 30;
        }
        RateReplay replay = RateReplay.poisson(Bins.of(0, 10 * S, counts), ReplayOptions.asRecorded(), new RandomStream(7));
        long[] perBin = new long[counts.length];
        for (long t : Bins.drain(replay)) {
            perBin[(int) (t / (10 * S))]++;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < counts.length; i += 2) {
            assertThat(perBin[i + 1]).as("empty bin %d", i + 1).isZero();
            sum += perBin[i];
            sumSquares += perBin[i] * (double) perBin[i];
        }
        int n = counts.length / 2;
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        assertThat(mean).isCloseTo(30, within(0.6));      // 5 standard errors (0.12)
        assertThat(variance).isCloseTo(30, within(5.0));  // Poisson: variance = mean
    }

    @Test
    void poissonReplayIsReproducible() {
        List<Long> a = Bins.drain(RateReplay.poisson(Bins.of(0, S, 5, 9, 2), ReplayOptions.asRecorded(), new RandomStream(3)));
        List<Long> b = Bins.drain(RateReplay.poisson(Bins.of(0, S, 5, 9, 2), ReplayOptions.asRecorded(), new RandomStream(3)));
        assertThat(a).isEqualTo(b).isSorted();
    }

    @Property(seed = "42", tries = 100)
    void evenSpreadGivesEachBinExactlyItsCount(@ForAll @Size(min = 1, max = 40) List<@IntRange(max = 50) Integer> counts,
                                               @ForAll @IntRange(min = 1, max = 120) int widthSeconds) {
        long width = widthSeconds * S;
        long[] array = counts.stream().mapToLong(Integer::longValue).toArray();
        List<Long> arrivals = Bins.drain(RateReplay.even(Bins.of(0, width, array), ReplayOptions.asRecorded()));
        long[] perBin = new long[array.length];
        for (long t : arrivals) {
            perBin[(int) (t / width)]++;
        }
        assertThat(perBin).containsExactly(array);
        assertThat(arrivals).isSorted();
    }

    @Test
    void aRealWorldCupHourDrivesARequestSource() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/traces/worldcup98/worldcup98_requests_per_minute_head.csv").toURI());
        Simulation sim = new Simulation(1);
        List<Long> accepted = new ArrayList<>();
        try (RequestRateCsvReader reader = new RequestRateCsvReader(file)) {
            RequestSource source = new RequestSource(sim,
                    RateReplay.poisson(reader, ReplayOptions.asRecorded(), sim.random().stream("worldcup")),
                    ServiceDemand.fixed(1000), work -> accepted.add(sim.now()));
            source.start(0);
            sim.run();
            // 28,340 requests in the hour: a Poisson total has standard deviation 168
            assertThat(source.generated()).isBetween(28_340L - 850, 28_340L + 850);
            assertThat(accepted.get(accepted.size() - 1)).isLessThan(Time.HOUR);
        }
    }
}
