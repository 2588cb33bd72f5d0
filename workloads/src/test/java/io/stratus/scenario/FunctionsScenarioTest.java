package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.sim.RandomStreams;
import io.stratus.synthetic.DurationTail;
import io.stratus.trace.InvocationTotals;
import io.stratus.workload.ServiceDemand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled functions-burst scenario loads into the functions, totals and mean work computed by hand. */
class FunctionsScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    @Test
    void theHttpFunctionsAndTheirMeanWork() throws Exception {
        Scenario s = loader.load(Path.of("scenarios", "functions-burst.yaml"));
        ServiceConfig web = s.services().get(0);
        FunctionArrivals arrivals = (FunctionArrivals) web.arrivals();
        assertThat(arrivals.totals().functions()).extracting(InvocationTotals.Function::trigger).containsOnly("http");
        assertThat(arrivals.totals().total()).isEqualTo(1_213_487L);
        assertThat(arrivals.multiplier()).isEqualTo(10);
        FunctionDemandSpec demand = web.traceDemand();
        assertThat(demand.tail()).isEqualTo(DurationTail.AVERAGE);
        // by hand from durations.csv, each mean = sum of (level step) x (knot average):
        //   47658c9c: its Average, 306 ms (the top per cent ends at 822 ms to match it)
        //   cbf80865: knots 0,0,0,0,1,8 then 8 (clamped at p99): 0.25 x 0.5 + 0.24 x 4.5 + 0.01 x 8 = 1.285 ms
        //   02158978: knots 15,18,20,26,38,94 then 94: 0.165 + 4.56 + 5.75 + 8 + 15.84 + 0.94 = 35.255 ms
        // weighted by the day's invocations 281,962, 30,527 and 900,998
        double mean = (281_962 * 306.0 + 30_527 * 1.285 + 900_998 * 35.255) / 1_213_487 * 1000;
        assertThat(demand.meanMicros()).isCloseTo(mean, within(1e-6));
        assertThat(web.meanWorkMicros()).isEqualTo(97_310);
        ServiceDemand draws = demand.open(new RandomStreams(1).stream("d"), () -> 0);
        assertThat(draws.meanWorkMicros()).isCloseTo(mean, within(1e-6));
    }
}
