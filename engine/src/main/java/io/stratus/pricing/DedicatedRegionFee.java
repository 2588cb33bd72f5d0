package io.stratus.pricing;

import io.stratus.compute.PurchaseOption;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The per-region fee of Dedicated Instances, as EC2 charges it: an account pays
 * {@link PriceBook#dedicatedRegionFeeUsdPerHour()} for each clock hour in which at least one of its
 * Dedicated Instances ran, a whole hour's fee however little of the hour ran and however many
 * instances did. "Ran in the hour" means billable {@link PurchaseOption#DEDICATED_INSTANCE} usage
 * of that tenant in that hour of a {@link UsageLedger} (so the 60-second minimum of an interval
 * counts in the hour where the interval ended, as the ledger books it).
 *
 * <p>The one rule for both bills: {@link CostCalculator} charges it from the run's single ledger
 * ({@code stratus compare}); {@code stratus run} meters each workload apart ({@link OnDemandBilling})
 * and charges it once from all of their ledgers together, since the fee is per account, not per
 * workload.
 */
public final class DedicatedRegionFee {

    private DedicatedRegionFee() {
    }

    /** The (clock hour, tenant) pairs charged the fee, from the ledgers of one run (any number of workloads). */
    public static SortedSet<EbsMeter.HourTenant> chargedHours(Collection<UsageLedger> ledgers) {
        SortedSet<EbsMeter.HourTenant> out = new TreeSet<>();
        for (UsageLedger ledger : ledgers) {
            for (Map.Entry<UsageKey, Long> e : ledger.micros().entrySet()) {
                UsageKey key = e.getKey();
                if (key.option() == PurchaseOption.DEDICATED_INSTANCE && e.getValue() > 0) {
                    out.add(new EbsMeter.HourTenant(key.hour(), key.tenant()));
                }
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /** The fee over the ledgers of one run, USD: charged hours x the fee per hour. */
    public static double usd(PriceBook prices, Collection<UsageLedger> ledgers) {
        return chargedHours(ledgers).size() * prices.dedicatedRegionFeeUsdPerHour();
    }
}
