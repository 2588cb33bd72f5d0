package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZipfCacheTest {

    @Test
    void uniformPopularityHitsInProportionToSize() {
        // s = 0: every object equally likely, hit ratio = C / N
        ZipfCache cache = new ZipfCache(1000, 0);
        assertThat(cache.hitRatio(250)).isCloseTo(0.25, within(1e-12));
        assertThat(cache.hitRatio(0)).isZero();
        assertThat(cache.hitRatio(5000)).isEqualTo(1.0);
    }

    @Test
    void handWorkedZipf() {
        // N = 4, s = 1: weights 1, 1/2, 1/3, 1/4, total 25/12; top 2 hold (3/2) / (25/12) = 18/25
        assertThat(new ZipfCache(4, 1).hitRatio(2)).isCloseTo(18.0 / 25, within(1e-12));
    }

    @Test
    void eulerMaclaurinMatchesTheExactSum() {
        for (double s : new double[] {0.5, 0.9, 1.0, 1.2}) {
            long n = 3 * ZipfCache.EXACT_TERMS + 17;
            double exact = 0;
            for (long k = n; k >= 1; k--) {
                exact += Math.pow(k, -s);
            }
            assertThat(ZipfCache.harmonic(n, s)).as("s = %s", s).isCloseTo(exact, within(exact * 1e-10));
        }
    }

    @Test
    void largeCatalogues() {
        // s = 1 over 10^9 objects, a 10% cache: H(10^8) / H(10^9) = (ln 1e8 + gamma) / (ln 1e9 + gamma)
        double gamma = 0.5772156649015329;
        double expected = (Math.log(1e8) + gamma) / (Math.log(1e9) + gamma);
        assertThat(new ZipfCache(1_000_000_000L, 1).hitRatio(100_000_000L)).isCloseTo(expected, within(1e-9));
    }
}
