package io.stratus.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Architecture;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

/** The SQS event source: batches, the five starting pollers and their scaling, no message lost. */
class QueueEventSourceTest {

    @Test
    void batchesOfTenFiveAtATimeThenScalingUp() {
        // 1,000 messages of 1 s work at t=0, batch 10, max 1,000: five batches of 10 s each run at once.
        Simulation sim = new Simulation(1);
        LongArrayList latencies = new LongArrayList();
        FunctionSpec spec = new FunctionSpec("q", 1769, Architecture.X86_64, 0, Time.MINUTE, -1, 0, 1.0,
                15 * Time.MINUTE);
        QueueEventSource q = new QueueEventSource(sim, spec, new LambdaAccount(1000), 10, 1000, latencies::add);
        q.start(0);
        int send = sim.registerKind("send", (s, d) -> q.accept(Time.SECOND));
        for (int i = 0; i < 1000; i++) {
            sim.schedule(0, send, 0, 0);
        }
        sim.runUntil(Time.MINUTE - 1);
        // no batching window: the first five sends each start a batch of one (ending at 1 s); then
        // batches of 10 (10 s each) in waves starting at 1, 11, 21, 31, 41, 51 s: by 59.999 s the
        // 5 singles and 5 waves of 50 have ended = 255 messages
        assertThat(q.delivered()).isEqualTo(255);
        assertThat(q.function().peakInFlight()).isEqualTo(5);
        sim.runUntil(2 * Time.MINUTE);
        // at 60 s the mapping may run 305 batches: the 695 messages left (1,000 - 255 - 50 in flight)
        // start at once as 69 batches of 10 (ending at 70 s) and one of 5 (ending at 65 s)
        assertThat(q.delivered()).isEqualTo(1000);
        assertThat(q.function().invocations()).isEqualTo(5 + 25 + 5 + 70);
        assertThat(latencies.size()).isEqualTo(1000);
        assertThat(latencies.getLong(0)).isEqualTo(Time.SECOND);
        assertThat(latencies.getLong(999)).isEqualTo(70 * Time.SECOND);
        assertThat(q.peakAllowedBatches()).isEqualTo(305);
    }
}
