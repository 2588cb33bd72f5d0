package io.stratus.monitor;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of a run, closed together at the end of every period (CloudWatch's standard
 * resolution is 60 s; detailed EC2 monitoring is also 60 s, basic 300 s).
 *
 * <p>At each period boundary, in this order: every {@link PeriodSampler} publishes its samples;
 * every metric closes its period, in the order the metrics were created, telling its listeners
 * (alarms, scaling policies, writers) in the order they were added. So a run's decisions depend
 * only on the scenario and the seed. Periods start at time 0.
 */
public final class CloudWatch {

    /** The standard period. */
    public static final long DEFAULT_PERIOD = Time.MINUTE;
    /** Datapoints a metric keeps unless told otherwise: a day of one-minute periods. */
    public static final int DEFAULT_HISTORY = 1440;

    private final Simulation sim;
    private final long period;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<PeriodSampler> samplers = new ArrayList<>();
    private final int boundaryKind;
    private long periodStart;

    /** Metrics with the given period, the first ending at {@code period}. */
    public CloudWatch(Simulation sim, long period) {
        this.sim = Objects.requireNonNull(sim, "sim");
        if (period < Time.SECOND) {
            throw new IllegalArgumentException("period must be at least 1s, got " + Time.format(period));
        }
        this.period = period;
        this.boundaryKind = sim.registerKind("metrics-period", (s, d) -> closePeriod());
        this.periodStart = sim.now() - Math.floorMod(sim.now(), period);
        sim.schedule(Time.plus(periodStart, period), boundaryKind, 0, 0);
    }

    /** The period, microseconds. */
    public long period() {
        return period;
    }

    /** The metric of that name, created on first use (without percentiles). */
    public Metric metric(String name) {
        return metric(name, false);
    }

    /** The metric of that name, created on first use; {@code percentiles} tracks p99. */
    public Metric metric(String name, boolean percentiles) {
        Metric m = metrics.get(name);
        if (m == null) {
            m = new Metric(name, DEFAULT_HISTORY, percentiles);
            metrics.put(name, m);
        }
        return m;
    }

    /** Stops closing a metric's periods (for a resource that is gone). */
    public void remove(String name) {
        metrics.remove(name);
    }

    /** Every metric, in creation order. */
    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    /** Adds a sampler run at each period end, before the metrics close. */
    public void addSampler(PeriodSampler sampler) {
        samplers.add(Objects.requireNonNull(sampler, "sampler"));
    }

    private void closePeriod() {
        long end = sim.now();
        for (int i = 0; i < samplers.size(); i++) {
            samplers.get(i).sample(periodStart, end);
        }
        for (Metric m : metrics.values().toArray(new Metric[0])) {
            m.close(end);
        }
        periodStart = end;
        sim.schedule(Time.plus(end, period), boundaryKind, 0, 0);
    }
}
