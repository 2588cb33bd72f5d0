package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.fault.Lifetime;
import io.stratus.fault.ScheduledHostEvent;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code faults:} section (see reference.yaml): {@code host-failures} (mean time to
 * failure and to repair, their distributions, the zones), {@code zone-outages} and
 * {@code scheduled-events} (lists), {@code auto-recovery}, {@code objective} and {@code latency}. Every zone must
 * be the region's, every time at or after 0, and every window must end within the run.
 */
final class FaultsSection {

    static final List<String> FAILURE_DISTRIBUTIONS = List.of("exponential", "weibull");
    static final List<String> REPAIR_DISTRIBUTIONS = List.of("exponential", "fixed");
    static final List<String> EVENTS = List.of("instance-retirement", "host-maintenance");
    private static final String MAX = "3650d";

    private FaultsSection() {
    }

    static FaultsConfig read(ConfigNode root, RegionConfig region, long runMicros) {
        if (!root.has("faults")) {
            return FaultsConfig.NONE;
        }
        ConfigNode node = root.child("faults", false);
        if (region == null) {
            root.problem("faults", "faults need a region: (its zones and hosts fail)");
            return FaultsConfig.NONE;
        }
        node.allowOnly("host-failures", "zone-outages", "scheduled-events", "auto-recovery", "objective", "latency");
        boolean autoRecovery = node.bool("auto-recovery", true);
        double objective = node.unit("objective", FaultsConfig.NONE.availabilityObjective(), false, Units::percent, 0.5,
                1.0, "allowed from 50% to 100%");
        long latency = duration(node, "latency", Time.MILLISECOND, false, 0);
        FaultsConfig.HostFailures failures = node.has("host-failures")
                ? hostFailures(node.child("host-failures", false), region) : null;
        List<FaultsConfig.ZoneOutageAt> outages = outages(node, region, runMicros);
        List<FaultsConfig.ScheduledEvent> events = events(node, region, runMicros);
        if (node.isMapping() && failures == null && outages.isEmpty() && events.isEmpty()) {
            root.problem("faults", "faults: needs host-failures, zone-outages or scheduled-events; leave it out for none");
        }
        return new FaultsConfig(failures, outages, events, autoRecovery, objective, Math.max(0, latency));
    }

    private static FaultsConfig.HostFailures hostFailures(ConfigNode node, RegionConfig region) {
        node.allowOnly("time-to-failure", "distribution", "shape", "repair", "repair-distribution", "zones");
        long mttf = duration(node, "time-to-failure", Time.SECOND, true, -1);
        String distribution = node.oneOf("distribution", "exponential", FAILURE_DISTRIBUTIONS);
        double shape = node.number("shape", 1.0, 0.1, 10.0, false);
        if (node.has("shape") && !"weibull".equals(distribution)) {
            node.problem("shape", "shape belongs to the weibull distribution; add distribution: weibull or remove it");
        }
        long mttr = duration(node, "repair", Time.SECOND, true, -1);
        String repairDistribution = node.oneOf("repair-distribution", "exponential", REPAIR_DISTRIBUTIONS);
        List<Integer> zones = new ArrayList<>();
        List<String> names = node.strings("zones", false);
        for (int i = 0; i < names.size(); i++) {
            int z = zone(node, node.pointerOf("zones").appendIndex(i), names.get(i), region);
            if (z >= 0) {
                zones.add(z);
            }
        }
        if (!node.has("zones")) {
            for (int z = 0; z < region.zones().size(); z++) {
                zones.add(z);
            }
        }
        if (mttf <= 0 || mttr <= 0) {
            return null;
        }
        // the mean is what the user gives; Weibull's scale follows from it and the shape
        Lifetime failure = "weibull".equals(distribution)
                ? new Lifetime.Weibull(shape, Math.max(1, Math.round(mttf / new Lifetime.Weibull(shape, 1_000_000)
                        .meanMicros() * 1_000_000)))
                : new Lifetime.Exponential(mttf);
        Lifetime repair = "fixed".equals(repairDistribution) ? new Lifetime.Fixed(mttr) : new Lifetime.Exponential(mttr);
        return new FaultsConfig.HostFailures(failure, repair, zones);
    }

