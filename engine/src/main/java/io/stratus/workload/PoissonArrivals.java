package io.stratus.workload;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import java.util.Objects;

/**
 * A Poisson process whose rate follows a {@link RateProfile}: homogeneous when the profile is
 * constant, otherwise non-homogeneous, sampled by thinning (Lewis and Shedler 1979): candidates
 * come at the profile's maximum rate and each is kept with probability rate(t) / max.
 *
 * <p>Arrival instants are kept as an exact {@code double} count of microseconds and rounded to
 * the nearest microsecond only when reported, so rounding never accumulates.
 */
public final class PoissonArrivals implements ArrivalProcess {

    private final RateProfile profile;
    private final RandomStream random;
    private final double meanGapMicros;
    private double clock = Double.NaN;

    public PoissonArrivals(RateProfile profile, RandomStream random) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.random = Objects.requireNonNull(random, "random");
        this.meanGapMicros = Time.SECOND / profile.maxRatePerSecond();
    }

    @Override
    public long nextArrival(long now) {
        if (Double.isNaN(clock) || Math.round(clock) < now) {
            clock = now;
        }
        double max = profile.maxRatePerSecond();
        while (true) {
            clock += random.exponential(meanGapMicros);
            long t = Math.round(clock);
            if (profile.isConstant() || random.nextDouble() * max < profile.ratePerSecond(t)) {
                return t;
            }
        }
    }
}
