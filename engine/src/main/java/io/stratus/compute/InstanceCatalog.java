package io.stratus.compute;

import io.stratus.util.Suggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 instance types known to the simulator, read from the real catalogue bundled with the
 * engine ({@code ec2-catalog-us-east-1.csv}: 1,363 types from Karpenter's generated tables, July
 * 2026, with us-east-1 Linux on-demand prices; see the PROVENANCE.md beside it).
 */
public final class InstanceCatalog {

    /** The bundled resource. */
    public static final String RESOURCE = "ec2-catalog-us-east-1.csv";

    private static final String HEADER = "instance_type,family,category,generation,size,vcpu,memory_gib,"
            + "instance_storage_nvme_gib,network_bandwidth_mbps,ebs_bandwidth_mbps,gpu_count,gpu_name,"
            + "gpu_memory_mib,accelerator_count,accelerator_name,cpu_manufacturer,sustained_clock_mhz,"
            + "hypervisor,arch,on_demand_usd_per_hour_us_east_1";
    private static final int COLUMNS = 20;

    private static volatile InstanceCatalog bundled;

    private final Map<String, InstanceType> byName;

    private InstanceCatalog(Map<String, InstanceType> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The bundled us-east-1 catalogue (read once, then shared: it is immutable). */
    public static InstanceCatalog bundled() {
        InstanceCatalog c = bundled;
        if (c == null) {
            synchronized (InstanceCatalog.class) {
                c = bundled;
                if (c == null) {
                    try (InputStream in = InstanceCatalog.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled catalogue " + RESOURCE + " is missing");
                        }
                        c = read(in, RESOURCE);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = c;
                }
            }
        }
        return c;
    }

    /** Reads a catalogue in the bundled CSV format; errors name the source and line. */
    public static InstanceCatalog read(InputStream in, String sourceName) throws IOException {
        Map<String, InstanceType> types = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IllegalArgumentException(sourceName + ":1: unexpected header, expected: " + HEADER);
        }
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != COLUMNS) {
                throw new IllegalArgumentException(sourceName + ":" + lineNo + ": expected " + COLUMNS
                        + " columns, found " + f.length);
            }
            try {
                InstanceType t = new InstanceType(f[0], f[1], InstanceCategory.ofCode(f[2]), f[4],
                        Integer.parseInt(f[5]), Double.parseDouble(f[6]), optionalDouble(f[7], 0),
                        (int) optionalDouble(f[8], 0), (int) optionalDouble(f[9], 0),
                        (int) optionalDouble(f[10], 0), optionalDouble(f[19], Double.NaN), f[11],
                        (int) optionalDouble(f[12], 0));
                if (types.put(t.name(), t) != null) {
                    throw new IllegalArgumentException("duplicate instance type " + t.name());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ":" + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new InstanceCatalog(types);
    }

    private static double optionalDouble(String field, double missing) {
        return field.isEmpty() ? missing : Double.parseDouble(field);
    }

    /** The type of that name, if known. */
    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The type of that name.
     *
     * @throws IllegalArgumentException naming up to three close names when it is unknown
     */
    public InstanceType get(String name) {
        InstanceType t = byName.get(name);
        if (t == null) {
            List<String> close = closeNames(name, 3);
            throw new IllegalArgumentException("unknown instance type '" + name + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
        }
        return t;
    }

    /** Every type, in catalogue order. */
    public List<InstanceType> all() {
        return List.copyOf(byName.values());
    }

    /** Number of types. */
    public int size() {
        return byName.size();
    }

    /**
     * The physical host of a family: the resources of its {@code metal} size where the family has
     * one, otherwise of its largest size (a host is at least as big as the biggest instance EC2
     * sells on it).
     */
    public InstanceType hostShapeOf(String family) {
        InstanceType best = null;
        for (InstanceType t : byName.values()) {
            if (!t.family().equals(family)) {
                continue;
            }
            if (t.size().equals("metal")) {
                return t;
            }
            if (best == null || t.vcpus() > best.vcpus()) {
                best = t;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("unknown instance family '" + family + "'");
        }
        return best;
    }

    /** Up to {@code limit} known names closest to {@code name}. */
    public List<String> closeNames(String name, int limit) {
        return Suggestions.closest(name, byName.keySet(), limit);
    }
}
