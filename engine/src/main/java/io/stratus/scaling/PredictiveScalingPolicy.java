package io.stratus.scaling;

import io.stratus.monitor.Datapoint;
import io.stratus.monitor.Metric;
import io.stratus.sim.Time;
import java.util.Arrays;
import java.util.Objects;

/**
 * Predictive scaling (AWS "forecast and scale"): forecasts the load of the next 48 hours, hour by
 * hour, from up to 14 days of hourly history, and raises the capacity ahead of each hour.
 *
 * <p>The load metric's {@code Sum} is accumulated per hour (for example busy vCPU-seconds, or
 * requests). No forecast is made before 24 hours of history; then the model
 * ({@link SeasonalRegression}) is refitted every 6 hours on the last 14 days at most. A
 * {@code buffer} before each hour (AWS SchedulingBufferTime, default 300 s), the policy asks for
 * {@code ceil(forecast load per second / loadPerInstance)} instances, capped by the group's
 * maximum, but only if that is more than the desired capacity: it never scales in on a
 * forecast (the dynamic policies do). Hours without any datapoint count as zero load.
 */
public final class PredictiveScalingPolicy implements ScalingPolicy {

    /** The scenario name. */
    public static final String NAME = "predictive";

    /** Least history before the first forecast. */
    public static final long MIN_HISTORY = Time.DAY;
    /** Most history the model looks at. */
    public static final int MAX_HISTORY_HOURS = 14 * 24;
    /** How far ahead it forecasts. */
    public static final int FORECAST_HOURS = 48;
    /** How often the forecast is refreshed. */
    public static final long REFIT_EVERY = 6 * Time.HOUR;

    private final Metric load;
    private final double loadPerInstance;
    private final long buffer;
    private final double[] history = new double[MAX_HISTORY_HOURS];
    private int historyHours;
    private long currentHour = Long.MIN_VALUE;
    private double currentSum;
    private SeasonalRegression model;
    private long fittedAtHour = Long.MIN_VALUE;
    private long lastActedHour = Long.MIN_VALUE;
    private long fits;

    /**
     * @param load            the load metric (its Sum per period is accumulated)
     * @param loadPerInstance load per second one instance should carry (e.g. 1.2 busy vCPUs for
     *                        two vCPUs at 60 %)
     * @param buffer          how long before each hour capacity is raised
     */
    public PredictiveScalingPolicy(Metric load, double loadPerInstance, long buffer) {
        this.load = Objects.requireNonNull(load, "load");
        if (!(loadPerInstance > 0) || !Double.isFinite(loadPerInstance)) {
            throw new IllegalArgumentException("load per instance must be positive, got " + loadPerInstance);
        }
        if (buffer < 0 || buffer > Time.HOUR) {
            throw new IllegalArgumentException("buffer must be 0 to 1h, got " + Time.format(buffer));
        }
        this.loadPerInstance = loadPerInstance;
        this.buffer = buffer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Trigger trigger() {
        return new Trigger.EveryDatapoint(load);
    }

    /** Models fitted so far. */
    public long fits() {
        return fits;
    }

    /** The forecast capacity for the hour starting at {@code hourStart}, or -1 without a forecast for it. */
    public int forecastCapacity(long hourStart) {
        long hour = SeasonalRegression.hourOf(hourStart);
        if (model == null || hour < fittedAtHour || hour >= fittedAtHour + FORECAST_HOURS) {
            return -1;
        }
        double perSecond = model.forecast(hour) / 3600.0;
        return (int) Math.ceil(perSecond / loadPerInstance - 1e-9);
    }

    @Override
    public ScalingDecision decide(GroupView group, long now) {
        Datapoint d = load.latest();
        if (d != null) {
            accumulate(SeasonalRegression.hourOf(d.periodEnd() - 1), d.isMissing() ? 0 : d.sum());
        }
        long hourNow = SeasonalRegression.hourOf(now);
        if (historyHours * Time.HOUR >= MIN_HISTORY
                && (model == null || (hourNow - fittedAtHour) * Time.HOUR >= REFIT_EVERY)) {
            fit(hourNow);
        }
        long ahead = Time.plus(now, buffer);
        long nextHourStart = (SeasonalRegression.hourOf(ahead)) * Time.HOUR;
        if (nextHourStart <= lastActedHour || ahead < nextHourStart) {
            return ScalingDecision.NONE;
        }
        int capacity = forecastCapacity(nextHourStart);
        if (capacity < 0) {
            return ScalingDecision.NONE;
        }
        lastActedHour = nextHourStart;
        int wanted = Math.min(capacity, group.maxSize());
        return wanted > group.desiredCapacity() ? ScalingDecision.desired(wanted) : ScalingDecision.NONE;
    }

    private void accumulate(long hour, double sum) {
        if (currentHour == Long.MIN_VALUE) {
            currentHour = hour;
        }
        while (hour > currentHour) {
            push(currentSum);
            currentSum = 0;
            currentHour++;
        }
        currentSum += sum;
    }

    private void push(double value) {
        if (historyHours == MAX_HISTORY_HOURS) {
            System.arraycopy(history, 1, history, 0, MAX_HISTORY_HOURS - 1);
            historyHours--;
        }
        history[historyHours++] = value;
    }

    /** Fits on the complete hours before {@code currentHour}. */
    private void fit(long hourNow) {
        double[] loads = Arrays.copyOf(history, historyHours);
        model = SeasonalRegression.fit(currentHour - historyHours, loads);
        fittedAtHour = hourNow;
        fits++;
    }
}
