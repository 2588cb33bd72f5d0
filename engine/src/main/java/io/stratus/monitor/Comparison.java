package io.stratus.monitor;

/** How an alarm compares a datapoint with its threshold, with CloudWatch's operator names. */
public enum Comparison {
    GREATER_THAN_OR_EQUAL("GreaterThanOrEqualToThreshold"),
    GREATER_THAN("GreaterThanThreshold"),
    LESS_THAN("LessThanThreshold"),
    LESS_THAN_OR_EQUAL("LessThanOrEqualToThreshold");

    private final String apiName;

    Comparison(String apiName) {
        this.apiName = apiName;
    }

    /** The name CloudWatch uses. */
    public String apiName() {
        return apiName;
    }

    /** Whether {@code value} breaches {@code threshold}. */
    public boolean breaches(double value, double threshold) {
        switch (this) {
            case GREATER_THAN_OR_EQUAL:
                return value >= threshold;
            case GREATER_THAN:
                return value > threshold;
            case LESS_THAN:
                return value < threshold;
            case LESS_THAN_OR_EQUAL:
                return value <= threshold;
            default:
                throw new AssertionError(this);
        }
    }
}
