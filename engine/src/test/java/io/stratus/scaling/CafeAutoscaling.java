package io.stratus.scaling;

import io.stratus.compute.InstancesDistribution;
import io.stratus.hypervisor.CompletionListener;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.LoadBalancer;
import io.stratus.lb.RoundRobinRouting;
import io.stratus.lb.TargetGroup;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Datapoint;
import io.stratus.monitor.Metric;
import io.stratus.monitor.Statistic;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import io.stratus.workload.DailyPeakRate;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RequestSink;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The café of workloads/scenarios/cafe.yaml under an Auto Scaling group with target tracking:
 * m5.large (2 vCPUs) in two zones, 40 requests/s on average with a lunch peak 3.5 times that at
 * 12:00 (width 90 min), 25 ms of CPU per request (exponential), a 40 s AMI boot plus 20 s of
 * user data, behind an ALB (round robin, default health checks, 300 s deregistration delay).
 * {@code scale} multiplies the arrival rate (a chain of cafés behind one balancer).
 *
 * <p>Target: 60 % average CPU. Why: requests are served by processor sharing on 2 vCPUs, so
 * latency grows as 1 / (1 - utilisation); at 60 % the mean response stays under twice the bare
 * 25 ms, and the 40 % headroom absorbs the lunch ramp for the ~5 minutes a scale-out takes
 * (3 one-minute datapoints, 60 s boot, first health check), since the steepest climb of the
 * profile adds about 3 % of the load per minute.
 *
 * <p>Also measures the time-average number of requests in the system, independently of the
 * latency recorder, for Little's law.
 */
final class CafeAutoscaling implements RequestSink, CompletionListener {

    static final double TARGET_CPU = 60;
    static final long WARMUP = Time.seconds(120);
    /** Requests start once the first instances have booted (60 s) and passed a health check. */
    static final long TRAFFIC_FROM = Time.seconds(61);

    /** One period of the run. */
    record Row(long periodEnd, double ratePerSecond, int desired, int inService, double cpuAverage,
               double cpuMaximum, double requests, double latencyP99Ms) {
    }

    final Rig rig;
    final TargetGroup tg;
    final AutoScalingGroup asg;
    final GroupMetrics metrics;
    final RequestSource source;
    final DailyPeakRate profile;
    final List<Row> rows = new ArrayList<>();
    final List<long[]> activities = new ArrayList<>();
    final List<String> causes = new ArrayList<>();
    final PredictiveScalingPolicy predictive;
    private final LoadBalancer lb;
    private final Metric latencyMs;
    private final Metric requestCount;
    private long inSystem;
    private long lastChange;
    private double area;

    CafeAutoscaling(long seed, double scale, int min, int max, boolean predictive) {
        rig = new Rig(seed, 4);
        rig.completions.add(this);
        tg = rig.targetGroup("web", RoundRobinRouting.NAME, HealthCheckSettings.albDefaults(),
                TargetGroup.DEFAULT_DEREGISTRATION_DELAY);
        lb = new LoadBalancer("cafe-alb");
        lb.addListener(443, "HTTPS", tg);
        CloudWatch cw = new CloudWatch(rig.sim, CloudWatch.DEFAULT_PERIOD);
        profile = new DailyPeakRate(40 * scale, 12 * Time.HOUR, 3.5, 90 * Time.MINUTE);
        // start with the capacity the midnight load needs, as a running service would have
        double perInstance = Rig.M5_LARGE.vcpus() * TARGET_CPU / 100;
        int initial = Math.max(min, (int) Math.ceil(profile.ratePerSecond(0) * 0.025 / perInstance));
        asg = new AutoScalingGroup(rig.sim, "web", rig.fleet,
                GroupSettings.of(min, initial, max, List.of(0, 1)).withWarmup(WARMUP),
                LaunchTemplate.of(Rig.M5_LARGE, Time.seconds(60), Time.seconds(5)), InstancesDistribution.ON_DEMAND,
                List.of(tg));
        asg.addActivityListener((now, from, to, cause) -> {
            activities.add(new long[] {now, from, to});
            causes.add(Time.format(now) + " " + from + "->" + to + " " + cause);
        });
        metrics = new GroupMetrics(cw, asg, rig.cpus, tg, null);
        latencyMs = cw.metric("AWS/ApplicationELB TargetResponseTime TargetGroup=web", true);
        requestCount = cw.metric("AWS/ApplicationELB RequestCount TargetGroup=web");
        asg.addPolicy(TargetTrackingPolicy.aws(metrics.cpuUtilization(), Statistic.AVERAGE, TARGET_CPU));
        this.predictive = predictive
                ? new PredictiveScalingPolicy(metrics.busyVcpuSeconds(), perInstance, Time.seconds(300)) : null;
        if (predictive) {
            asg.addPolicy(this.predictive);
        }
        source = new RequestSource(rig.sim, new PoissonArrivals(profile, rig.sim.random().stream("web/arrivals")),
                ServiceDemand.exponential(25 * Time.MILLISECOND, rig.sim.random().stream("web/service")), this);
        metrics.desiredCapacity().addListener((m, d) -> record(d.periodEnd()));
        asg.start();
        source.start(TRAFFIC_FROM);
    }

