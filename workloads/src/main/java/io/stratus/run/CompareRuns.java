package io.stratus.run;

import io.stratus.pricing.PurchaseStrategy;
import io.stratus.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The simulations behind {@code stratus compare}: every strategy over {@code replications}
 * seeds, with as few simulations as give the same numbers, spread over threads.
 *
 * <p><b>Seeds.</b> Replication {@code r} runs with the {@code r}-th seed given, the same for
 * every strategy (common random numbers: the strategies see the same customers); the command
 * derives them as a sweep does ({@code io.stratus.sweep.SweepPlan#seed}: the scenario's own seed
 * first, so one replication is the single-seed comparison).
 *
 * <p><b>Re-pricing.</b> Strategies that cannot change what happens (they launch everything on
 * demand and differ only in commitments or in how the bill reads the instances: on-demand,
 * reserved, savings plans, Dedicated Instances; {@link PurchaseStrategy#priceableFromRunOf}) are
 * priced from the usage of one on-demand run per replication, not simulated again; spot, mixed
 * and Dedicated Host strategies get their own run. The result is byte for byte what a run per
 * strategy gives ({@code reprice = false} does that, for checking).
 *
 * <p>The simulations run on a pool of {@code threads}; results are collected in a fixed order
 * (replication, then the strategies' order), so output does not depend on the thread count.
 */
public final class CompareRuns {

    private CompareRuns() {
    }

    /**
     * Runs the comparison.
     *
     * @param seeds one master seed per replication
     * @return outcomes indexed by replication, then by strategy in the order given
     * @throws ExecutionException wrapping the first failed run's exception
     */
    public static List<List<ScenarioRunner.Outcome>> run(Scenario scenario, List<PurchaseStrategy> strategies,
                                                        long[] seeds, int threads, boolean reprice)
            throws InterruptedException, ExecutionException {
        return run(scenario, strategies, seeds, threads, reprice, (done, total) -> { });
    }

    /** Told, from the worker threads, as each simulation ends: how many have ended, of how many. */
    public interface Progress {
        void simulated(int done, int total);
    }

    /** {@link #run(Scenario, List, long[], int, boolean)}, telling {@code progress} as each simulation ends. */
    public static List<List<ScenarioRunner.Outcome>> run(Scenario scenario, List<PurchaseStrategy> strategies,
                                                        long[] seeds, int threads, boolean reprice, Progress progress)
            throws InterruptedException, ExecutionException {
        Objects.requireNonNull(scenario, "scenario");
        int replications = seeds.length;
        if (replications < 1 || threads < 1 || strategies.isEmpty()) {
            throw new IllegalArgumentException("need a strategy, a replication and a thread");
        }
        PurchaseStrategy base = PurchaseStrategy.onDemand();
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> priced = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            if (reprice && strategies.get(i).priceableFromRunOf(base)) {
                priced.add(i);
            } else {
                groups.add(List.of(i));
            }
        }
        if (!priced.isEmpty()) {
            groups.add(0, priced);
        }
        List<Future<List<ScenarioRunner.Outcome>>> tasks = new ArrayList<>();
        int total = groups.size() * replications;
        java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, groups.size() * replications));
        try {
            for (int r = 0; r < replications; r++) {
                Scenario seeded = scenario.withSeed(seeds[r]);
                for (int g = 0; g < groups.size(); g++) {
                    List<Integer> group = groups.get(g);
                    PurchaseStrategy simulated = g == 0 && !priced.isEmpty() ? base : strategies.get(group.get(0));
                    List<PurchaseStrategy> as = group.stream().map(strategies::get).toList();
                    tasks.add(pool.submit(() -> {
                        List<ScenarioRunner.Outcome> o = new ScenarioRunner().runPricedAs(seeded, null, simulated, as);
                        progress.simulated(ended.incrementAndGet(), total);
                        return o;
                    }));
                }
            }
            List<List<ScenarioRunner.Outcome>> out = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                ScenarioRunner.Outcome[] row = new ScenarioRunner.Outcome[strategies.size()];
                for (int g = 0; g < groups.size(); g++) {
                    List<ScenarioRunner.Outcome> outcomes = tasks.get(r * groups.size() + g).get();
                    for (int k = 0; k < outcomes.size(); k++) {
                        row[groups.get(g).get(k)] = outcomes.get(k);
                    }
                }
                out.add(List.of(row));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
