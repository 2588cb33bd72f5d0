package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.messaging.QueueSettings;
import io.stratus.scaling.InstanceWarmup;
import io.stratus.sim.Time;

/** Reads one queue under {@code queues:}: its producers, its settings and its worker group. */
final class QueueSection {

    private QueueSection() {
    }

    static QueueConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                            TraceRoots baseDir, Tenants tenants, PlacementGroupNames groups) {
        node.allowOnly("messages", "visibility-timeout", "retention", "max-receives", "failure", "workers",
                "max-messages");
        ConfigNode messages = node.child("messages", true);
        messages.allowOnly("arrival", "work", "distribution", "size");
        ArrivalSpec arrivals = ArrivalSection.read(messages.child("arrival", true), baseDir);
        long work = messages.unit("work", Time.SECOND, true, Units::duration, 1L, Time.HOUR, "allowed from 1us to 1h");
        String distribution = messages.oneOf("distribution", "exponential", ServiceSection.DISTRIBUTIONS);
        double size = messages.unit("size", QueueConfig.DEFAULT_MESSAGE_BYTES, false, Units::bytes, 0.0, 262_144.0,
                "allowed from 0B to 256KiB (the SQS maximum)");
        long visibility = node.unit("visibility-timeout", 30 * Time.SECOND, false, Units::duration, Time.SECOND,
                12 * Time.HOUR, "allowed from 1s to 12h");
        long retention = node.unit("retention", QueueSettings.DEFAULT_RETENTION, false, Units::duration, Time.MINUTE,
                14 * Time.DAY, "allowed from 1m to 14d");
        long maxReceives = node.integer("max-receives", 3, 1, 1000, false);
        Double failure = node.unit("failure", 0.0, false, Units::percent, 0.0, 0.99, "allowed from 0% to 99%");
        long maxMessages = node.integer("max-messages", ScenarioLimits.DEFAULT_MAX_MESSAGES, 1,
                ScenarioLimits.MAX_MESSAGES, false);
        ConfigNode workers = node.child("workers", true);
        workers.allowOnly("launch", "min", "max", "backlog-per-instance", "warm-up", "cooldown");
        LaunchSection launch = LaunchSection.read(workers.child("launch", true), name, "queues." + name + ".workers",
                region, catalog, tenants, groups);
        long min = workers.integer("min", 1, 0, ScenarioLimits.MAX_INSTANCES, true);
        long max = workers.integer("max", 1, 1, ScenarioLimits.MAX_INSTANCES, true);
        if (min > max) {
            workers.problem("min", "min (" + min + ") is above max (" + max + ")");
        }
        double backlog = workers.number("backlog-per-instance", 100, 1, 1e9, false);
        Long groupWarmup = AutoScalingSection.groupWarmup(workers);
        long cooldown = AutoScalingSection.cooldown(workers);
        long warmup = InstanceWarmup.effective(groupWarmup == null ? InstanceWarmup.NOT_SET : groupWarmup,
                InstanceWarmup.NOT_SET, cooldown);
        if (arrivals == null || launch.type() == null) {
            return null;
        }
        return new QueueConfig(name, arrivals, work, distribution, visibility, retention, (int) maxReceives, failure,
                launch.spec(), (int) min, (int) max, backlog, warmup, cooldown, maxMessages, size);
    }
}
