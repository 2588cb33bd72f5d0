package io.stratus.sweep;

import io.stratus.sim.RandomStreams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep runs: every combination of the {@code --set} value lists (their Cartesian
 * product), each {@code replications} times.
 *
 * <p><b>Order.</b> Combinations are numbered from 0 like nested loops over the sets in the order
 * given, the first set outermost (slowest) and the last innermost. Runs are numbered
 * {@code combination * replications + replication}; this global index fixes the order of every
 * output and decides which shard runs what.
 *
 * <p><b>Seeds: common random numbers.</b> Replication {@code r} of every combination runs with
 * the same master seed: replication 0 with the sweep's master seed itself (so it reproduces a
 * plain {@code stratus run} with that seed), replication {@code r > 0} with
 * {@code RandomStreams.seedFor(masterSeed, "replication-" + r)} (the engine's SplitMix64
 * derivation). Within a replication, combinations therefore see the same arrivals and service
 * demands as far as the scenario allows, and differences between combinations are paired.
 *
 * @param scenarioFile   the scenario file's name (without folders: shards may run elsewhere)
 * @param scenarioSha256 SHA-256 of the scenario file's bytes, hex
 * @param scenarioName   the scenario's {@code name}
 * @param masterSeed     the sweep's master seed
 * @param sets           the {@code --set} options in the order given
 * @param replications   runs per combination, at least 1
 */
public record SweepPlan(String scenarioFile, String scenarioSha256, String scenarioName, long masterSeed,
                        List<SweepSet> sets, int replications) {

    /** The most runs a sweep may have: more is almost surely a mistake in a value list. */
    public static final int MAX_RUNS = 10_000;

    public SweepPlan {
        Objects.requireNonNull(scenarioFile, "scenarioFile");
        Objects.requireNonNull(scenarioSha256, "scenarioSha256");
        Objects.requireNonNull(scenarioName, "scenarioName");
        sets = List.copyOf(sets);
        if (replications < 1) {
            throw new IllegalArgumentException("replications " + replications);
        }
    }

    /**
     * Checks the sizes before anything is loaded: at least one replication, at most
     * {@link #MAX_RUNS} runs, and no key set twice.
     */
    public static void checkSize(List<SweepSet> sets, int replications) throws SweepException {
        if (replications < 1) {
            throw new SweepException("--replications " + replications + ": a sweep needs at least 1 replication");
        }
        Map<String, SweepSet> seen = new LinkedHashMap<>();
        long runs = replications;
        StringBuilder product = new StringBuilder();
        for (SweepSet s : sets) {
            if (seen.putIfAbsent(s.key(), s) != null) {
                throw new SweepException("--set " + s.key() + " is given twice; list all its values in one --set, "
                        + "separated by commas");
            }
            runs *= s.values().size();
            if (s.varies()) {
                product.append(s.values().size()).append(" x ");
            }
            if (runs > MAX_RUNS) {
                break;
            }
        }
        if (runs > MAX_RUNS) {
            throw new SweepException("the sweep has " + (runs > MAX_RUNS * 100L ? "more than " + MAX_RUNS * 100L
                    : String.format("%,d", runs)) + " runs (" + product + replications + " replications); at most "
                    + String.format("%,d", MAX_RUNS) + " are allowed. Fewer values or replications, or several sweeps");
        }
    }

    /** The sets with more than one value: the columns that tell combinations apart. */
    public List<SweepSet> varying() {
        return sets.stream().filter(SweepSet::varies).toList();
    }

    /** The number of combinations. */
    public int combinations() {
        int n = 1;
        for (SweepSet s : sets) {
            n *= s.values().size();
        }
        return n;
    }

    /** The number of runs: combinations times replications. */
    public int runs() {
        return combinations() * replications;
    }

    /** The global index of a run. */
    public int index(int combination, int replication) {
        return combination * replications + replication;
    }

    /** The value of each set for a combination, in the sets' order. */
    public List<String> allValues(int combination) {
        String[] out = new String[sets.size()];
        int rest = combination;
        for (int i = sets.size() - 1; i >= 0; i--) {
            List<String> values = sets.get(i).values();
            out[i] = values.get(rest % values.size());
            rest /= values.size();
        }
        return List.of(out);
    }

    /** The values of the varying sets for a combination, in the sets' order. */
    public List<String> values(int combination) {
        List<String> all = allValues(combination);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).varies()) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /** The overrides of a combination, key to value, in the sets' order. */
    public Map<String, String> overrides(int combination) {
        List<String> all = allValues(combination);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            out.put(sets.get(i).key(), all.get(i));
        }
        return out;
    }

    /** The master seed of replication {@code r}: the same for every combination. */
    public long seed(int replication) {
        return seed(masterSeed, replication);
    }

    /** The master seed of replication {@code r} of a sweep with master seed {@code masterSeed}. */
    public static long seed(long masterSeed, int replication) {
        return replication == 0 ? masterSeed : RandomStreams.seedFor(masterSeed, "replication-" + replication);
    }
}
