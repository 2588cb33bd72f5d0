package io.stratus.compute;

import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.hypervisor.VcpuProfile;

/**
 * The CPU credit parameters of EC2 burstable (T family) types: baseline utilisation per vCPU,
 * default credit mode, and launch credits.
 *
 * <p>Baselines per vCPU (AWS, T3 / T3a / T4g): nano 5%, micro 10%, small and medium 20%, large
 * 30%, xlarge and 2xlarge 40%. T2 has the same values up to large and 22.5% (xlarge) and 16.875%
 * (2xlarge) above. T2 launches in standard mode with 30 launch credits per vCPU; T3, T3a and T4g
 * launch unlimited with none.
 */
public final class BurstableCpu {

    /** Launch credits per vCPU of a T2 instance in standard mode. */
    public static final double T2_LAUNCH_CREDITS_PER_VCPU = 30;

    private BurstableCpu() {
    }

    /** The baseline utilisation per vCPU of a burstable type (1 for any other type). */
    public static double baselinePerVcpu(InstanceType type) {
        if (!type.isBurstable()) {
            return 1.0;
        }
        boolean t2 = type.family().equals("t2");
        switch (type.size()) {
            case "nano":
                return 0.05;
            case "micro":
                return 0.10;
            case "small":
            case "medium":
                return 0.20;
            case "large":
                return 0.30;
            case "xlarge":
                return t2 ? 0.225 : 0.40;
            case "2xlarge":
                return t2 ? 0.16875 : 0.40;
            default:
                throw new IllegalArgumentException("no burstable baseline known for " + type.name());
        }
    }

    /** The credit mode a type launches in by default: standard for T2, unlimited otherwise. */
    public static CpuCreditMode defaultMode(InstanceType type) {
        return type.family().equals("t2") ? CpuCreditMode.STANDARD : CpuCreditMode.UNLIMITED;
    }

    /** The hypervisor's view of an instance of this type. */
    public static VcpuProfile profile(InstanceType type, double weight, CpuCreditMode mode) {
        double launchCredits = type.family().equals("t2") && mode == CpuCreditMode.STANDARD
                ? T2_LAUNCH_CREDITS_PER_VCPU : 0;
        return new VcpuProfile(type.vcpus(), weight, type.memoryMib(), baselinePerVcpu(type), mode,
                type.isBurstable() ? launchCredits : 0);
    }
}