    private static List<FaultsConfig.ZoneOutageAt> outages(ConfigNode node, RegionConfig region, long runMicros) {
        List<FaultsConfig.ZoneOutageAt> out = new ArrayList<>();
        for (ConfigNode entry : entries(node, "zone-outages", "{ zone: " + region.zones().get(0)
                + ", start: 12h, duration: 2h }")) {
            entry.allowOnly("zone", "start", "duration");
            String name = entry.string("zone", null, true);
            long start = duration(entry, "start", 0, true, -1);
            long length = duration(entry, "duration", Time.SECOND, true, -1);
            int z = name == null ? -1 : zone(entry, entry.pointerOf("zone"), name, region);
            if (z >= 0 && start >= 0 && length > 0 && withinRun(entry, "duration", start, length, runMicros, "outage")) {
                out.add(new FaultsConfig.ZoneOutageAt(z, start, length));
            }
        }
        return out;
    }

    private static List<FaultsConfig.ScheduledEvent> events(ConfigNode node, RegionConfig region, long runMicros) {
        List<FaultsConfig.ScheduledEvent> out = new ArrayList<>();
        for (ConfigNode entry : entries(node, "scheduled-events", "{ event: host-maintenance, zone: "
                + region.zones().get(0) + ", at: 1d, notice: 14d, window: 2h }")) {
            entry.allowOnly("event", "zone", "host", "at", "notice", "window");
            String event = entry.oneOf("event", "host-maintenance", EVENTS);
            String name = entry.string("zone", null, true);
            long host = entry.integer("host", 0, 0, region.hostsPerZone() - 1, false);
            long at = duration(entry, "at", 0, true, -1);
            long notice = duration(entry, "notice", 0, false, 0);
            boolean maintenance = "host-maintenance".equals(event);
            if (entry.has("window") && !maintenance) {
                entry.problem("window", "a retired host never comes back: window belongs to host-maintenance");
            }
            long window = maintenance ? duration(entry, "window", Time.SECOND, false, 2 * Time.HOUR) : 0;
            int z = name == null ? -1 : zone(entry, entry.pointerOf("zone"), name, region);
            boolean fits = at >= 0 && (!maintenance || window > 0 && withinRun(entry, "window", at, window, runMicros,
                    "maintenance window")) && (maintenance || at < runMicros || tooLate(entry, at, runMicros));
            if (z >= 0 && notice >= 0 && fits) {
                out.add(new FaultsConfig.ScheduledEvent(maintenance ? ScheduledHostEvent.Kind.MAINTENANCE
                        : ScheduledHostEvent.Kind.RETIREMENT, z, (int) host, at, notice, window));
            }
        }
        return out;
    }

    private static boolean tooLate(ConfigNode entry, long at, long runMicros) {
        entry.problem("at", "'" + Time.compact(at) + "' is after the run ends (" + Time.compact(runMicros)
                + "); allowed: before the end of the run");
        return false;
    }

    /** The mappings of a list key, each a node for strict reading; a problem for anything else. */
    private static List<ConfigNode> entries(ConfigNode node, String key, String example) {
        List<ConfigNode> out = new ArrayList<>();
        JsonNode list = node.raw(key);
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            node.problem(key, "expected a list such as [" + example + "], found " + ValueDescriptions.describe(list));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = node.pointerOf(key).appendIndex(i);
            ConfigNode entry = node.nodeAt(list.get(i), at);
            if (!entry.isMapping()) {
                node.problemAt(at, "expected a mapping such as " + example + ", found "
                        + ValueDescriptions.describe(list.get(i)));
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /** Whether a window from {@code start} for {@code length} ends within the run; a problem if not. */
    private static boolean withinRun(ConfigNode entry, String key, long start, long length, long runMicros,
                                     String what) {
        if (Time.plus(start, length) <= runMicros) {
            return true;
        }
        entry.problem(key, "the " + what + " would end at " + Time.compact(Time.plus(start, length))
                + ", after the run ends (" + Time.compact(runMicros) + "); allowed: a window that ends by the end "
                + "of the run");
        return false;
    }

    /** A zone of the region by name, or -1 with a problem at {@code at}. */
    private static int zone(ConfigNode node, JsonPointer at, String name, RegionConfig region) {
        int z = region.zones().indexOf(name);
        if (z < 0) {
            node.problemAt(at, "zone '" + name + "' is not in the region; its zones are "
                    + String.join(", ", region.zones()));
        }
        return z;
    }

    /**
     * A duration of at least {@code min} ({@code fallback} when absent, -1 when wrong), refusing a
     * negative one with its own message (a repair time below zero).
     */
    private static long duration(ConfigNode node, String key, long min, boolean required, long fallback) {
        String range = "allowed from " + Time.compact(min) + " to " + MAX;
        long value = node.unit(key, fallback, required, text -> {
            if (text.strip().startsWith("-")) {
                throw new IllegalArgumentException("'" + text + "' is negative; " + range + ", such as 4h");
            }
            return Units.duration(text);
        }, min, Units.duration(MAX), range);
        return value;
    }
}
