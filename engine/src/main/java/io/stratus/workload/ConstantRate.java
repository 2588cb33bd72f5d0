package io.stratus.workload;

/** The same rate at all times: a homogeneous Poisson process. */
public record ConstantRate(double perSecond) implements RateProfile {

    public ConstantRate {
        if (!(perSecond > 0) || !Double.isFinite(perSecond)) {
            throw new IllegalArgumentException("rate must be positive and finite, got " + perSecond);
        }
    }

    @Override
    public double ratePerSecond(long time) {
        return perSecond;
    }

    @Override
    public double maxRatePerSecond() {
        return perSecond;
    }

    @Override
    public double meanRatePerSecond() {
        return perSecond;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
