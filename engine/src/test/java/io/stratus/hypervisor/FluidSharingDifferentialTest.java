package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The fluid-sharing core against a naive exact implementation: one pool of random capacity shared
 * by a few processor-sharing servers (random slots and weights) and one demand member whose
 * claim changes at random times. The naive model keeps every job's remaining work in a list,
 * recomputes every rate at every event by a different max-min algorithm (claimants sorted by
 * demand over weight, satisfied in that order) and moves time in exact doubles. Completion
 * instants must agree within the core's rounding to whole microseconds ({@link #ROUNDING_SLACK}).
 */
class FluidSharingDifferentialTest {

    private static final int SERVERS = 3;
    private static final int DEMAND_MEMBER = SERVERS;

    /**
     * The core fires each event at the whole microsecond after the exact instant, and the jobs
     * sharing with the finished one run at the old rate for that fraction: a shift of under one
     * microsecond per event, amplified by the ratio of rates before and after (up to about 24
     * here). Over these 200 scenarios the largest difference measured is 36 us, 5.1e-5 of the
     * instant; a wrong share would be off by milliseconds.
     */
    private static final double ROUNDING_SLACK = 1e-4;

    private record Op(long time, int member, double amount) {
    }

    @Property(seed = "20261203", tries = 200)
    void completionsMatchTheNaiveModel(@ForAll long scenarioSeed) {
        SplittableRandom random = new SplittableRandom(scenarioSeed);
        double capacity = 1 + random.nextInt(6);
        int[] slots = new int[SERVERS];
        double[] weight = new double[SERVERS + 1];
        for (int i = 0; i <= SERVERS; i++) {
            weight[i] = 1 + random.nextInt(4);
            if (i < SERVERS) {
                slots[i] = 1 + random.nextInt(3);
            }
        }
        List<Op> ops = new ArrayList<>();
        long t = 0;
        for (int k = 0; k < 24; k++) {
            t += random.nextInt(20_000);
            int member = random.nextInt(SERVERS + 1);
            double amount = member == DEMAND_MEMBER ? random.nextInt(5) * 0.5 : 1_000 + random.nextInt(50_000);
            ops.add(new Op(t, member, amount));
        }

        double[] core = runCore(capacity, slots, weight, ops);
        double[] naive = runNaive(capacity, slots, weight, ops);
        for (int job = 0; job < ops.size(); job++) {
            if (ops.get(job).member() == DEMAND_MEMBER) {
                continue;
            }
            assertThat(naive[job]).as("job %d finishes", job).isFinite();
            assertThat(core[job]).as("job %d completion", job)
                    .isCloseTo(naive[job], within(ROUNDING_SLACK * naive[job]));
        }
    }

    private static double[] runCore(double capacity, int[] slots, double[] weight, List<Op> ops) {
        Simulation sim = new Simulation(1);
        double[] done = new double[ops.size()];
        Arrays.fill(done, Double.NaN);
        FluidSharing fluid = new FluidSharing(sim, "t-completion", "t-credits",
                (server, tag, now) -> done[(int) tag] = now);
        int pool = fluid.openPool(capacity, 1e-9);
        for (int i = 0; i < SERVERS; i++) {
            fluid.openServer(i, pool, slots[i], 1.0, weight[i], null, 1.0);
        }
        fluid.openDemand(DEMAND_MEMBER, pool, weight[DEMAND_MEMBER]);
        int kind = sim.registerKind("t-op", (index, unused) -> {
            Op op = ops.get(index);
            if (op.member() == DEMAND_MEMBER) {
                fluid.setDemand(DEMAND_MEMBER, op.amount());
            } else {
                fluid.submit(op.member(), (long) op.amount(), index);
            }
        });
        for (int i = 0; i < ops.size(); i++) {
            sim.schedule(ops.get(i).time(), kind, i, 0);
        }
        sim.run();
        return done;
    }

    /** Exact fluid model: every job's remaining work, every rate recomputed at every event. */
    private static double[] runNaive(double capacity, int[] slots, double[] weight, List<Op> ops) {
        double[] done = new double[ops.size()];
        Arrays.fill(done, Double.NaN);
        double[] remaining = new double[ops.size()];
        int[] memberOf = new int[ops.size()];
        boolean[] running = new boolean[ops.size()];
        double vmDemand = 0;
        double now = 0;
        int next = 0;
        while (true) {
            double[] perJob = rates(capacity, slots, weight, vmDemand, running, memberOf);
            double finish = Double.POSITIVE_INFINITY;
            for (int j = 0; j < ops.size(); j++) {
                if (running[j]) {
                    finish = Math.min(finish, now + remaining[j] / perJob[memberOf[j]]);
                }
            }
            double arrival = next < ops.size() ? ops.get(next).time() : Double.POSITIVE_INFINITY;
            double until = Math.min(finish, arrival);
            if (until == Double.POSITIVE_INFINITY) {
                return done;
            }
            for (int j = 0; j < ops.size(); j++) {
                if (running[j]) {
                    remaining[j] -= perJob[memberOf[j]] * (until - now);
                    if (remaining[j] <= 1e-6) {
                        running[j] = false;
                        done[j] = until;
                    }
                }
            }
            now = until;
            if (arrival == until) {
                Op op = ops.get(next);
                if (op.member() == DEMAND_MEMBER) {
                    vmDemand = op.amount();
                } else {
                    running[next] = true;
                    remaining[next] = (long) op.amount();
                    memberOf[next] = op.member();
                }
                next++;
            }
        }
    }

    /** Per-job rate of each server under exact weighted max-min fairness. */
    private static double[] rates(double capacity, int[] slots, double[] weight, double vmDemand, boolean[] running,
                                  int[] memberOf) {
        int[] jobs = new int[SERVERS];
        for (int j = 0; j < running.length; j++) {
            if (running[j]) {
                jobs[memberOf[j]]++;
            }
        }
        double[] demand = new double[SERVERS + 1];
        for (int i = 0; i < SERVERS; i++) {
            demand[i] = Math.min(jobs[i], slots[i]);
        }
        demand[DEMAND_MEMBER] = vmDemand;
        Integer[] order = {0, 1, 2, 3};
        Arrays.sort(order, (a, b) -> Double.compare(demand[a] / weight[a], demand[b] / weight[b]));
        double[] granted = new double[SERVERS + 1];
        double left = capacity;
        double weights = Arrays.stream(weight).sum();
        for (int i : order) {
            double fair = left * weight[i] / weights;
            granted[i] = Math.min(demand[i], fair);
            left -= granted[i];
            weights -= weight[i];
        }
        double[] perJob = new double[SERVERS];
        for (int i = 0; i < SERVERS; i++) {
            perJob[i] = jobs[i] == 0 ? 0 : granted[i] / jobs[i];
        }
        return perJob;
    }
}
