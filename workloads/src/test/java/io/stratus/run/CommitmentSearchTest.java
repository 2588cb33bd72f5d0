package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.cli.CompareRepricingTest;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commitment search against brute force: every Savings Plan commitment on the $0.001/h grid
 * and every reservation count, each priced over the same replications; the search must find the
 * brute force's least expected cost. The scenario ({@link CompareRepricingTest#SCENARIO}) scales
 * with a daily cycle (1 to 6 m5.large), so the optimum is neither 0 nor the peak, and has a
 * Dedicated Instance of another account that no commitment may cover.
 */
class CommitmentSearchTest {

    private static CommitmentSearch search;

    @BeforeAll
    static void simulate() throws Exception {
        Scenario scenario = new ScenarioLoader(InstanceCatalog.bundled()).parse("s.yaml", CompareRepricingTest.SCENARIO);
        List<UsagePricer> runs = new ArrayList<>();
        for (long seed : new long[] {5, 6, 7}) {
            runs.add(new ScenarioRunner().runForPricing(scenario.withSeed(seed), PurchaseStrategy.onDemand()));
        }
        search = new CommitmentSearch(runs);
    }

    @Test
    void savingsPlanCommitmentIsTheBruteForceMinimumOverTheGrid() {
        for (int term : new int[] {1, 3}) {
            int max = search.maxPlanSteps();
            assertThat(max).isGreaterThan(100);
            double bruteMin = Double.MAX_VALUE;
            int bruteArg = -1;
            for (int k = 0; k <= max + 20; k++) { // beyond the bound too: it must not matter
                double cost = search.computePlan(term, k).meanUsd();
                if (cost < bruteMin) {
                    bruteMin = cost;
                    bruteArg = k;
                }
            }
            assertThat(bruteArg).as("an interior optimum").isBetween(1, max - 1);
            CommitmentSearch.Candidate best = search.bestComputePlan(term);
            assertThat(best.meanUsd()).as(term + "y").isCloseTo(bruteMin, within(1e-9));
            assertThat(best.meanUsd()).isLessThan(search.onDemand().meanUsd());
        }
    }

    @Test
    void reservationCountIsTheBruteForceMinimum() {
        Map<InstanceType, Integer> peaks = search.peakOnDemandCounts();
        assertThat(peaks).hasSize(1); // the Dedicated Instance is not eligible
        InstanceType m5 = peaks.keySet().iterator().next();
        assertThat(m5.name()).isEqualTo("m5.large");
        for (int term : new int[] {1, 3}) {
            ReservedOffering offering = new ReservedOffering(term, ReservedOffering.OfferingClass.STANDARD,
                    ReservedOffering.Payment.NO_UPFRONT);
            double bruteMin = Double.MAX_VALUE;
            for (int n = 0; n <= peaks.get(m5) + 3; n++) {
                bruteMin = Math.min(bruteMin, search.reservations(offering, Map.of(m5, n)).meanUsd());
            }
            assertThat(search.bestReservations(offering).meanUsd()).as(term + "y").isCloseTo(bruteMin, within(1e-9));
        }
    }

    @Test
    void ternarySearchFindsTheMinimumOfConvexSequencesWithPlateaus() {
        Random random = new Random(13);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + random.nextInt(60);
            // a convex sequence: non-decreasing integer slopes (zeros make plateaus), from a random start
            double[] f = new double[n];
            int slope = -random.nextInt(8);
            f[0] = random.nextInt(100);
            for (int i = 1; i < n; i++) {
                slope += random.nextInt(3) == 0 ? 1 : 0;
                f[i] = f[i - 1] + slope;
            }
            int naive = 0;
            for (int i = 1; i < n; i++) {
                if (f[i] < f[naive]) {
                    naive = i;
                }
            }
            int found = CommitmentSearch.argmin(0, n - 1, k -> f[k]);
            assertThat(f[found]).as("trial %d", trial).isEqualTo(f[naive]);
        }
    }
}
