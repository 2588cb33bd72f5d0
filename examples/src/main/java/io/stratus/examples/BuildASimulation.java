package io.stratus.examples;

import io.stratus.cloud.Cloud;
import io.stratus.cloud.ServiceRun;
import io.stratus.sim.Time;
import io.stratus.workload.DailyPeakRate;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The café of {@code workloads/scenarios/cafe.yaml}, built in code with the engine's
 * {@link Cloud} builder instead of a scenario file: an Auto Scaling group of m5.large (2 to 20,
 * target tracking at 60% CPU) in two zones behind a load balancer, 40 requests per second on
 * average with a lunch peak 3.5 times that at 12:00, 25 ms of CPU each, for one day.
 *
 * <p>Simplified against the scenario: no user data, no warm-up setting, and the bill is
 * instance time only (no EBS, load balancer or data transfer).
 */
public final class BuildASimulation {

    private BuildASimulation() {
    }

    /** What the day gave. */
    public record Result(long requests, long refused, long completed, double meanMs, double p99Ms, int inService,
                         double usd) {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Builds, runs and prints the café's day; returns its numbers. */
    public static Result run(PrintStream out) {
        Cloud cloud = Cloud.builder()
                .seed(42)
                .zones("us-east-1a", "us-east-1b")
                .hosts("m5", 2)
                .service("web", s -> s.instanceType("m5.large")
                        .autoScaling(2, 20).targetCpu(60)
                        .poisson(new DailyPeakRate(40, 12 * Time.HOUR, 3.5, 90 * Time.MINUTE))
                        .exponentialWork(25 * Time.MILLISECOND))
                .build();
        cloud.run(Time.DAY);
        ServiceRun web = cloud.service("web");
        Result r = new Result(web.requests(), web.refused(), web.latency().count(), web.latency().meanMicros() / 1000,
                web.latency().percentileMicros(99) / 1000.0, web.inService(), cloud.onDemandUsd());
        out.printf(Locale.ROOT, "café, one day: %,d requests, %,d refused, %,d completed%n", r.requests(), r.refused(),
                r.completed());
        out.printf(Locale.ROOT, "latency: mean %.1f ms, p99 %.1f ms; %d instances in service at the end; "
                + "on-demand instance cost $%.2f%n", r.meanMs(), r.p99Ms(), r.inService(), r.usd());
        return r;
    }
}
