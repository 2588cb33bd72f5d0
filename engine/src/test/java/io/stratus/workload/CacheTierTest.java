package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheTierTest {

    private final Simulation sim = new Simulation(3);
    private final List<Long> latencies = new ArrayList<>();

    private CacheTier tier(long cachedObjects) {
        return new CacheTier(sim, new ZipfCache(1000, 0), () -> cachedObjects, 8 * Time.MILLISECOND,
                sim.random().stream("cache"), (instance, arrival, now) -> latencies.add(now - arrival));
    }

    @Test
    void everythingCachedMeansNoBackendDelay() {
        CacheTier tier = tier(1000);
        tier.completed(0, 0, 5);
        sim.run();
        assertThat(latencies).containsExactly(5L);
        assertThat(tier.hits()).isEqualTo(1);
    }

    @Test
    void aMissWaitsForTheBackend() {
        CacheTier tier = tier(0);
        sim.runUntil(5); // the CPU work ends at 5 us
        tier.completed(0, 0, 5);
        sim.run();
        // 5 us of CPU, then the 8 ms backend fetch
        assertThat(latencies).containsExactly(5L + 8 * Time.MILLISECOND);
        assertThat(tier.misses()).isEqualTo(1);
    }

    @Test
    void hitsFollowTheHitRatio() {
        // uniform popularity, 300 of 1000 objects cached: hit ratio 0.3; 100,000 draws, 4 sd = 0.0058
        CacheTier tier = tier(300);
        for (int i = 0; i < 100_000; i++) {
            tier.completed(0, 0, 0);
        }
        assertThat(tier.hits() / 100_000.0).isBetween(0.3 - 0.0058, 0.3 + 0.0058);
    }
}
