package io.stratus.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CloudWatch metric alarm, evaluated each time its metric closes a period.
 *
 * <p>Evaluation over the last M datapoints: ALARM if at least N breach; otherwise OK if at
 * least one is present; INSUFFICIENT_DATA if all are missing (with {@link MissingData#MISSING}).
 * It starts in INSUFFICIENT_DATA. State-change actions (topics) run once per transition;
 * <em>repeating</em> actions (Auto Scaling policies) run at every evaluation while the alarm is
 * in ALARM, as CloudWatch does for Auto Scaling actions.
 *
 * <p>An alarm's period may be a whole multiple of its metric's: then each of its datapoints
 * combines that many of the metric's (sample counts, sums, minimums and maximums combine
 * exactly; a p99 cannot be combined and reads as missing).
 */
public final class Alarm implements DatapointListener {

    private static final byte MISSING = 0;
    private static final byte BREACHING = 1;
    private static final byte NOT_BREACHING = 2;

    private final String name;
    private final AlarmSettings settings;
    private final byte[] window;
    private final List<AlarmAction> onAlarm = new ArrayList<>();
    private final List<AlarmAction> onOk = new ArrayList<>();
    private final List<AlarmAction> onInsufficientData = new ArrayList<>();
    private final List<AlarmAction> whileInAlarm = new ArrayList<>();
    private int filled;
    private int next;
    private AlarmState state = AlarmState.INSUFFICIENT_DATA;
    private double lastValue = Double.NaN;
    private long transitions;
    private long alarms;
    private long alarmSince;
    private long timeInAlarm;

    /** An alarm on {@code metric}, one datapoint per period of the metric; it subscribes itself. */
    public Alarm(String name, Metric metric, AlarmSettings settings) {
        this(name, metric, settings, 1);
    }

    /**
     * An alarm on {@code metric} whose period is {@code metricPeriods} of the metric's; it
     * subscribes itself.
     */
    public Alarm(String name, Metric metric, AlarmSettings settings, int metricPeriods) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.window = new byte[settings.evaluationPeriods()];
        if (metricPeriods < 1) {
            throw new IllegalArgumentException("an alarm's period is at least one of its metric's, got "
                    + metricPeriods);
        }
        metric.addListener(metricPeriods == 1 ? this : new PeriodRollup(metricPeriods, this));
    }

    /** The alarm's name. */
    public String name() {
        return name;
    }

    /** Its settings. */
    public AlarmSettings settings() {
        return settings;
    }

    /** Its current state. */
    public AlarmState state() {
        return state;
    }

    /** The statistic's value in the last datapoint (NaN if missing). */
    public double lastValue() {
        return lastValue;
    }

    /** State changes so far. */
    public long transitions() {
        return transitions;
    }

    /** Times the alarm entered ALARM so far. */
    public long alarms() {
        return alarms;
    }

    /** Total time spent in ALARM up to {@code now} (not before the last evaluation). */
    public long timeInAlarm(long now) {
        return timeInAlarm + (state == AlarmState.ALARM ? Math.max(0, now - alarmSince) : 0);
    }

    /** Runs {@code action} each time the alarm enters ALARM. */
    public void onAlarm(AlarmAction action) {
        onAlarm.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs {@code action} each time the alarm enters OK. */
    public void onOk(AlarmAction action) {
        onOk.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs {@code action} each time the alarm enters INSUFFICIENT_DATA. */
    public void onInsufficientData(AlarmAction action) {
        onInsufficientData.add(Objects.requireNonNull(action, "action"));
    }

    /** Runs {@code action} at every evaluation that finds the alarm in ALARM (scaling policies). */
    public void whileInAlarm(AlarmAction action) {
        whileInAlarm.add(Objects.requireNonNull(action, "action"));
    }

    @Override
    public void datapoint(Metric metric, Datapoint d) {
        lastValue = d.value(settings.statistic());
        byte verdict;
        if (d.isMissing() || Double.isNaN(lastValue)) {
            switch (settings.missingData()) {
                case IGNORE:
                    return;
                case BREACHING:
                    verdict = BREACHING;
                    break;
                case NOT_BREACHING:
                    verdict = NOT_BREACHING;
                    break;
                default:
                    verdict = MISSING;
            }
        } else {
            verdict = settings.comparison().breaches(lastValue, settings.threshold()) ? BREACHING : NOT_BREACHING;
        }
        window[next] = verdict;
        next = (next + 1) % window.length;
        filled = Math.min(filled + 1, window.length);
        AlarmState evaluated = evaluate();
        long now = d.periodEnd();
        if (evaluated != state) {
            if (state == AlarmState.ALARM) {
                timeInAlarm += now - alarmSince;
            } else if (evaluated == AlarmState.ALARM) {
                alarms++;
                alarmSince = now;
            }
            state = evaluated;
            transitions++;
            List<AlarmAction> actions = evaluated == AlarmState.ALARM ? onAlarm
                    : evaluated == AlarmState.OK ? onOk : onInsufficientData;
            for (int i = 0; i < actions.size(); i++) {
                actions.get(i).invoke(this, evaluated, now);
            }
        }
        if (state == AlarmState.ALARM) {
            for (int i = 0; i < whileInAlarm.size(); i++) {
                whileInAlarm.get(i).invoke(this, state, now);
            }
        }
    }

    private AlarmState evaluate() {
        int breaching = 0;
        int present = 0;
        for (int i = 0; i < filled; i++) {
            if (window[i] == BREACHING) {
                breaching++;
            }
            if (window[i] != MISSING) {
                present++;
            }
        }
        if (breaching >= settings.datapointsToAlarm()) {
            return AlarmState.ALARM;
        }
        return present == 0 ? AlarmState.INSUFFICIENT_DATA : AlarmState.OK;
    }
}
