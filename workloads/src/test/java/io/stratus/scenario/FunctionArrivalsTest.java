package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import io.stratus.trace.FunctionSelection;
import io.stratus.trace.FunctionSelection.Selector;
import io.stratus.trace.InvocationTotals;
import io.stratus.workload.ArrivalProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replayed request count equals the trace's invocations of the chosen functions over the
 * replayed window: exactly when spread evenly, within a Poisson tolerance otherwise (the count
 * of a Poisson process over the window is Poisson with mean = multiplier x invocations, so its
 * standard deviation is the square root of that mean).
 */
class FunctionArrivalsTest {

    private static final Path INVOCATIONS = Path.of("traces", "azure-functions-2019", "invocations.csv");
    private static final long NOT_GIVEN = Long.MIN_VALUE;

    private static InvocationTotals http() throws IOException {
        return InvocationTotals.read(INVOCATIONS, FunctionSelection.of(List.of(
                Selector.prefix("47658c9c"), Selector.prefix("cbf80865"), Selector.prefix("02158978"))));
    }

    /** Arrivals in simulated {@code [0, end)}. */
    private static long count(ArrivalProcess process, long end) {
        long n = 0;
        for (long t = process.nextArrival(0); t < end; t = process.nextArrival(t)) {
            n++;
        }
        return n;
    }

    private static ArrivalProcess open(FunctionArrivals spec) {
        return spec.open(new RandomStreams(7).stream("arrivals"), new ArrayList<>());
    }

    @Test
    void evenSpreadReplaysExactlyTheWindowsInvocations() throws IOException {
        InvocationTotals totals = http();
        // 11:00 to 16:00, the afternoon burst: minutes 660 to 960 of the day
        FunctionArrivals burst = new FunctionArrivals(INVOCATIONS, totals, false, 1, 1, 11 * Time.HOUR);
        assertThat(count(open(burst), 5 * Time.HOUR)).isEqualTo(totals.total(660, 960));
        // the whole day from midnight
        FunctionArrivals day = new FunctionArrivals(INVOCATIONS, totals, false, 1, 1, NOT_GIVEN);
        assertThat(count(open(day), Time.DAY)).isEqualTo(1_213_487L).isEqualTo(totals.total());
    }

    @Test
    void poissonSpreadReplaysTheWindowsInvocationsWithinFourStandardDeviations() throws IOException {
        InvocationTotals totals = http();
        FunctionArrivals burst = new FunctionArrivals(INVOCATIONS, totals, true, 1, 1, 11 * Time.HOUR);
        double mean = totals.total(660, 960);
        assertThat((double) count(open(burst), 5 * Time.HOUR)).isCloseTo(mean, within(4 * Math.sqrt(mean)));
    }

    @Test
    void speedupCompressesTheWindowAndMultiplierScalesTheCount() throws IOException {
        InvocationTotals totals = http();
        // speedup 4: 75 simulated minutes replay 300 trace minutes (11:00 to 16:00)
        FunctionArrivals fast = new FunctionArrivals(INVOCATIONS, totals, false, 4, 1, 11 * Time.HOUR);
        assertThat(count(open(fast), 75 * Time.MINUTE)).isEqualTo(totals.total(660, 960));
        assertThat(fast.meanRatePerSecond().getAsDouble()).isCloseTo(4 * 1_213_487 / 86_400.0, within(1e-9));
        // multiplier 2.5, even: floor(2.5 x invocations)
        FunctionArrivals more = new FunctionArrivals(INVOCATIONS, totals, false, 1, 2.5, 11 * Time.HOUR);
        assertThat(count(open(more), 5 * Time.HOUR)).isEqualTo((long) Math.floor(2.5 * totals.total(660, 960)));
        // multiplier 2.5, poisson: mean 2.5 x invocations, standard deviation its root
        FunctionArrivals morePoisson = new FunctionArrivals(INVOCATIONS, totals, true, 4, 2.5, 11 * Time.HOUR);
        double mean = 2.5 * totals.total(660, 960);
        assertThat((double) count(open(morePoisson), 75 * Time.MINUTE)).isCloseTo(mean, within(4 * Math.sqrt(mean)));
    }

    @Test
    void eachMinuteGetsItsOwnCount() throws IOException {
        InvocationTotals totals = http();
        FunctionArrivals day = new FunctionArrivals(INVOCATIONS, totals, false, 1, 1, 13 * Time.HOUR);
        ArrivalProcess p = open(day);
        long[] perMinute = new long[60];
        for (long t = p.nextArrival(0); t < Time.HOUR; t = p.nextArrival(t)) {
            perMinute[(int) (t / Time.MINUTE)]++;
        }
        for (int k = 0; k < 60; k++) {
            assertThat(perMinute[k]).as("minute %s", 780 + k).isEqualTo(totals.count(780 + k));
        }
        assertThat(perMinute[18]).isEqualTo(1_372L); // 13:18, the busiest minute
    }
}
