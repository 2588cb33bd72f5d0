package io.stratus.scenario;

import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.DailyPeakRate;
import io.stratus.workload.RateProfile;

/** Reads an {@code arrival:} mapping: exactly one arrival process. */
final class ArrivalSection {

    private static final String RATE_RANGE = "allowed above 0 and up to 10000000/s";

    private ArrivalSection() {
    }

    static RateProfile read(ConfigNode node) {
        node.allowOnly("poisson", "diurnal");
        boolean poisson = node.has("poisson");
        boolean diurnal = node.has("diurnal");
        if (poisson == diurnal) {
            if (node.isMapping()) {
                node.problem(poisson ? "poisson" : "diurnal", poisson
                        ? "give one arrival process, poisson or diurnal, not both"
                        : "give an arrival process: poisson: { rate: 40/s } or diurnal: { mean: 40/s, ... }");
            }
            return null;
        }
        return poisson ? poisson(node.child("poisson", true)) : diurnal(node.child("diurnal", true));
    }

    private static Double rate(ConfigNode node, String key) {
        return node.unit(key, null, true, Units::ratePerSecond, 1e-9, ScenarioLimits.MAX_RATE_PER_SECOND,
                RATE_RANGE);
    }

    private static RateProfile poisson(ConfigNode node) {
        node.allowOnly("rate");
        Double rate = rate(node, "rate");
        return rate == null ? null : new ConstantRate(rate);
    }

    private static RateProfile diurnal(ConfigNode node) {
        node.allowOnly("mean", "peak", "peak-factor", "width");
        Double mean = rate(node, "mean");
        long peak = node.unit("peak", 12 * Time.HOUR, false, Units::timeOfDay, 0L, Time.DAY - 1, "a time of day");
        double factor = node.number("peak-factor", 2.0, 1.0, 1000.0, false);
        long width = node.unit("width", 90 * Time.MINUTE, false, Units::duration, Time.MINUTE, 12 * Time.HOUR,
                "allowed from 1m to 12h");
        if (mean == null) {
            return null;
        }
        try {
            return new DailyPeakRate(mean, peak, factor, width);
        } catch (IllegalArgumentException e) {
            node.problem("peak-factor", e.getMessage());
            return null;
        }
    }
}
