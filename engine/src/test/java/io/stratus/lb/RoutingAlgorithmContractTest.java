package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every routing algorithm of the registry must do. */
class RoutingAlgorithmContractTest {

    static Iterable<String> names() {
        return RoutingAlgorithms.NAMES;
    }

    /** Candidates with settable outstanding counts. */
    private static final class Fixed implements RoutingAlgorithm.Candidates {
        final int[] outstanding;

        Fixed(int n) {
            outstanding = new int[n];
        }

        @Override
        public int size() {
            return outstanding.length;
        }

        @Override
        public int target(int i) {
            return 100 + i;
        }

        @Override
        public int outstanding(int i) {
            return outstanding[i];
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void choosesAValidPositionWhateverTheSizeAndItsNameIsItsRegistryName(String name) {
        RoutingAlgorithm algorithm = RoutingAlgorithms.create(name, new RandomStream(1));
        assertThat(algorithm.name()).isEqualTo(name);
        RandomStream random = new RandomStream(2);
        for (int i = 0; i < 10_000; i++) {
            Fixed c = new Fixed(1 + random.nextInt(9));
            for (int k = 0; k < c.size(); k++) {
                c.outstanding[k] = random.nextInt(4);
            }
            assertThat(algorithm.choose(c)).isBetween(0, c.size() - 1);
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void sharesEqualTargetsEqually(String name) {
        RoutingAlgorithm algorithm = RoutingAlgorithms.create(name, new RandomStream(3));
        Fixed c = new Fixed(5);
        int[] count = new int[5];
        int requests = 100_000;
        for (int i = 0; i < requests; i++) {
            count[algorithm.choose(c)]++;
        }
        for (int k = 0; k < 5; k++) {
            assertThat(count[k]).isBetween(requests / 5 - 1_000, requests / 5 + 1_000);
        }
    }

    @Test
    void leastOutstandingNeverPicksABusierTarget() {
        RoutingAlgorithm algorithm = new LeastOutstandingRequestsRouting();
        RandomStream random = new RandomStream(4);
        for (int i = 0; i < 10_000; i++) {
            Fixed c = new Fixed(1 + random.nextInt(9));
            int min = Integer.MAX_VALUE;
            for (int k = 0; k < c.size(); k++) {
                c.outstanding[k] = random.nextInt(5);
                min = Math.min(min, c.outstanding[k]);
            }
            assertThat(c.outstanding(algorithm.choose(c))).isEqualTo(min);
        }
    }
}
