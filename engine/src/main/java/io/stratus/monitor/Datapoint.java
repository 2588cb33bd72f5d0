package io.stratus.monitor;

/**
 * The aggregate of one metric over one period: what CloudWatch stores, never the samples.
 *
 * @param periodEnd end of the period (exclusive), microseconds
 * @param count     samples in the period; 0 means the datapoint is missing
 * @param sum       their sum
 * @param minimum   the smallest sample (NaN if none)
 * @param maximum   the largest sample (NaN if none)
 * @param p99       the 99th percentile, to 2 significant digits (NaN if none or not tracked)
 */
public record Datapoint(long periodEnd, long count, double sum, double minimum, double maximum, double p99) {

    /** Whether the period had no sample (CloudWatch reports no datapoint). */
    public boolean isMissing() {
        return count == 0;
    }

    /** The value of a statistic (NaN when missing, except SampleCount and Sum, which are 0). */
    public double value(Statistic statistic) {
        switch (statistic) {
            case SAMPLE_COUNT:
                return count;
            case SUM:
                return sum;
            case AVERAGE:
                return count == 0 ? Double.NaN : sum / count;
            case MINIMUM:
                return minimum;
            case MAXIMUM:
                return maximum;
            case P99:
                return p99;
            default:
                throw new AssertionError(statistic);
        }
    }
}
