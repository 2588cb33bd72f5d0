package io.stratus.pricing;

import java.util.List;
import java.util.Objects;

/**
 * One line of a bill for something other than instance time and EBS volumes: what is charged,
 * in which unit, how many units, at what rate, and the cost ({@code quantity x usdPerUnit}).
 * A free allowance is a line of its own at rate 0, so every unit used appears on some line.
 *
 * @param kind       the group it belongs to in summaries
 * @param name       what is charged, such as {@code web: load balancer capacity units}
 * @param unit       the unit the rate is per, such as {@code LCU-hour} or {@code GB}
 * @param quantity   units used (not negative)
 * @param usdPerUnit the list price of one unit (not negative)
 * @param costUsd    {@code quantity x usdPerUnit}
 */
public record Charge(ChargeKind kind, String name, String unit, double quantity, double usdPerUnit, double costUsd) {

    public Charge {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!(quantity >= 0) || !(usdPerUnit >= 0) || !(costUsd >= 0)) {
            throw new IllegalArgumentException(name + ": quantity, rate and cost must be non-negative");
        }
    }

    /** A line of {@code quantity} units at {@code usdPerUnit}. */
    public static Charge of(ChargeKind kind, String name, String unit, double quantity, double usdPerUnit) {
        return new Charge(kind, name, unit, quantity, usdPerUnit, quantity * usdPerUnit);
    }

    /** The sum of the lines' costs. */
    public static double totalUsd(List<Charge> charges) {
        double total = 0;
        for (Charge c : charges) {
            total += c.costUsd;
        }
        return total;
    }
}
