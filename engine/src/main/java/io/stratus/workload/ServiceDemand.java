package io.stratus.workload;

import io.stratus.sim.RandomStream;
import java.util.Objects;

/** The CPU work one request needs, in microseconds of one vCPU. */
public interface ServiceDemand {

    /** The work of the next request. */
    long nextWorkMicros();

    /** The mean work, microseconds. */
    double meanWorkMicros();

    /** Every request needs the same work. */
    static ServiceDemand fixed(long workMicros) {
        if (workMicros <= 0) {
            throw new IllegalArgumentException("service demand must be positive, got " + workMicros);
        }
        return new ServiceDemand() {
            @Override
            public long nextWorkMicros() {
                return workMicros;
            }

            @Override
            public double meanWorkMicros() {
                return workMicros;
            }
        };
    }

    /**
     * Exponentially distributed work with the given mean, rounded to the nearest microsecond
     * (at least 1).
     */
    static ServiceDemand exponential(double meanMicros, RandomStream random) {
        if (!(meanMicros >= 1) || !Double.isFinite(meanMicros)) {
            throw new IllegalArgumentException("mean service demand must be at least 1us, got " + meanMicros);
        }
        Objects.requireNonNull(random, "random");
        return new ServiceDemand() {
            @Override
            public long nextWorkMicros() {
                return Math.max(1, Math.round(random.exponential(meanMicros)));
            }

            @Override
            public double meanWorkMicros() {
                return meanMicros;
            }
        };
    }
}
