package io.stratus.spot;

import io.stratus.compute.InstanceType;

/**
 * The spot price of each capacity pool (an instance type in a zone) over time. Prices are
 * constant within a clock hour: modern spot prices change a few times a day (the t3.micro
 * series of 2025-11..2026-02 changes about every 2 to 4 hours per region), so an hourly step
 * loses little.
 */
@FunctionalInterface
public interface SpotPriceProcess {

    /** The price in USD per hour of {@code type} in zone {@code zone} during clock hour {@code hour}. */
    double usdPerHour(InstanceType type, int zone, long hour);
}
