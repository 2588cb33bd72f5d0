package io.stratus.examples;

import io.stratus.cloud.Cloud;
import io.stratus.cloud.ServiceRun;
import io.stratus.monitor.Datapoint;
import io.stratus.monitor.Metric;
import io.stratus.monitor.Statistic;
import io.stratus.scaling.GroupView;
import io.stratus.scaling.ScalingDecision;
import io.stratus.scaling.ScalingPolicy;
import io.stratus.scaling.Trigger;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A scaling policy of your own: {@link Proportional} resizes the group at every one-minute CPU
 * datapoint to the capacity that would have put that minute's average CPU at the target,
 * {@code ceil(counted * cpu / target)}, within the group's bounds. Unlike AWS target tracking it
 * has no alarm datapoint counts and scales in as readily as out, so it reacts in one minute and
 * may oscillate. A policy keeps its own state but no reference to the group: the group calls
 * {@link ScalingPolicy#decide} with a read-only {@link GroupView} and applies the decision.
 */
public final class CustomScaling {

    private CustomScaling() {
    }

    /** Capacity proportional to the last minute's CPU. */
    public static final class Proportional implements ScalingPolicy {

        private final Metric cpu;
        private final double targetPercent;

        /** @param cpu the group's average CPU utilisation metric, percent */
        public Proportional(Metric cpu, double targetPercent) {
            this.cpu = cpu;
            this.targetPercent = targetPercent;
        }

        @Override
        public String name() {
            return "proportional";
        }

        @Override
        public Trigger trigger() {
            return new Trigger.EveryDatapoint(cpu);
        }

        @Override
        public ScalingDecision decide(GroupView group, long now) {
            Datapoint d = cpu.latest();
            if (d == null || d.isMissing() || group.countedCount() == 0) {
                return ScalingDecision.NONE;
            }
            int wanted = (int) Math.ceil(group.countedCount() * d.value(Statistic.AVERAGE) / targetPercent - 1e-9);
            return ScalingDecision.desired(Math.max(group.minSize(), Math.min(group.maxSize(), wanted)));
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Three hours at 100 requests/s of 20 ms on a group under the proportional policy at 50% CPU. */
    public static ServiceRun run(PrintStream out) {
        Cloud cloud = Cloud.builder().seed(3).zones("us-east-1a", "us-east-1b").hosts("m5", 2)
                .service("api", s -> s.instanceType("m5.large").autoScaling(1, 12)
                        .policy(metrics -> new Proportional(metrics.cpuUtilization(), 50))
                        .poisson(new ConstantRate(100)).exponentialWork(20 * Time.MILLISECOND))
                .build();
        cloud.run(3 * Time.HOUR);
        ServiceRun api = cloud.service("api");
        out.printf(Locale.ROOT, "proportional scaling at 50%% CPU: %d instances in service after 3 h, "
                        + "%,d of %,d requests refused, p99 %.1f ms, $%.2f%n", api.inService(), api.refused(),
                api.requests(), api.latency().percentileMicros(99) / 1000.0, cloud.onDemandUsd());
        return api;
    }
}
