package io.stratus.pricing;

import io.stratus.compute.Architecture;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * The bill of AWS Fargate tasks at {@link ServerlessPrices}: each task's requested vCPUs and memory
 * per second from the start of its image pull until it stops, with a one-minute minimum
 * ({@link #billedSeconds}); Fargate Spot at the Spot discount. One line each for vCPU-hours and
 * GB-hours, on demand and on Spot (the Spot lines only when a Spot task ran).
 */
public final class FargateCharges {

    private FargateCharges() {
    }

    /**
     * Seconds billed for a task that ran {@code runMicros}: whole seconds rounded up, at least the
     * one-minute minimum.
     */
    public static long billedSeconds(ServerlessPrices p, long runMicros) {
        long seconds = (runMicros + Time.SECOND - 1) / Time.SECOND;
        return Math.max(p.fargateMinimumSeconds(), seconds);
    }

    /**
     * The lines of {@code name}'s tasks of {@code vcpus} and {@code memoryGb} each, billed
     * {@code onDemandSeconds} and {@code spotSeconds} task-seconds in all.
     */
    public static List<Charge> of(ServerlessPrices p, String name, Architecture a, double vcpus, double memoryGb,
                                  long onDemandSeconds, long spotSeconds) {
        List<Charge> out = new ArrayList<>();
        double hours = onDemandSeconds / 3600.0;
        out.add(Charge.of(ChargeKind.FARGATE, name + ": Fargate vCPU (" + a.id() + ")", "vCPU-hour", vcpus * hours,
                p.fargateUsdPerVcpuHour(a)));
        out.add(Charge.of(ChargeKind.FARGATE, name + ": Fargate memory", "GB-hour", memoryGb * hours,
                p.fargateUsdPerGbHour(a)));
        if (spotSeconds > 0) {
            double spotHours = spotSeconds / 3600.0;
            double keep = 1 - p.fargateSpotDiscount();
            out.add(Charge.of(ChargeKind.FARGATE, name + ": Fargate Spot vCPU (" + a.id() + ")", "vCPU-hour",
                    vcpus * spotHours, p.fargateUsdPerVcpuHour(a) * keep));
            out.add(Charge.of(ChargeKind.FARGATE, name + ": Fargate Spot memory", "GB-hour", memoryGb * spotHours,
                    p.fargateUsdPerGbHour(a) * keep));
        }
        return out;
    }
}
