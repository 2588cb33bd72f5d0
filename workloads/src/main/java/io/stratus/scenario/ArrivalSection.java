package io.stratus.scenario;

import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import io.stratus.workload.DailyPeakRate;
import io.stratus.trace.TraceFormat;
import io.stratus.workload.RateProfile;
import java.nio.file.Path;
import java.util.List;

/** Reads an {@code arrival:} mapping: exactly one arrival process (poisson, diurnal or trace). */
final class ArrivalSection {

    private static final String RATE_RANGE = "allowed above 0 and up to 10000000/s";

    private ArrivalSection() {
    }

    static final List<String> KINDS = List.of("poisson", "diurnal", "trace");
    static final List<String> TRACE_FORMATS = List.of("request-rate", "request-rate-csv",
            FunctionTraceSection.INVOCATIONS);

    static ArrivalSpec read(ConfigNode node, TraceRoots baseDir) {
        node.allowOnly(KINDS.toArray(String[]::new));
        List<String> given = KINDS.stream().filter(node::has).toList();
        if (given.size() != 1) {
            if (node.isMapping()) {
                node.problem(given.isEmpty() ? "poisson" : given.get(1), given.isEmpty()
                        ? "give an arrival process: poisson: { rate: 40/s }, diurnal: { mean: 40/s, ... } or "
                            + "trace: { format: request-rate, path: FILE }"
                        : "give one arrival process, not both " + given.get(0) + " and " + given.get(1));
            }
            return null;
        }
        RateProfile profile;
        switch (given.get(0)) {
            case "poisson":
                profile = poisson(node.child("poisson", true));
                break;
            case "diurnal":
                profile = diurnal(node.child("diurnal", true));
                break;
            default:
                return trace(node.child("trace", true), baseDir);
        }
        return profile == null ? null : new ArrivalSpec.Profile(profile);
    }

    private static ArrivalSpec trace(ConfigNode node, TraceRoots baseDir) {
        boolean functions = node.raw("format") != null
                && FunctionTraceSection.INVOCATIONS.equals(node.raw("format").asText());
        if (functions) {
            node.allowOnly("format", "path", "spread", "speedup", "multiplier", "from", "functions");
        } else {
            node.allowOnly("format", "path", "spread", "speedup", "multiplier", "from");
        }
        String format = node.oneOf("format", null, TRACE_FORMATS);
        if (!node.has("format")) {
            node.problem("format", "give the trace's format: " + String.join(" or ", TRACE_FORMATS));
        }
        Path path = TracePaths.existing(node, "path", baseDir);
        String spread = node.oneOf("spread", "poisson", List.of("poisson", "even"));
        double speedup = node.number("speedup", 1.0, 1e-6, 1e6, false);
        double multiplier = node.number("multiplier", 1.0, 1e-6, 1e6, false);
        long from = node.unit("from", Long.MIN_VALUE, false, Units::traceInstant, Long.MIN_VALUE, Long.MAX_VALUE,
                "a date-time or a duration");
        if (format == null || path == null) {
            return null;
        }
        if (functions) {
            return FunctionTraceSection.arrival(node, path, "poisson".equals(spread), speedup, multiplier, from);
        }
        return new ArrivalSpec.Trace(TraceFormat.named(format), path, "poisson".equals(spread), speedup, multiplier,
                from);
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
