package io.stratus.compute;

import io.stratus.hypervisor.VcpuSpeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU performance of every instance type of a catalogue, fitted from CoreMark.
 *
 * <p>Data: {@code ec2-coremark.csv}, bundled beside the instance catalogue (vantage-sh
 * ec2instances.info, MIT; see its PROVENANCE.md and VAN_LICENSE): per type, CoreMark iterations
 * per second single-threaded and with one thread per vCPU, and the CPU model and topology.
 *
 * <p>Fit, for a measured type: its single-thread speed is its single-thread CoreMark divided by
 * that of the reference vCPU ({@value #REFERENCE_TYPE}, a hyperthread of a Xeon Platinum 8259CL,
 * CoreMark about 21,206/s); its all-busy fraction is its all-vCPU CoreMark divided by vCPUs times
 * its single-thread CoreMark; its vCPUs per core are its measured threads over cores (else its
 * processor's). Under {@link VcpuSpeed}'s model a lone busy vCPU then reproduces the type's
 * single-thread figure and all busy vCPUs its all-vCPU figure.
 *
 * <p>A type without both figures gets the medians (speed and all-busy fraction) of the measured
 * types of its instance family, or of the measured family its name extends ({@code m5dn} from
 * {@code m5d}, then {@code m5}), else of its processor family; its {@link CpuPerformance#source}
 * says which. A family's processor is the one most of its measured types run on, else
 * {@link ProcessorFamily#ofFamilyName}.
 *
 * <p>Simplifications: CoreMark is an integer, cache-resident benchmark; memory-bound or
 * floating-point work may rank types differently. The two runs were taken months apart (single
 * thread December 2025, all-vCPU 2026), so run-to-run noise of a few percent is in the figures.
 */
public final class PerformanceCatalog {

    /** The bundled resource. */
    public static final String RESOURCE = "ec2-coremark.csv";
    /** The type whose single-thread CoreMark defines speed 1: m5.large, a Xeon Platinum 8259CL hyperthread. */
    public static final String REFERENCE_TYPE = "m5.large";

    private static final String HEADER = "instance_type,coremark_st_iterations_per_s,coremark_mt_iterations_per_s,"
            + "cpu_model,cores,threads";

    private final InstanceCatalog catalog;
    private final double referenceSingle;
    private final Map<String, CpuPerformance> measured = new LinkedHashMap<>();
    private final Map<String, List<CpuPerformance>> measuredByFamily = new HashMap<>();
    private final Map<ProcessorFamily, List<CpuPerformance>> measuredByProcessor = new EnumMap<>(ProcessorFamily.class);
    private final Map<String, CpuPerformance> byType = new HashMap<>();
    private final Map<String, ProcessorFamily> familyProcessor;

    private PerformanceCatalog(InstanceCatalog catalog, List<String[]> rows, String sourceName) {
        this.catalog = catalog;
        Map<String, String[]> byName = new HashMap<>();
        for (String[] r : rows) {
            byName.put(r[0], r);
        }
        String[] reference = byName.get(REFERENCE_TYPE);
        if (reference == null) {
            throw new IllegalArgumentException(sourceName + ": the reference type " + REFERENCE_TYPE + " is missing");
        }
        referenceSingle = Double.parseDouble(reference[1]);
        for (String[] r : rows) {
            Optional<InstanceType> type = catalog.find(r[0]);
            if (type.isEmpty()) {
                continue; // measured, but not sold in the catalogue's region
            }
            CpuPerformance p = fit(type.get(), r);
            measured.put(p.type(), p);
            measuredByFamily.computeIfAbsent(type.get().family(), f -> new ArrayList<>()).add(p);
        }
        Map<String, ProcessorFamily> familyProcessor = new HashMap<>();
        for (Map.Entry<String, List<CpuPerformance>> e : measuredByFamily.entrySet()) {
            ProcessorFamily processor = majority(e.getValue());
            familyProcessor.put(e.getKey(), processor);
            measuredByProcessor.computeIfAbsent(processor, k -> new ArrayList<>()).addAll(e.getValue());
        }
        this.familyProcessor = familyProcessor;
        for (InstanceType t : catalog.all()) {
            byType.put(t.name(), resolve(t));
        }
    }

    /** The performance of the bundled catalogue's types (read once, then shared: it is immutable). */
    public static PerformanceCatalog bundled() {
        return Bundled.INSTANCE;
    }

    /** Holds the bundled figures, read when first asked for (the JVM's lazy class initialisation). */
    private static final class Bundled {
        static final PerformanceCatalog INSTANCE = load();

        private static PerformanceCatalog load() {
            try (InputStream in = PerformanceCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled CPU benchmark data " + RESOURCE + " is missing");
                }
                return read(InstanceCatalog.bundled(), in, RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads CoreMark figures in the bundled CSV format for the types of {@code catalog}. */
    public static PerformanceCatalog read(InstanceCatalog catalog, InputStream in, String sourceName)
            throws IOException {
        List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(sourceName + ":1: unexpected header, expected: " + HEADER);
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(row(lines.get(i), sourceName + ":" + (i + 1)));
            }
        }
        return new PerformanceCatalog(catalog, rows, sourceName);
    }

    /** The fields of one data line, checked; {@code where} is its file and line for messages. */
    private static String[] row(String line, String where) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException(where + ": expected 6 columns, found " + f.length);
        }
        try {
            if (!(Double.parseDouble(f[1]) > 0) || !(Double.parseDouble(f[2]) > 0)) {
                throw new IllegalArgumentException("CoreMark figures must be positive");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return f;
    }

    private CpuPerformance fit(InstanceType type, String[] r) {
        double single = Double.parseDouble(r[1]);
        double all = Double.parseDouble(r[2]);
        ProcessorFamily processor = ProcessorFamily.ofModel(r[3]);
        if (processor == null) {
            processor = ProcessorFamily.ofFamilyName(type.family());
        }
        int threadsPerCore = processor.threadsPerCore();
        if (!r[4].isEmpty() && !r[5].isEmpty()) {
            int cores = Integer.parseInt(r[4]);
            int threads = Integer.parseInt(r[5]);
            threadsPerCore = cores > 0 && threads >= 2 * cores ? 2 : 1;
        }
        VcpuSpeed speed = new VcpuSpeed(single / referenceSingle, threadsPerCore, all / (single * type.vcpus()));
        return new CpuPerformance(type.name(), processor, speed, CpuPerformance.Source.MEASURED, single, all);
    }

    private static ProcessorFamily majority(List<CpuPerformance> types) {
        int[] count = new int[ProcessorFamily.values().length];
        for (CpuPerformance p : types) {
            count[p.processor().ordinal()]++;
        }
        int best = 0;
        for (int i = 1; i < count.length; i++) {
            if (count[i] > count[best]) {
                best = i;
            }
        }
        return ProcessorFamily.values()[best];
    }

    private CpuPerformance resolve(InstanceType type) {
        CpuPerformance own = measured.get(type.name());
        if (own != null) {
            return own;
        }
        ProcessorFamily processor = processorOfFamily(type.family());
        String measuredFamily = measuredFamilyOf(type.family());
        List<CpuPerformance> group = measuredFamily != null ? measuredByFamily.get(measuredFamily)
                : measuredByProcessor.get(processor == ProcessorFamily.GRAVITON_5 ? ProcessorFamily.GRAVITON_4 : processor);
        if (group == null || group.isEmpty()) {
            group = measuredByProcessor.get(majority(new ArrayList<>(measured.values())));
        }
        double[] speeds = new double[group.size()];
        double[] fractions = new double[group.size()];
        for (int i = 0; i < speeds.length; i++) {
            speeds[i] = group.get(i).speed().speed();
            fractions[i] = group.get(i).speed().allBusyFraction();
        }
        VcpuSpeed speed = new VcpuSpeed(median(speeds), processor.threadsPerCore(), median(fractions));
        return new CpuPerformance(type.name(), processor, speed, measuredFamily != null
                ? CpuPerformance.Source.INSTANCE_FAMILY : CpuPerformance.Source.PROCESSOR_FAMILY, Double.NaN, Double.NaN);
    }

    /** The measured family that is {@code family} or that its name extends the most (m5dn: m5d, else m5). */
    private String measuredFamilyOf(String family) {
        for (int end = family.length(); end >= 2; end--) {
            String prefix = family.substring(0, end);
            if (measuredByFamily.containsKey(prefix) && ProcessorFamily.ofFamilyName(prefix)
                    == ProcessorFamily.ofFamilyName(family)) {
                return prefix;
            }
        }
        return null;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * The processor of the hosts of an instance family: the one most of its measured types run
     * on, else that of the measured family its name extends, else {@link ProcessorFamily#ofFamilyName}.
     */
    public ProcessorFamily processorOfFamily(String family) {
        ProcessorFamily p = familyProcessor.get(family);
        if (p != null) {
            return p;
        }
        String extended = measuredFamilyOf(family);
        return extended != null ? familyProcessor.get(extended) : ProcessorFamily.ofFamilyName(family);
    }

    /** The performance of {@code type} (a type outside the catalogue is judged by its family). */
    public CpuPerformance of(InstanceType type) {
        CpuPerformance p = byType.get(type.name());
        return p != null && catalog.find(type.name()).filter(type::equals).isPresent() ? p : resolve(type);
    }

    /** How {@code type}'s vCPUs work, for the hypervisor. */
    public VcpuSpeed speedOf(InstanceType type) {
        return of(type).speed();
    }

    /** The measured types, in file order. */
    public List<CpuPerformance> measuredTypes() {
        return List.copyOf(measured.values());
    }

    /** CoreMark single-thread iterations per second of the reference vCPU ({@value #REFERENCE_TYPE}). */
    public double referenceCoremarkSingle() {
        return referenceSingle;
    }

    /** The instance catalogue these figures are for. */
    public InstanceCatalog catalog() {
        return catalog;
    }
}
