package io.stratus.compute;

import java.util.Locale;

/**
 * The processor generations EC2 instance types run on, as far as CPU performance goes: one
 * constant per microarchitecture family that AWS sells, grouping the custom SKUs it uses (an m5
 * runs on a Xeon Platinum 8175M or 8259CL, both Skylake-SP / Cascade Lake).
 *
 * <p>A host of an instance family has its family's processor; an instance can only run on a host
 * of its own processor ({@link PerformanceCatalog#processorOfFamily}).
 *
 * <p>{@link #threadsPerCore} is what EC2 exposes: two vCPUs per core (hyperthreads) on Intel and
 * on AMD EPYC up to the 3rd generation, one (a vCPU is a core) on Graviton and on AMD EPYC from the
 * 4th generation (7a, 8a). A measured type's own topology overrides it.
 */
public enum ProcessorFamily {
    INTEL_XEON_E5_E7("Intel Xeon E5/E7 v2-v4 (Ivy Bridge to Broadwell)", 2),
    INTEL_XEON_SCALABLE_1_2("Intel Xeon Scalable 1st/2nd gen (Skylake-SP, Cascade Lake: 81xx, 82xx)", 2),
    INTEL_XEON_SCALABLE_3("Intel Xeon Scalable 3rd gen (Ice Lake: 83xx)", 2),
    INTEL_XEON_SCALABLE_4_5("Intel Xeon Scalable 4th/5th gen (Sapphire Rapids, Emerald Rapids: 84xx, 85xx)", 2),
    INTEL_XEON_6("Intel Xeon 6 (Granite Rapids: 6975P-C)", 2),
    AMD_EPYC_1("AMD EPYC 1st gen (Naples: 7571)", 2),
    AMD_EPYC_2("AMD EPYC 2nd gen (Rome: 7R32)", 2),
    AMD_EPYC_3("AMD EPYC 3rd gen (Milan: 7R13)", 2),
    AMD_EPYC_4("AMD EPYC 4th gen (Genoa: 9R14)", 1),
    AMD_EPYC_5("AMD EPYC 5th gen (Turin: 9R45, 9R05)", 1),
    GRAVITON_1("AWS Graviton (Cortex-A72)", 1),
    GRAVITON_2("AWS Graviton2 (Neoverse N1)", 1),
    GRAVITON_3("AWS Graviton3 (Neoverse V1)", 1),
    GRAVITON_4("AWS Graviton4 (Neoverse V2)", 1),
    GRAVITON_5("AWS Graviton5 (unmeasured: Graviton4's figures)", 1);

    private final String description;
    private final int threadsPerCore;

    ProcessorFamily(String description, int threadsPerCore) {
        this.description = description;
        this.threadsPerCore = threadsPerCore;
    }

    /** What it is, for reports. */
    public String description() {
        return description;
    }

    /** vCPUs per physical core that EC2 exposes on it. */
    public int threadsPerCore() {
        return threadsPerCore;
    }

    /** The name used in scenario files and reports, such as {@code intel-xeon-scalable-3}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The family of a CPU model string as /proc/cpuinfo gives it (such as
     * {@code Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz}), or null if it is empty or unknown.
     */
    public static ProcessorFamily ofModel(String model) {
        String m = model.toUpperCase(Locale.ROOT);
        if (m.contains("EPYC")) {
            if (m.contains("EPYC 7571")) {
                return AMD_EPYC_1;
            }
            if (m.contains("EPYC 7R32")) {
                return AMD_EPYC_2;
            }
            if (m.contains("EPYC 7R13")) {
                return AMD_EPYC_3;
            }
            if (m.contains("EPYC 9R14")) {
                return AMD_EPYC_4;
            }
            return m.contains("EPYC 9R45") || m.contains("EPYC 9R05") ? AMD_EPYC_5 : null;
        }
        if (!m.contains("XEON")) {
            return null;
        }
        if (m.contains(" E5-") || m.contains(" E7-")) {
            return INTEL_XEON_E5_E7;
        }
        if (m.contains("PLATINUM 81") || m.contains("PLATINUM 82")) {
            return INTEL_XEON_SCALABLE_1_2;
        }
        if (m.contains("PLATINUM 83")) {
            return INTEL_XEON_SCALABLE_3;
        }
        if (m.contains("PLATINUM 84") || m.contains("PLATINUM 85")) {
            return INTEL_XEON_SCALABLE_4_5;
        }
        return m.contains("XEON(R) 6") ? INTEL_XEON_6 : null;
    }

    /**
     * The processor of an instance family judged from its name alone (for a family with no
     * measured type): Graviton where a {@code g} follows the generation digit (or {@code a1}), AMD
     * where an {@code a} does, Intel otherwise; the generation digit picks the processor generation
     * (Intel 5: Skylake/Cascade Lake, 6: Ice Lake, 7: Sapphire Rapids, 8: Granite Rapids, older:
     * E5/E7; AMD 5: Naples, 6: Milan, 7: Genoa, 8: Turin; Graviton 6: 2, 7: 3, 8: 4, 9: 5). A rule
     * of thumb that EC2's naming follows for general-purpose, compute and memory families; an
     * accelerated family (p, g, trn) may carry another vendor's host CPU than its name suggests.
     */
    public static ProcessorFamily ofFamilyName(String family) {
        if (family.equals("a1")) {
            return GRAVITON_1;
        }
        int i = 0;
        while (i < family.length() && !Character.isDigit(family.charAt(i))) {
            i++;
        }
        int generation = i < family.length() ? family.charAt(i) - '0' : 0;
        char after = i + 1 < family.length() ? family.charAt(i + 1) : ' ';
        if (after == 'g') {
            return generation >= 9 ? GRAVITON_5 : generation == 8 ? GRAVITON_4 : generation == 7 ? GRAVITON_3
                    : GRAVITON_2;
        }
        if (after == 'a') {
            return generation >= 8 ? AMD_EPYC_5 : generation == 7 ? AMD_EPYC_4 : generation == 6 ? AMD_EPYC_3
                    : AMD_EPYC_1;
        }
        return generation >= 8 ? INTEL_XEON_6 : generation == 7 ? INTEL_XEON_SCALABLE_4_5
                : generation == 6 ? INTEL_XEON_SCALABLE_3 : generation == 5 ? INTEL_XEON_SCALABLE_1_2
                : INTEL_XEON_E5_E7;
    }
}
