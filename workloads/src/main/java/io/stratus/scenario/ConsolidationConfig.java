package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.infra.HostPowerModel;
import io.stratus.trace.TraceFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A consolidation workload: a fixed fleet of long-running VMs, one per series of a utilisation
 * trace, placed on the region's hosts at time 0 and running for the whole run, each demanding the
 * trace's utilisation of its vCPUs in each interval; optionally live-migrated between hosts by a
 * threshold policy.
 *
 * @param name   the name of the workload in reports (the metrics rows' service column)
 * @param format the trace format (one whose records are utilisation samples, such as {@code planetlab})
 * @param path   the trace: a file, or a directory of one file per VM
 * @param types  the instance types the VMs run as, taken in turn: VM {@code i} (in trace order)
 *               runs as {@code types.get(i % types.size())}
 * @param power  the host power model, or null for no energy figure
 * @param migration the dynamic consolidation policy, or null for static placement
 * @param count  the VMs to run: the trace's first {@code count} series in trace order, or
 *               {@link #ALL_VMS} for every one
 */
public record ConsolidationConfig(String name, TraceFormat format, Path path, List<InstanceType> types,
                                  HostPowerModel power, MigrationConfig migration, int count) {

    /** {@code count} for every VM of the trace. */
    public static final int ALL_VMS = Integer.MAX_VALUE;

    public ConsolidationConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
        types = List.copyOf(types);
        if (count < 1) {
            throw new IllegalArgumentException("a consolidation runs at least one VM, got " + count);
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("a consolidation needs at least one instance type");
        }
    }

    /** A consolidation of every VM of its trace. */
    public ConsolidationConfig(String name, TraceFormat format, Path path, List<InstanceType> types,
                               HostPowerModel power, MigrationConfig migration) {
        this(name, format, path, types, power, migration, ALL_VMS);
    }

    /** The instance type of the {@code i}-th VM of the trace. */
    public InstanceType typeOf(int i) {
        return types.get(i % types.size());
    }
}
