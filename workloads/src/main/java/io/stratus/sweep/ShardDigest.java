package io.stratus.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a shard's manifest records of its rows, so that a merge can tell a shard's
 * {@code runs-shard-I-of-N.csv} is exactly what the shard wrote: per run (by global index), the
 * expected list of {@code workload/metric} names (as an index into a few distinct lists) and the
 * SHA-256 of the run's rows (combination, replication, seed, then each workload, metric and value,
 * separated by NUL and newline characters).
 *
 * @param metricSets the distinct metric lists, in first-use order
 * @param runs       per run of the shard, in run order: its metric list and its digest
 */
public record ShardDigest(List<List<String>> metricSets, Map<Integer, Run> runs) {

    /** A SHA-256 as the manifest writes it: 64 lowercase hexadecimal digits. */
    public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One run's entry: the index of its metric list and the SHA-256 of its rows. */
    public record Run(int metricSet, String sha256) {
    }

    public ShardDigest {
        metricSets = List.copyOf(metricSets);
        runs = Map.copyOf(runs);
    }

    /** The digest of a shard's runs, as its manifest records it. */
    public static ShardDigest of(SweepPlan plan, List<RunRecord> records) {
        List<List<String>> sets = new ArrayList<>();
        Map<Integer, Run> runs = new LinkedHashMap<>();
        for (RunRecord r : records) {
            List<String> names = metricNames(r);
            int set = sets.indexOf(names);
            if (set < 0) {
                set = sets.size();
                sets.add(names);
            }
            runs.put(plan.index(r.combination(), r.replication()), new Run(set, sha256(r)));
        }
        return new ShardDigest(sets, runs);
    }

    /** A run's metrics as {@code workload/metric} names, in row order. */
    public static List<String> metricNames(RunRecord r) {
        return r.metrics().stream().map(m -> m.workload() + "/" + m.metric()).toList();
    }

    /** The SHA-256 of a run's rows. */
    public static String sha256(RunRecord r) {
        StringBuilder b = new StringBuilder().append(r.combination()).append('\0').append(r.replication()).append('\0')
                .append(r.seed()).append('\n');
        for (RunRecord.Metric m : r.metrics()) {
            b.append(m.workload()).append('\0').append(m.metric()).append('\0').append(m.value()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** What differs at row {@code i} of a run whose metric names are {@code got} instead of {@code want}. */
    private static String difference(List<String> want, List<String> got, int i) {
        if (i < want.size() && (i >= got.size() || got.subList(i, got.size()).equals(want.subList(i + 1, want.size())))) {
            return "the row of " + want.get(i) + " is missing (deleted)";
        }
        if (i >= want.size() || got.subList(i + 1, got.size()).equals(want.subList(i, want.size()))) {
            return "the row of " + got.get(i) + " is not the shard's (duplicated or added)";
        }
        return "the row is " + got.get(i) + " where the shard wrote " + want.get(i) + " (a changed or renamed row)";
    }

    /**
     * Checks a run read back from a shard's file against this digest.
     *
     * @param firstRow the CSV record number of the run's first row (the header is row 1)
     * @param at       names the file in messages
     * @throws SweepException naming the file and row of the first difference
     */
    public void check(int index, RunRecord read, int firstRow, String at) throws SweepException {
        Run expected = runs.get(index);
        String run = "run " + index + " (combination " + read.combination() + ", replication " + read.replication() + ")";
        if (expected == null) {
            throw new SweepException(at + ":" + firstRow + ": " + run + " is not in the shard's manifest");
        }
        List<String> want = metricSets.get(expected.metricSet());
        List<String> got = metricNames(read);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w == null || g == null || !w.equals(g)) {
                throw new SweepException(at + ":" + (firstRow + i) + ": " + run + ": " + difference(want, got, i));
            }
        }
        if (!sha256(read).equals(expected.sha256())) {
            throw new SweepException(at + ":" + firstRow + "-" + (firstRow + got.size() - 1) + ": " + run
                    + ": a value differs from what the shard wrote (the SHA-256 of these rows is not the manifest's)");
        }
    }
}
