package io.stratus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void clockIsSetBeforeTheHandlerRuns() {
        Simulation sim = new Simulation(1);
        List<Long> seen = new ArrayList<>();
        int kind = sim.registerKind("probe", (subject, data) -> seen.add(sim.now()));
        sim.schedule(30, kind, 0, 0);
        sim.schedule(10, kind, 0, 0);
        sim.run();
        assertThat(seen).containsExactly(10L, 30L);
        assertThat(sim.eventsRun()).isEqualTo(2);
    }

    @Test
    void schedulingInThePastIsAClearError() {
        Simulation sim = new Simulation(1);
        int kind = sim.registerKind("boot-complete", (s, d) -> { });
        sim.runUntil(Time.seconds(10));
        assertThatThrownBy(() -> sim.schedule(Time.seconds(5), kind, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("boot-complete")
                .hasMessageContaining("5s")
                .hasMessageContaining("10s");
    }

    @Test
    void runUntilStopsAtTheTimeAndKeepsLaterEvents() {
        Simulation sim = new Simulation(1);
        List<Integer> ran = new ArrayList<>();
        int kind = sim.registerKind("e", (s, d) -> ran.add(s));
        sim.schedule(5, kind, 1, 0);
        sim.schedule(10, kind, 2, 0);
        sim.schedule(11, kind, 3, 0);
        sim.runUntil(10);
        assertThat(ran).containsExactly(1, 2);
        assertThat(sim.now()).isEqualTo(10);
        assertThat(sim.pendingEvents()).isEqualTo(1);
        sim.run();
        assertThat(ran).containsExactly(1, 2, 3);
    }

    @Test
    void stopEndsTheLoopAfterTheCurrentEvent() {
        Simulation sim = new Simulation(1);
        List<Integer> ran = new ArrayList<>();
        int kind = sim.registerKind("e", (s, d) -> {
            ran.add(s);
            if (s == 2) {
                sim.stop();
            }
        });
        for (int i = 1; i <= 4; i++) {
            sim.schedule(i, kind, i, 0);
        }
        assertThat(sim.runUntil(100)).isTrue();
        assertThat(ran).containsExactly(1, 2);
        assertThat(sim.now()).isEqualTo(2);
    }

    @Test
    void handlersCanScheduleCancelAndReschedule() {
        Simulation sim = new Simulation(1);
        List<String> log = new ArrayList<>();
        long[] victim = new long[1];
        int[] kinds = new int[2];
        kinds[1] = sim.registerKind("victim", (s, d) -> log.add("victim@" + sim.now()));
        kinds[0] = sim.registerKind("actor", (s, d) -> {
            log.add("actor@" + sim.now());
            if (s == 0) {
                sim.reschedule(victim[0], sim.now() + 100);
            } else {
                sim.cancel(victim[0]);
            }
        });
        victim[0] = sim.schedule(50, kinds[1], 0, 0);
        sim.schedule(10, kinds[0], 0, 0);
        sim.run();
        assertThat(log).containsExactly("actor@10", "victim@110");
    }

    @Test
    void sameSeedSameEventSequence() {
        assertThat(trace(42)).isEqualTo(trace(42));
        assertThat(trace(42)).isNotEqualTo(trace(43));
    }

    private static List<Long> trace(long seed) {
        Simulation sim = new Simulation(seed);
        RandomStream rnd = sim.random().stream("arrivals");
        List<Long> times = new ArrayList<>();
        int[] kind = new int[1];
        kind[0] = sim.registerKind("arrival", (s, d) -> {
            times.add(sim.now());
            if (times.size() < 1000) {
                sim.scheduleIn(Time.seconds(rnd.exponential(0.5)), kind[0], 0, 0);
            }
        });
        sim.schedule(0, kind[0], 0, 0);
        sim.run();
        return times;
    }

    @Test
    void aDelayPastTheEndOfTimeSchedulesAtTheEndRatherThanWrappingIntoThePast() {
        DaryEventHeap queue = new DaryEventHeap();
        Simulation sim = new Simulation(1, queue);
        List<Long> seen = new ArrayList<>();
        int kind = sim.registerKind("probe", (subject, data) -> seen.add(sim.now()));
        sim.runUntil(Time.seconds(10));
        long handle = sim.scheduleIn(Long.MAX_VALUE - 5, kind, 0, 0); // wrapped negative: "in the past"
        assertThat(queue.timeOf(handle)).isEqualTo(Long.MAX_VALUE);
        sim.scheduleIn(Time.SECOND, kind, 0, 0);
        sim.runUntil(Time.DAY);
        assertThat(seen).containsExactly(Time.seconds(11));
    }
}