    void run(long duration) {
        rig.sim.runUntil(duration);
        integrate();
    }

    @Override
    public boolean accept(long workMicros) {
        requestCount.record(1);
        if (!lb.accept(workMicros)) {
            return false;
        }
        integrate();
        inSystem++;
        return true;
    }

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        latencyMs.record((now - arrivalTime) / 1000.0);
        integrate();
        inSystem--;
    }

    private void integrate() {
        long now = rig.sim.now();
        area += (double) inSystem * (now - lastChange);
        lastChange = now;
    }

    /** Time-average number of requests in the system so far. */
    double meanInSystem() {
        return area / lastChange;
    }

    private void record(long periodEnd) {
        Datapoint cpu = metrics.cpuUtilization().latest();
        rows.add(new Row(periodEnd, profile.ratePerSecond(periodEnd - Time.MINUTE / 2),
                asg.desiredCapacity(), asg.inServiceCount(), cpu.value(Statistic.AVERAGE),
                cpu.value(Statistic.MAXIMUM), requestCount.latest() == null ? 0 : requestCount.latest().sum(),
                latencyMs.latest() == null ? Double.NaN : latencyMs.latest().p99()));
    }

    /**
     * Steady-state periods: the group is above its minimum and its desired capacity has not
     * changed for the last {@code settle} (the metric reflects the current capacity).
     */
    List<Row> steadyState(long settle) {
        List<Row> steady = new ArrayList<>();
        for (Row r : rows) {
            if (r.desired() <= asg.minSize() || Double.isNaN(r.cpuAverage())) {
                continue;
            }
            boolean changed = false;
            for (long[] a : activities) {
                if (a[0] > r.periodEnd() - settle && a[0] <= r.periodEnd()) {
                    changed = true;
                    break;
                }
            }
            if (!changed) {
                steady.add(r);
            }
        }
        return steady;
    }

    /** Mean of the per-period group CPU averages. */
    /**
     * Steady-state periods in the strict sense: {@link #steadyState} periods in which the load
     * itself is steady, its rate within {@code tolerance} (relative) of the rate
     * {@code window} earlier.
     */
    List<Row> steadyLoad(long settle, long window, double tolerance) {
        List<Row> steady = new ArrayList<>();
        for (Row r : steadyState(settle)) {
            double before = profile.ratePerSecond(Math.max(0, r.periodEnd() - window));
            if (Math.abs(r.ratePerSecond() - before) <= tolerance * r.ratePerSecond()) {
                steady.add(r);
            }
        }
        return steady;
    }

    static double meanCpu(List<Row> rows) {
        return rows.stream().mapToDouble(Row::cpuAverage).average().orElse(Double.NaN);
    }

    /** Fleet CPU: busy over capacity, i.e. the per-period averages weighted by instances in service. */
    static double fleetCpu(List<Row> rows) {
        double busy = 0;
        double capacity = 0;
        for (Row r : rows) {
            busy += r.cpuAverage() * r.inService();
            capacity += r.inService();
        }
        return busy / capacity;
    }

    /**
     * The mean CPU the best whole number of instances would give in the same periods: with busy
     * vCPUs {@code D}, {@code ceil(D / (2 * target))} instances, the fewest that keep CPU at or
     * below the target.
     */
    static double bestWholeInstanceCpu(List<Row> rows) {
        double sum = 0;
        for (Row r : rows) {
            double busy = r.cpuAverage() / 100 * 2 * r.inService();
            int n = (int) Math.ceil(busy / (2 * TARGET_CPU / 100) - 1e-9);
            sum += 100 * busy / (2 * n);
        }
        return sum / rows.size();
    }

    void writeCsv(Path file) {
        StringBuilder b = new StringBuilder(
                "minute,rate_per_s,desired,in_service,cpu_avg_pct,cpu_max_pct,requests,latency_p99_ms\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%d,%.2f,%d,%d,%.2f,%.2f,%.0f,%.1f%n", r.periodEnd() / Time.MINUTE,
                    r.ratePerSecond(), r.desired(), r.inService(), r.cpuAverage(), r.cpuMaximum(), r.requests(),
                    r.latencyP99Ms()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, b);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
