package io.stratus.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.monitor.Comparison;
import io.stratus.scaling.Adjustment;
import io.stratus.scaling.ScalingDecision;
import io.stratus.scaling.Schedule;
import io.stratus.scaling.StepScalingPolicy;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a group's {@code step-scaling:}, {@code simple-scaling:} and {@code scheduled:} policies
 * (under {@code auto-scaling:}), checking each alarm they name against the scenario's
 * {@code alarms:}.
 */
final class AlarmPoliciesSection {

    static final List<String> KEYS = List.of("step-scaling", "simple-scaling", "scheduled");
    static final List<String> ADJUSTMENT_TYPES = List.of("change-in-capacity", "exact-capacity",
            "percent-change-in-capacity");
    private static final Adjustment.Type[] TYPE_OF = {Adjustment.Type.CHANGE_IN_CAPACITY,
        Adjustment.Type.EXACT_CAPACITY, Adjustment.Type.PERCENT_CHANGE_IN_CAPACITY};
    private static final long MAX = ScenarioLimits.MAX_INSTANCES;

    private AlarmPoliciesSection() {
    }

    /** The policies of the group whose {@code auto-scaling:} mapping is {@code node}, with bounds min and max. */
    static AlarmPoliciesConfig read(ConfigNode node, MonitoringConfig monitoring, long min, long max) {
        List<AlarmPoliciesConfig.StepPolicy> steps = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.child("step-scaling", false).children().entrySet()) {
            AlarmPoliciesConfig.StepPolicy p = step(e.getKey(), e.getValue(), monitoring);
            if (p != null) {
                steps.add(p);
            }
        }
        List<AlarmPoliciesConfig.SimplePolicy> simple = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.child("simple-scaling", false).children().entrySet()) {
            ConfigNode p = e.getValue();
            p.allowOnly("alarm", "adjustment-type", "adjustment", "min-adjustment-magnitude");
            AlarmConfig alarm = alarm(p, monitoring);
            String type = p.oneOf("adjustment-type", "change-in-capacity", ADJUSTMENT_TYPES);
            int magnitude = magnitude(p, type);
            Adjustment a = adjustment(p, "adjustment", type, magnitude);
            if (alarm != null && a != null) {
                simple.add(new AlarmPoliciesConfig.SimplePolicy(e.getKey(), alarm.name(), a));
            }
        }
        List<AlarmPoliciesConfig.ScheduledPolicy> scheduled = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.child("scheduled", false).children().entrySet()) {
            AlarmPoliciesConfig.ScheduledPolicy p = scheduled(e.getKey(), e.getValue(), min, max);
            if (p != null) {
                scheduled.add(p);
            }
        }
        return new AlarmPoliciesConfig(steps, simple, scheduled);
    }

    private static AlarmConfig alarm(ConfigNode p, MonitoringConfig monitoring) {
        String name = p.string("alarm", null, true);
        if (name == null) {
            return null;
        }
        AlarmConfig alarm = monitoring.alarm(name);
        if (alarm == null) {
            List<String> names = monitoring.alarms().stream().map(AlarmConfig::name).toList();
            p.problem("alarm", "no alarm named '" + name + "'; "
                    + (names.isEmpty() ? "declare it under alarms:" : "alarms: " + String.join(", ", names)));
        }
        return alarm;
    }

    private static int magnitude(ConfigNode p, String type) {
        if (p.has("min-adjustment-magnitude") && !"percent-change-in-capacity".equals(type)) {
            p.problem("min-adjustment-magnitude", "applies only with adjustment-type: percent-change-in-capacity");
        }
        return (int) p.integer("min-adjustment-magnitude", 0, 0, MAX, false);
    }

    private static Adjustment adjustment(ConfigNode p, String key, String type, int magnitude) {
        boolean exact = "exact-capacity".equals(type);
        long value = p.integer(key, 0, exact ? 0 : -MAX, MAX, true);
        if (!p.has(key) || type == null) {
            return null;
        }
        if (value == 0 && !exact) {
            p.problem(key, "an adjustment of 0 changes nothing; give a positive number to add capacity, a negative "
                    + "one to remove it");
            return null;
        }
        return new Adjustment(TYPE_OF[ADJUSTMENT_TYPES.indexOf(type)], (int) value, magnitude);
    }

    private static AlarmPoliciesConfig.StepPolicy step(String name, ConfigNode p, MonitoringConfig monitoring) {
        p.allowOnly("alarm", "adjustment-type", "min-adjustment-magnitude", "steps");
        AlarmConfig alarm = alarm(p, monitoring);
        String type = p.oneOf("adjustment-type", "change-in-capacity", ADJUSTMENT_TYPES);
        int magnitude = magnitude(p, type);
        JsonNode list = p.raw("steps");
        if (list == null || !list.isArray() || list.isEmpty()) {
            if (list == null) {
                p.string("steps", null, true);
            } else {
                p.problem("steps", "expected a list of steps such as [{ lower: 0, upper: 20, adjustment: 1 }, "
                        + "{ lower: 20, adjustment: 3 }], found " + ValueDescriptions.describe(list));
            }
            return null;
        }
        boolean above = alarm == null || alarm.settings().comparison() == Comparison.GREATER_THAN
                || alarm.settings().comparison() == Comparison.GREATER_THAN_OR_EQUAL;
        List<StepScalingPolicy.Step> steps = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            ConfigNode s = p.nodeAt(list.get(i), p.pointerOf("steps").appendIndex(i));
            if (!s.isMapping()) {
                p.problemAt(s.pointer(), "expected a step such as { lower: 0, upper: 20, adjustment: 1 }, found "
                        + ValueDescriptions.describe(list.get(i)));
                ok = false;
                continue;
            }
            s.allowOnly("lower", "upper", "adjustment");
            double lower = s.number("lower", Double.NEGATIVE_INFINITY, -1e12, 1e12, false);
            double upper = s.number("upper", Double.POSITIVE_INFINITY, -1e12, 1e12, false);
            Adjustment a = adjustment(s, "adjustment", type, magnitude);
            String problem = stepProblem(i, list.size(), s.has("lower"), s.has("upper"), lower, upper, above,
                    steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).upper());
            if (problem != null) {
                s.problem(s.has("lower") || i == 0 && !above ? "lower" : "upper", problem);
                ok = false;
            } else if (a == null) {
                ok = false;
            } else {
                steps.add(new StepScalingPolicy.Step(lower, upper, a));
            }
        }
        return ok && alarm != null ? new AlarmPoliciesConfig.StepPolicy(name, alarm.name(), steps) : null;
    }

    /** What is wrong with step {@code i} of {@code n}, or null (AWS's rules: in order, no gap, no overlap). */
    private static String stepProblem(int i, int n, boolean hasLower, boolean hasUpper, double lower, double upper,
                                      boolean above, double previousUpper) {
        String side = above ? "a greater-than alarm's steps are at or above its threshold: bounds 0 or more"
                : "a less-than alarm's steps are at or below its threshold: bounds 0 or less";
        if (above ? hasLower && lower < 0 || hasUpper && upper <= 0 : hasUpper && upper > 0 || hasLower && lower >= 0) {
            return side;
        }
        if (!hasLower && (i > 0 || above)) {
            return i > 0 ? "only the first step may leave out lower (minus infinity); give lower: " + previousUpper
                    : "give the first step a lower bound (0 for the threshold itself)";
        }
        if (!hasUpper && (i < n - 1 || !above)) {
            return i < n - 1 ? "only the last step may leave out upper (infinity)"
                    : "give the last step an upper bound (0 for the threshold itself)";
        }
        if (!(lower < upper)) {
            return "lower (" + lower + ") must be below upper (" + upper + ")";
        }
        if (i > 0 && lower != previousUpper) {
            return "steps must follow each other without gap or overlap: this step's lower must equal the previous "
                    + "step's upper (" + previousUpper + ")";
        }
        return null;
    }

    private static AlarmPoliciesConfig.ScheduledPolicy scheduled(String name, ConfigNode p, long groupMin,
                                                                 long groupMax) {
        p.allowOnly("at", "time", "days", "min", "max", "desired");
        Schedule schedule = null;
        if (p.has("at") == p.has("time")) {
            p.problem(p.has("at") ? "time" : "at", p.has("at") ? "give either at (once) or time (recurring), not both"
                    : "missing key 'at' (once, a time after the start such as 36h) or 'time' (every day or on the "
                    + "given days, such as \"08:00\")");
        } else if (p.has("at")) {
            if (p.has("days")) {
                p.problem("days", "days go with time (a recurring action), not with at (a one-time action)");
            }
            long at = p.unit("at", 0L, true, Units::duration, 0L, Units.duration(ScenarioLimits.MAX_DURATION),
                    "allowed from 0s to " + ScenarioLimits.MAX_DURATION);
            schedule = Schedule.at(at);
        } else {
            long time = WeekDays.timeOfDay(p, "time", 0, false);
            schedule = Schedule.weekly(time, WeekDays.read(p, "days"));
        }
        long min = p.integer("min", ScalingDecision.UNCHANGED, 0, MAX, false);
        long max = p.integer("max", ScalingDecision.UNCHANGED, 0, MAX, false);
        long desired = p.integer("desired", ScalingDecision.UNCHANGED, 0, MAX, false);
        if (!p.has("min") && !p.has("max") && !p.has("desired")) {
            p.problem("min", "a scheduled action sets at least one of min, max and desired");
            return null;
        }
        long effectiveMin = min == ScalingDecision.UNCHANGED ? groupMin : min;
        long effectiveMax = max == ScalingDecision.UNCHANGED ? groupMax : max;
        if (effectiveMin > effectiveMax) {
            p.problem(p.has("min") ? "min" : "max", "min (" + effectiveMin + ") would be above max (" + effectiveMax
                    + ")" + (p.has("min") && p.has("max") ? "" : "; set both min and max in this action"));
            return null;
        }
        if (desired != ScalingDecision.UNCHANGED && (desired < effectiveMin || desired > effectiveMax)) {
            p.problem("desired", "desired (" + desired + ") must be within min (" + effectiveMin + ") and max ("
                    + effectiveMax + ")");
            return null;
        }
        return schedule == null ? null
                : new AlarmPoliciesConfig.ScheduledPolicy(name, schedule, (int) min, (int) max, (int) desired);
    }
}
