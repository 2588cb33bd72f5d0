package io.stratus.pricing;

import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import java.util.Comparator;
import java.util.Objects;

/**
 * One line of metered usage: a clock hour, an instance type in a zone (a capacity pool), a
 * tenant and a purchase option. Ordered by hour, type name, zone, tenant, option, so bills are
 * computed in a fixed order.
 */
public record UsageKey(long hour, InstanceType type, int zone, int tenant, PurchaseOption option)
        implements Comparable<UsageKey> {

    private static final Comparator<UsageKey> ORDER = Comparator.comparingLong(UsageKey::hour)
            .thenComparing(k -> k.type().name())
            .thenComparingInt(UsageKey::zone)
            .thenComparingInt(UsageKey::tenant)
            .thenComparing(UsageKey::option);

    public UsageKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(option, "option");
    }

    @Override
    public int compareTo(UsageKey o) {
        return ORDER.compare(this, o);
    }
}
