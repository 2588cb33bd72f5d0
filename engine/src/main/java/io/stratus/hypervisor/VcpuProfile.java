package io.stratus.hypervisor;

import java.util.Objects;

/**
 * What the hypervisor needs to know about an instance's vCPUs and memory.
 *
 * @param vcpus                 vCPUs (each job uses at most one)
 * @param weight                share of the host's threads under contention, relative to its
 *                              neighbours' weights (by default its vCPU count)
 * @param memoryMib             memory, all of it counted as active (a simplification: no idle
 *                              pages, no ballooning)
 * @param baselinePerVcpu       for a burstable instance the baseline utilisation per vCPU
 *                              (0.2 = 20%); 1 for a fixed-performance instance
 * @param creditMode            what a burstable instance does with no credits left
 * @param launchCreditsPerVcpu  credits (vCPU-minutes) a burstable instance starts with
 * @param speed                 how fast its vCPUs work relative to the reference vCPU and with
 *                              busy siblings ({@link VcpuSpeed#REFERENCE} unless given)
 */
public record VcpuProfile(int vcpus, double weight, long memoryMib, double baselinePerVcpu,
                          CpuCreditMode creditMode, double launchCreditsPerVcpu, VcpuSpeed speed) {

    /** A profile whose vCPUs are reference vCPUs. */
    public VcpuProfile(int vcpus, double weight, long memoryMib, double baselinePerVcpu, CpuCreditMode creditMode,
                       double launchCreditsPerVcpu) {
        this(vcpus, weight, memoryMib, baselinePerVcpu, creditMode, launchCreditsPerVcpu, VcpuSpeed.REFERENCE);
    }

    public VcpuProfile {
        Objects.requireNonNull(creditMode, "creditMode");
        Objects.requireNonNull(speed, "speed");
        if (vcpus <= 0) {
            throw new IllegalArgumentException("vcpus must be positive, got " + vcpus);
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be positive, got " + weight);
        }
        if (memoryMib < 0) {
            throw new IllegalArgumentException("memory must not be negative, got " + memoryMib);
        }
        if (!(baselinePerVcpu > 0 && baselinePerVcpu <= 1)) {
            throw new IllegalArgumentException("baseline must be in (0, 1], got " + baselinePerVcpu);
        }
        if (!(launchCreditsPerVcpu >= 0)) {
            throw new IllegalArgumentException("launch credits must not be negative");
        }
    }

    /** A fixed-performance instance of weight {@code vcpus}. */
    public static VcpuProfile fixed(int vcpus, long memoryMib) {
        return new VcpuProfile(vcpus, vcpus, memoryMib, 1.0, CpuCreditMode.UNLIMITED, 0);
    }

    /** Whether it earns and spends CPU credits. */
    public boolean isBurstable() {
        return baselinePerVcpu < 1;
    }

    /** This profile with another weight. */
    public VcpuProfile withWeight(double newWeight) {
        return new VcpuProfile(vcpus, newWeight, memoryMib, baselinePerVcpu, creditMode, launchCreditsPerVcpu, speed);
    }

    /** This profile with vCPUs of another speed. */
    public VcpuProfile withSpeed(VcpuSpeed newSpeed) {
        return new VcpuProfile(vcpus, weight, memoryMib, baselinePerVcpu, creditMode, launchCreditsPerVcpu, newSpeed);
    }
}
