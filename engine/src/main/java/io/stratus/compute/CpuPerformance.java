package io.stratus.compute;

import io.stratus.hypervisor.VcpuSpeed;
import java.util.Objects;

/**
 * The CPU performance of one instance type: its vCPUs' speed relative to the reference vCPU, its
 * SMT model, its processor, and where the figures come from.
 *
 * @param type             the instance type's name
 * @param processor        its processor family (a host of it runs only types of the same one)
 * @param speed            how its vCPUs work ({@link VcpuSpeed}: single-thread speed relative to the
 *                         reference vCPU, vCPUs per core, all-busy fraction)
 * @param source           whether the figures were measured for this type or borrowed
 * @param coremarkSingle   its CoreMark single-thread iterations per second, NaN unless measured
 * @param coremarkAll      its CoreMark all-vCPU iterations per second, NaN unless measured
 */
public record CpuPerformance(String type, ProcessorFamily processor, VcpuSpeed speed, Source source,
                             double coremarkSingle, double coremarkAll) {

    /** Where a type's figures come from. */
    public enum Source {
        /** Its own CoreMark single-thread and all-vCPU runs. */
        MEASURED,
        /** The median of the measured types of its instance family (or the family it extends). */
        INSTANCE_FAMILY,
        /** The median of the measured types of its processor family. */
        PROCESSOR_FAMILY;

        /** The name reports print: {@code measured}, {@code instance-family}, {@code processor-family}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public CpuPerformance {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(source, "source");
    }

    /** Whether the figures are this type's own measurements. */
    public boolean measured() {
        return source == Source.MEASURED;
    }
}
