package io.stratus.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * Data transfer out to the internet: a free monthly allowance, then tiered prices per GB
 * (us-east-1: 100 GB free, $0.09 up to 10 TB, $0.085 the next 40 TB, $0.07 the next 100 TB, $0.05
 * beyond). One line per tier used, the free allowance a line at $0.
 *
 * <p>Assumptions: the allowance and tier sizes are per month, prorated to the run's length (a
 * week gets 100 x 168 / 730 = 23.0 GB free), so the bill scaled to 730 hours is the month's; the
 * tiers apply to the GB beyond the allowance; the allowance is the account's, taken whole by this
 * run (AWS shares it across every service of the account).
 */
public final class InternetEgress {

    private InternetEgress() {
    }

    /** The lines for {@code bytes} sent to the internet over a run of {@code durationMicros}. */
    public static List<Charge> of(ServicePrices p, double bytes, long durationMicros) {
        double months = p.months(durationMicros);
        double gb = bytes / p.gbBytes;
        List<Charge> out = new ArrayList<>();
        double free = Math.min(gb, p.internetFreeGbPerMonth * months);
        out.add(Charge.of(ChargeKind.DATA_TRANSFER, "data transfer out to the internet, free allowance", "GB", free, 0));
        double left = gb - free;
        for (int i = 0; i < p.internetUsdPerGb.length && left > 0; i++) {
            double tier = i < p.internetTierGb.length ? p.internetTierGb[i] * months : Double.POSITIVE_INFINITY;
            double used = Math.min(left, tier);
            out.add(Charge.of(ChargeKind.DATA_TRANSFER, "data transfer out to the internet, tier " + (i + 1), "GB",
                    used, p.internetUsdPerGb[i]));
            left -= used;
        }
        return out;
    }
}
