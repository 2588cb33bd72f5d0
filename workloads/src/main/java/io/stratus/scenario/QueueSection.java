package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.messaging.QueueSettings;
import io.stratus.sim.Time;
import java.nio.file.Path;

/** Reads one queue under {@code queues:}: its producers, its settings and its worker group. */
final class QueueSection {

    private QueueSection() {
    }

    static QueueConfig read(String name, ConfigNode node, RegionConfig region, InstanceCatalog catalog,
                            Path baseDir, Tenants tenants, PlacementGroupNames groups) {
        node.allowOnly("messages", "visibility-timeout", "retention", "max-receives", "failure", "workers");
        ConfigNode messages = node.child("messages", true);
        messages.allowOnly("arrival", "work", "distribution");
        ArrivalSpec arrivals = ArrivalSection.read(messages.child("arrival", true), baseDir);
        long work = messages.unit("work", Time.SECOND, true, Units::duration, 1L, Time.HOUR, "allowed from 1us to 1h");
        String distribution = messages.oneOf("distribution", "exponential", ServiceSection.DISTRIBUTIONS);
        long visibility = node.unit("visibility-timeout", 30 * Time.SECOND, false, Units::duration, Time.SECOND,
                12 * Time.HOUR, "allowed from 1s to 12h");
        long retention = node.unit("retention", QueueSettings.DEFAULT_RETENTION, false, Units::duration, Time.MINUTE,
                14 * Time.DAY, "allowed from 1m to 14d");
        long maxReceives = node.integer("max-receives", 3, 1, 1000, false);
        Double failure = node.unit("failure", 0.0, false, Units::percent, 0.0, 0.99, "allowed from 0% to 99%");
        ConfigNode workers = node.child("workers", true);
        workers.allowOnly("launch", "min", "max", "backlog-per-instance");
        LaunchSection launch = LaunchSection.read(workers.child("launch", true), name, "queues." + name + ".workers",
                region, catalog, tenants, groups);
        long min = workers.integer("min", 1, 0, ScenarioLimits.MAX_INSTANCES, true);
        long max = workers.integer("max", 1, 1, ScenarioLimits.MAX_INSTANCES, true);
        if (min > max) {
            workers.problem("min", "min (" + min + ") is above max (" + max + ")");
        }
        double backlog = workers.number("backlog-per-instance", 100, 1, 1e9, false);
        if (arrivals == null || launch.type() == null) {
            return null;
        }
        return new QueueConfig(name, arrivals, work, distribution, visibility, retention, (int) maxReceives, failure,
                launch.type(), launch.spec().bootMicros(), launch.spec().shutdownMicros(), (int) min, (int) max,
                backlog, launch.spec().placementGroup(), launch.spec().partition());
    }
}
