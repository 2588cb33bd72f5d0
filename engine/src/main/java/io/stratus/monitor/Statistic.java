package io.stratus.monitor;

/** The statistics of a metric over one period, with CloudWatch's names. */
public enum Statistic {
    SAMPLE_COUNT("SampleCount"),
    SUM("Sum"),
    AVERAGE("Average"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum"),
    P99("p99");

    private final String apiName;

    Statistic(String apiName) {
        this.apiName = apiName;
    }

    /** The name CloudWatch uses. */
    public String apiName() {
        return apiName;
    }
}
