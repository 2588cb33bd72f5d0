package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.trace.TraceFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code consolidation:} section: the VMs' utilisation trace, the instance types they
 * run as, and the optional host power model. The hosts are the region's, the placement policy the
 * scenario's {@code placement:}.
 */
final class ConsolidationSection {

    /**
     * Trace formats the VMs can replay: utilisation samples on the fixed grid of
     * {@link ConsolidationRun#STEP} (the other utilisation formats have irregular or other steps).
     */
    static final List<String> FORMATS = List.of(TraceFormat.PLANETLAB.id());

    private ConsolidationSection() {
    }

    static ConsolidationConfig read(ConfigNode node, RegionConfig region, InstanceCatalog catalog, Path baseDir) {
        node.allowOnly("name", "vms", "power");
        String name = node.string("name", "consolidation", false);
        ConfigNode vms = node.child("vms", true);
        vms.allowOnly("trace", "types");
        ConfigNode trace = vms.child("trace", true);
        trace.allowOnly("format", "path");
        String format = trace.oneOf("format", null, FORMATS);
        if (trace.isMapping() && !trace.has("format")) {
            trace.problem("format", "give the trace's format: " + String.join(", ", FORMATS));
        }
        Path path = TracePaths.existingFileOrDirectory(trace, "path", baseDir);
        List<InstanceType> types = types(vms, region, catalog);
        HostPowerModel power = power(node.child("power", false));
        if (region != null && region.host().memoryOvercommitted()) {
            node.problem("vms", "the consolidation model reserves each VM's memory and never pages: the region's "
                    + "hosts must not overcommit memory (remove region.hosts.overcommit.memory)");
        }
        if (format == null || path == null || types == null) {
            return null;
        }
        return new ConsolidationConfig(name, TraceFormat.named(format), path, types, power);
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
