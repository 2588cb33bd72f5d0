package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;

/**
 * Reads {@code service.measured-on}: the instance type on which {@code service.cpu} was measured,
 * and converts the CPU time to time on the reference vCPU ({@value PerformanceCatalog#REFERENCE_TYPE},
 * a Xeon Platinum 8259CL hyperthread), the unit of all CPU work in the simulator.
 *
 * <p>A request measured at {@code t} on a lone busy vCPU of a type of single-thread speed
 * {@code s} (relative to the reference) is {@code t * s} of reference work: 20 ms on a c7i.large
 * (speed about 1.24) is about 24.8 ms on the reference, and takes 20 ms again on any c7i.large.
 */
final class CpuWork {

    private CpuWork() {
    }

    /**
     * The reference-vCPU microseconds of {@code cpuMicros} measured on {@code service.measured-on}
     * (unchanged without it, or when the type is unknown: then a problem is reported).
     */
    static long onReference(ConfigNode service, long cpuMicros, InstanceCatalog catalog) {
        String typeName = service.string("measured-on", PerformanceCatalog.REFERENCE_TYPE, false);
        if (typeName == null || !service.has("measured-on")) {
            return cpuMicros;
        }
        InstanceType type;
        try {
            type = catalog.get(typeName);
        } catch (IllegalArgumentException e) {
            service.problem("measured-on", e.getMessage() + "; give the instance type the cpu time was measured on");
            return cpuMicros;
        }
        double speed = PerformanceCatalog.bundled().speedOf(type).speed();
        return Math.max(1, Math.round(cpuMicros * speed));
    }
}
