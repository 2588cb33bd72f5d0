package io.stratus.pricing;

import io.stratus.compute.Architecture;
import java.util.ArrayList;
import java.util.List;

/**
 * The bill of one Lambda function ({@link LambdaUsage}) at {@link ServerlessPrices}: requests,
 * on-demand duration, and, with Provisioned Concurrency, its configured concurrency and the
 * duration run on it, one {@link Charge} line each (the provisioned lines only when configured).
 *
 * <p>Assumptions: first-tier duration prices, no free tier ({@link ServerlessPrices}).
 */
public final class LambdaCharges {

    private LambdaCharges() {
    }

    /** The lines of function {@code name} on {@code architecture}. */
    public static List<Charge> of(ServerlessPrices p, String name, Architecture architecture, LambdaUsage u) {
        List<Charge> out = new ArrayList<>();
        out.add(Charge.of(ChargeKind.LAMBDA, name + ": Lambda requests", "request", u.requests(), p.usdPerRequest()));
        out.add(Charge.of(ChargeKind.LAMBDA, name + ": Lambda duration (" + architecture.id() + ")", "GB-second",
                u.onDemandGbSeconds(), p.usdPerGbSecond(architecture)));
        if (u.provisionedGbSeconds() > 0) {
            out.add(Charge.of(ChargeKind.LAMBDA, name + ": Provisioned Concurrency", "GB-second",
                    u.provisionedGbSeconds(), p.provisionedUsdPerGbSecond(architecture)));
            out.add(Charge.of(ChargeKind.LAMBDA, name + ": duration on Provisioned Concurrency", "GB-second",
                    u.provisionedDurationGbSeconds(), p.provisionedDurationUsdPerGbSecond(architecture)));
        }
        return out;
    }

    /**
     * GB-seconds of {@code concurrency} provisioned environments of {@code memoryMb} enabled for
     * {@code enabledMicros}, rounded up to the price table's five minutes.
     */
    public static double provisionedGbSeconds(ServerlessPrices p, int concurrency, int memoryMb, long enabledMicros) {
        long step = p.provisionedRoundingSeconds() * io.stratus.sim.Time.SECOND;
        long rounded = (enabledMicros + step - 1) / step * step;
        return concurrency * (memoryMb / 1024.0) * (rounded / (double) io.stratus.sim.Time.SECOND);
    }
}
