package io.stratus.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code runs.csv} (and a shard's {@code runs-shard-i-of-n.csv}): every headline number of every
 * run, in long format, one row per run and metric:
 * <pre>combination,KEY...,replication,seed,workload,metric,value</pre>
 * with one {@code KEY} column per {@code --set} that lists more than one value (its dotted path
 * as the header, its value in the row). Rows are in run order (combination, then replication).
 */
public final class RunsCsv {

    /** A value as {@link HeadlineMetrics#sig6} writes it: a plain decimal, no exponent, never NaN or Infinity. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,400}(\\.[0-9]{1,400})?");

    private RunsCsv() {
    }

    /** The header fields. */
    public static List<String> header(SweepPlan plan) {
        List<String> h = new ArrayList<>();
        h.add("combination");
        plan.varying().forEach(s -> h.add(s.key()));
        h.addAll(List.of("replication", "seed", "workload", "metric", "value"));
        return h;
    }

    /** The file, for runs in run order. */
    public static byte[] render(SweepPlan plan, List<RunRecord> runs) {
        StringBuilder b = new StringBuilder();
        Csv.row(b, header(plan));
        for (RunRecord run : runs) {
            List<String> values = plan.values(run.combination());
            for (RunRecord.Metric m : run.metrics()) {
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(run.combination()));
                row.addAll(values);
                row.add(Integer.toString(run.replication()));
                row.add(Long.toString(run.seed()));
                row.add(m.workload());
                row.add(m.metric());
                row.add(m.value());
                Csv.row(b, row);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a runs file written for {@code plan}, checking every row against it (header,
     * combination values, seeds) and that each run's rows are together and appear once.
     *
     * @param source names the file in messages
     * @return the runs in file order
     */
    public static List<RunRecord> parse(SweepPlan plan, String text, String source) throws SweepException {
        List<List<String>> rows = Csv.parse(text, source);
        List<String> header = header(plan);
        if (rows.isEmpty() || !rows.get(0).equals(header)) {
            throw new SweepException(source + ":1: the header is not that of this sweep; expected "
                    + String.join(",", header));
        }
        int keys = plan.varying().size();
        List<RunRecord> runs = new ArrayList<>();
        boolean[] seen = new boolean[plan.runs()];
        int current = -1;
        RunRecord open = null;
        List<RunRecord.Metric> metrics = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String at = source + ":" + (i + 1) + ": ";
            if (row.size() != header.size()) {
                throw new SweepException(at + "has " + row.size() + " fields; the header has " + header.size());
            }
            int combination = integer(row.get(0), plan.combinations(), at + "combination");
            int replication = integer(row.get(1 + keys), plan.replications(), at + "replication");
            if (!row.subList(1, 1 + keys).equals(plan.values(combination))) {
                throw new SweepException(at + "combination " + combination + " has the values " + row.subList(1, 1 + keys)
                        + "; this sweep's combination " + combination + " is " + plan.values(combination));
            }
            long seed = plan.seed(replication);
            if (!row.get(2 + keys).equals(Long.toString(seed))) {
                throw new SweepException(at + "replication " + replication + " ran with seed " + row.get(2 + keys)
                        + "; this sweep's replication " + replication + " has seed " + seed);
            }
            int index = plan.index(combination, replication);
            if (index != current) {
                if (open != null) {
                    runs.add(new RunRecord(open.combination(), open.replication(), open.seed(), metrics));
                }
                if (seen[index]) {
                    throw new SweepException(at + "the run of combination " + combination + ", replication "
                            + replication + " appears twice");
                }
                seen[index] = true;
                current = index;
                open = new RunRecord(combination, replication, seed, List.of());
                metrics = new ArrayList<>();
            }
            String value = row.get(5 + keys);
            if (!value.isEmpty() && !DECIMAL.matcher(value).matches()) {
                throw new SweepException(at + "value '" + value + "' is not a finite decimal number "
                        + "(NaN and Infinity are refused; an undefined value is empty)");
            }
            metrics.add(new RunRecord.Metric(row.get(3 + keys), row.get(4 + keys), value));
        }
        if (open != null) {
            runs.add(new RunRecord(open.combination(), open.replication(), open.seed(), metrics));
        }
        return runs;
    }

    private static int integer(String text, int bound, String what) throws SweepException {
        try {
            int v = Integer.parseInt(text);
            if (v >= 0 && v < bound) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new SweepException(what + " '" + text + "' is not between 0 and " + (bound - 1));
    }
}
