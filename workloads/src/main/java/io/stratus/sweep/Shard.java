package io.stratus.sweep;

/**
 * The slice of a sweep one machine runs: the runs whose global index modulo {@code count} is
 * {@code index}, so an array job of {@code count} tasks (a Kubernetes Indexed Job, an AWS Batch
 * or Slurm array) covers every run once, whatever the index each task gets.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** Parses {@code i/n} with {@code 0 <= i < n}. */
    public static Shard parse(String text) throws SweepException {
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 2) {
            try {
                int i = Integer.parseInt(parts[0].trim());
                int n = Integer.parseInt(parts[1].trim());
                if (n < 1) {
                    throw new SweepException("--shard " + text + ": the shard count must be at least 1");
                }
                if (i < 0 || i >= n) {
                    throw new SweepException("--shard " + text + ": the shard index runs from 0 to " + (n - 1)
                            + " (shards are numbered from 0, like array-job indexes)");
                }
                return new Shard(i, n);
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new SweepException("--shard " + text + ": expected INDEX/COUNT, such as --shard 0/4");
    }

    /** Whether the run of global index {@code run} is this shard's. */
    public boolean owns(long run) {
        return run % count == index;
    }

    /** {@code shard-i-of-n}: the suffix of this shard's file names. */
    public String suffix() {
        return "shard-" + index + "-of-" + count;
    }
}
