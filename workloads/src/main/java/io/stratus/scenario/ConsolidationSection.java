package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.infra.HostPowerModel;
import io.stratus.trace.TraceFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code consolidation:} section: the VMs' utilisation trace, the instance types they
 * run as, the optional host power model and the optional live-migration policy. The hosts are the region's, the placement policy the
 * scenario's {@code placement:}.
 */
final class ConsolidationSection {

    /**
     * Trace formats the VMs can replay: utilisation samples on the fixed grid of
     * {@link io.stratus.run.ConsolidationRun#STEP} (the other utilisation formats have irregular or other steps).
     */
    static final List<String> FORMATS = List.of(TraceFormat.PLANETLAB.id());

    private ConsolidationSection() {
    }

    static ConsolidationConfig read(ConfigNode node, RegionConfig region, InstanceCatalog catalog, TraceRoots baseDir) {
        node.allowOnly("name", "vms", "power", "migration");
        String name = node.string("name", "consolidation", false);
        ConfigNode vms = node.child("vms", true);
        vms.allowOnly("trace", "types", "count");
        long count = vms.integer("count", ConsolidationConfig.ALL_VMS, 1, ScenarioLimits.MAX_INSTANCES, false);
        ConfigNode trace = vms.child("trace", true);
        trace.allowOnly("format", "path");
        String format = trace.oneOf("format", null, FORMATS);
        if (trace.isMapping() && !trace.has("format")) {
            trace.problem("format", "give the trace's format: " + String.join(", ", FORMATS));
        }
        Path path = TracePaths.existingFileOrDirectory(trace, "path", baseDir);
        List<InstanceType> types = types(vms, region, catalog);
        HostPowerModel power = power(node.child("power", false));
        MigrationConfig migration = migration(node.child("migration", false));
        if (region != null && region.host().memoryOvercommitted()) {
            node.problem("vms", "the consolidation model reserves each VM's memory and never pages: the region's "
                    + "hosts must not overcommit memory (remove region.hosts.overcommit.memory)");
        }
        if (format == null || path == null || types == null) {
            return null;
        }
        return new ConsolidationConfig(name, TraceFormat.named(format), path, types, power, migration, (int) count);
    }

    private static List<InstanceType> types(ConfigNode vms, RegionConfig region, InstanceCatalog catalog) {
        List<String> names = vms.strings("types", true);
        if (vms.has("types") && names.isEmpty()) {
            vms.problem("types", "give at least one instance type, such as [m1.small]");
        }
        List<InstanceType> out = new ArrayList<>();
        boolean ok = !names.isEmpty();
        for (String typeName : names) {
            InstanceType type;
            try {
                type = catalog.get(typeName);
            } catch (IllegalArgumentException e) {
                vms.problem("types", e.getMessage());
                ok = false;
                continue;
            }
            if (!type.isPriced()) {
                vms.problem("types", "instance type " + typeName + " has no on-demand price in the catalogue");
                ok = false;
            } else if (type.isBurstable()) {
                vms.problem("types", typeName + " is burstable: the consolidation model does not earn or spend "
                        + "CPU credits; choose a fixed-performance type such as m1.small or c6g.medium");
                ok = false;
            } else if (region != null && (type.vcpus() > region.host().threads()
                    || type.memoryMib() > region.host().memoryMib())) {
                vms.problem("types", typeName + " (" + type.vcpus() + " vCPUs, " + type.memoryGib()
                        + " GiB) does not fit on a " + region.host().name() + " (" + region.host().threads()
                        + " threads, " + region.host().memoryMib() / 1024 + " GiB)");
                ok = false;
            }
            out.add(type);
        }
        return ok ? out : null;
    }

    private static MigrationConfig migration(ConfigNode node) {
        if (!node.isMapping()) {
            return null;
        }
        node.allowOnly("upper", "lower", "bandwidth-mbps", "degradation");
        String range = "allowed from 0% to 100%";
        double upper = node.unit("upper", 0.8, false, Units::percent, 0.0, 1.0, range);
        double lower = node.unit("lower", 0.2, false, Units::percent, 0.0, 1.0, range);
        double bandwidth = node.number("bandwidth-mbps", 1000, 1, 1_000_000, false);
        double degradation = node.unit("degradation", MigrationConfig.DEFAULT_DEGRADATION, false, Units::percent,
                0.0, 1.0, range);
        if (!(lower < upper)) {
            node.problem("lower", "the lower threshold (" + Math.round(lower * 100) + "%) must be below the upper ("
                    + Math.round(upper * 100) + "%)");
            return null;
        }
        if (upper == 0) {
            node.problem("upper", "an upper threshold of 0% would empty every host; give more than 0%");
            return null;
        }
        return new MigrationConfig(upper, lower, bandwidth, degradation);
    }

    private static HostPowerModel power(ConfigNode node) {
        if (!node.isMapping()) {
            return null;
        }
        node.allowOnly("idle-watts", "peak-watts");
        double idle = node.number("idle-watts", 0, 0, 100_000, true);
        double peak = node.number("peak-watts", 0, 0, 100_000, true);
        if (node.has("idle-watts") && node.has("peak-watts") && peak < idle) {
            node.problem("peak-watts", peak + " W is below the idle power of " + idle
                    + " W; a busy host draws at least its idle power");
            return null;
        }
        return node.has("idle-watts") && node.has("peak-watts") ? new HostPowerModel(idle, peak) : null;
    }
}
