package io.stratus.pricing;

import io.stratus.storage.VolumeSpec;
import io.stratus.storage.VolumeType;
import java.util.Properties;

/**
 * EBS list prices of us-east-1 (source and date of each in {@code prices-us-east-1.properties}):
 * per GB-month of size, and per provisioned IOPS- and MiB/s-month where the type charges for
 * them, prorated per microsecond over a month of {@code hoursPerMonth} hours.
 *
 * <p>A volume's charge is split into {@link Charge}s, each a whole number of units (GiB, IOPS,
 * MiB/s), so that usage is accumulated exactly as unit-microseconds.
 */
public final class EbsPrices {

    /** The separately priced parts of an EBS volume. */
    public enum Charge {
        GP2_GB("ebs.gp2.usd-per-gb-month"),
        GP3_GB("ebs.gp3.usd-per-gb-month"),
        GP3_IOPS("ebs.gp3.usd-per-iops-month"),
        GP3_THROUGHPUT("ebs.gp3.usd-per-mibps-month"),
        IO2_GB("ebs.io2.usd-per-gb-month"),
        IO2_IOPS_TIER1("ebs.io2.usd-per-iops-month.tier1"),
        IO2_IOPS_TIER2("ebs.io2.usd-per-iops-month.tier2"),
        IO2_IOPS_TIER3("ebs.io2.usd-per-iops-month.tier3");

        private final String key;

        Charge(String key) {
            this.key = key;
        }
    }

    /** io2 IOPS tier limits. */
    static final long IO2_TIER1 = 32_000;
    static final long IO2_TIER2 = 64_000;

    private final double hoursPerMonth;
    private final double[] usdPerUnitMonth = new double[Charge.values().length];

    EbsPrices(Properties p) {
        this.hoursPerMonth = Double.parseDouble(PriceBook.required(p, "ebs.hours-per-month"));
        for (Charge c : Charge.values()) {
            usdPerUnitMonth[c.ordinal()] = Double.parseDouble(PriceBook.required(p, c.key));
        }
    }

    /** Hours in the month that prices are quoted per. */
    public double hoursPerMonth() {
        return hoursPerMonth;
    }

    /** The price of one unit of {@code charge} for a month. */
    public double usdPerUnitMonth(Charge charge) {
        return usdPerUnitMonth[charge.ordinal()];
    }

    /** The billable units of each charge of a volume, indexed by {@link Charge#ordinal()}. */
    public static long[] units(VolumeSpec v) {
        long[] u = new long[Charge.values().length];
        switch (v.type()) {
            case GP2:
                u[Charge.GP2_GB.ordinal()] = v.sizeGib();
                break;
            case GP3:
                u[Charge.GP3_GB.ordinal()] = v.sizeGib();
                u[Charge.GP3_IOPS.ordinal()] = Math.max(0, v.provisionedIops() - VolumeType.GP3_BASE_IOPS);
                u[Charge.GP3_THROUGHPUT.ordinal()] = Math.max(0, v.throughputMBps() - VolumeType.GP3_BASE_MBPS);
                break;
            case IO2:
                u[Charge.IO2_GB.ordinal()] = v.sizeGib();
                u[Charge.IO2_IOPS_TIER1.ordinal()] = Math.min(v.provisionedIops(), IO2_TIER1);
                u[Charge.IO2_IOPS_TIER2.ordinal()] = Math.max(0, Math.min(v.provisionedIops(), IO2_TIER2) - IO2_TIER1);
                u[Charge.IO2_IOPS_TIER3.ordinal()] = Math.max(0, v.provisionedIops() - IO2_TIER2);
                break;
            default:
                throw new AssertionError(v.type());
        }
        return u;
    }

    /** The cost of {@code unitMicros} unit-microseconds of {@code charge}. */
    public double usd(Charge charge, long unitMicros) {
        return unitMicros * usdPerUnitMonth(charge) / (hoursPerMonth * io.stratus.sim.Time.HOUR);
    }
}
