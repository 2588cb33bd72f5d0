package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.HealthCheckType;
import io.stratus.scaling.InstanceWarmup;
import io.stratus.sim.Time;
import java.util.List;

/** Reads a service's {@code auto-scaling:} mapping. */
final class AutoScalingSection {

    static final List<String> METRICS = List.of("cpu", "requests-per-target");

    private AutoScalingSection() {
    }

    static final List<String> HEALTH_CHECK_TYPES = List.of("elb", "ec2");

    /** A group's {@code warm-up} (its default instance warm-up), or null when not set. */
    static Long groupWarmup(ConfigNode node) {
        return node.unit("warm-up", null, false, Units::duration, 0L, Time.HOUR, "allowed from 0s to 1h");
    }

    /** A group's {@code cooldown} (its default cooldown, 300 s unless set). */
    static long cooldown(ConfigNode node) {
        return node.unit("cooldown", GroupSettings.DEFAULT_COOLDOWN, false, Units::duration, 0L, Time.HOUR,
                "allowed from 0s to 1h");
    }

    static AutoScalingConfig read(ConfigNode node, InstanceType type, MonitoringConfig monitoring) {
        node.allowOnly("min", "desired", "max", "warm-up", "cooldown", "health-check-grace", "health-check-type",
                "target-tracking", "predictive", "step-scaling", "simple-scaling", "scheduled", "capacity-rebalance",
                "mixed-instances");
        long min = node.integer("min", 1, 0, ScenarioLimits.MAX_INSTANCES, true);
        long max = node.integer("max", min, 1, ScenarioLimits.MAX_INSTANCES, true);
        long desired = node.integer("desired", min, 0, ScenarioLimits.MAX_INSTANCES, false);
        if (min > max) {
            node.problem("min", "min (" + min + ") is above max (" + max + ")");
        } else if (desired < min || desired > max) {
            node.problem("desired", "desired (" + desired + ") must be within min (" + min + ") and max (" + max + ")");
        }
        Long groupWarmup = groupWarmup(node);
        long cooldown = cooldown(node);
        Long estimatedWarmup = null;
        long grace = node.unit("health-check-grace", 300 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                "allowed from 0s to 1h");
        HealthCheckType healthCheckType = "ec2".equals(node.oneOf("health-check-type", "elb", HEALTH_CHECK_TYPES))
                ? HealthCheckType.EC2 : HealthCheckType.ELB;
        AlarmPoliciesConfig policies = AlarmPoliciesSection.read(node, monitoring, min, max);
        String metric = null;
        double target = 0;
        if (node.has("target-tracking")) {
            ConfigNode tt = node.child("target-tracking", true);
            tt.allowOnly("metric", "target", "estimated-warm-up");
            estimatedWarmup = tt.unit("estimated-warm-up", null, false, Units::duration, 0L, Time.HOUR,
                    "allowed from 0s to 1h");
            metric = tt.oneOf("metric", "cpu", METRICS);
            target = "cpu".equals(metric)
                    ? 100 * tt.unit("target", 0.6, true, Units::percent, 0.01, 1.0, "allowed from 1% to 100%")
                    : tt.number("target", 1000, 1, 1e9, true);
        }
        boolean rebalance = node.bool("capacity-rebalance", false);
        boolean predictive = node.has("predictive");
        double perInstance = 0;
        long buffer = 0;
        if (predictive) {
            ConfigNode p = node.child("predictive", true);
            p.allowOnly("cpu-target", "buffer");
            double cpuTarget = p.unit("cpu-target", 0.6, false, Units::percent, 0.01, 1.0, "allowed from 1% to 100%");
            buffer = p.unit("buffer", 10 * Time.MINUTE, false, Units::duration, 0L, Time.HOUR, "allowed from 0s to 1h");
            perInstance = cpuTarget * (type == null ? 1 : type.vcpus());
        }
        boolean anyPolicy = AlarmPoliciesSection.KEYS.stream().anyMatch(node::has);
        if (metric == null && !predictive && !anyPolicy && node.isMapping() && min != max) {
            node.problem("min", "a group whose size can change needs a policy: target-tracking, predictive, "
                    + String.join(", ", AlarmPoliciesSection.KEYS));
        }
        long warmup = InstanceWarmup.effective(groupWarmup == null ? InstanceWarmup.NOT_SET : groupWarmup,
                estimatedWarmup == null ? InstanceWarmup.NOT_SET : estimatedWarmup, cooldown);
        return new AutoScalingConfig((int) min, (int) desired, (int) max, warmup, cooldown, grace, metric, target,
                predictive, perInstance, buffer, healthCheckType, policies, rebalance, null);
    }
}
