package io.stratus.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.RandomStream;
import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

/**
 * MMPP against theory. For two states with rates l1, l2 and switching rates r1 (1 to 2), r2
 * (2 to 1), s = r1 + r2: pi1 = r2 / s, the long-run rate is pi1 l1 + pi2 l2, and the index of
 * dispersion of counts in a window t is
 * {@code 1 + 2 (l1 - l2)^2 r1 r2 / (mean s^3) x (1 - (1 - e^(-st)) / (st))} (Heffes and Lucantoni
 * 1986): well above 1, where a Poisson process has exactly 1.
 */
class MarkovModulatedArrivalsTest {

    // bursts of 50/s lasting 2 s on average, quiet spells of 5/s lasting 8 s
    private final MmppModel bursty = MmppModel.fromSojourns(new double[] {50, 5}, new double[] {2, 8});

    @Test
    void twoStateStationaryDistributionInClosedForm() {
        double r1 = 0.5;
        double r2 = 0.125;
        assertThat(bursty.generator(0, 1)).isEqualTo(r1);
        assertThat(bursty.generator(1, 0)).isEqualTo(r2);
        assertThat(bursty.stationary()).containsExactly(new double[] {r2 / (r1 + r2), r1 / (r1 + r2)}, within(1e-12));
        assertThat(bursty.meanRatePerSecond()).isCloseTo(0.2 * 50 + 0.8 * 5, within(1e-12));
    }

    @Test
    void threeStateStationaryDistributionSolvesPiQEqualsZero() {
        double[][] q = {{-3, 2, 1}, {0.5, -0.5, 0}, {4, 4, -8}};
        MmppModel model = new MmppModel(new double[] {1, 10, 100}, q);
        double[] pi = model.stationary();
        assertThat(pi[0] + pi[1] + pi[2]).isCloseTo(1, within(1e-12));
        for (int j = 0; j < 3; j++) {
            double flow = 0;
            for (int i = 0; i < 3; i++) {
                flow += pi[i] * q[i][j];
            }
            assertThat(flow).as("(pi Q)[%d]", j).isCloseTo(0, within(1e-12));
        }
        assertThat(model.meanRatePerSecond()).isCloseTo(pi[0] + 10 * pi[1] + 100 * pi[2], within(1e-12));
    }

    @Test
    void longRunRateAndBurstinessMatchTheory() {
        MarkovModulatedArrivals arrivals = new MarkovModulatedArrivals(bursty, new RandomStreams(42).stream("mmpp"));
        long window = 100 * Time.SECOND;
        long[] counts = Counts.perWindow(arrivals, window, 1000);
        double seconds = 100.0 * 1000;
        double rate = Counts.sum(counts) / seconds;
        // counts over 100,000 s have a standard deviation of about 0.7 % here
        assertThat(rate).isCloseTo(14, within(14 * 0.035));

        double l1 = 50;
        double l2 = 5;
        double r1 = 0.5;
        double r2 = 0.125;
        double s = r1 + r2;
        double st = s * 100;
        double idc = 1 + 2 * (l1 - l2) * (l1 - l2) * r1 * r2 / (14 * s * s * s) * (1 - (1 - Math.exp(-st)) / st);
        double measured = Counts.variance(counts) / Counts.mean(counts);
        assertThat(idc).isCloseTo(73.9, within(0.1));
        assertThat(measured).isCloseTo(idc, within(idc * 0.2));
    }

    @Test
    void anOnOffSourceIsSilentWhenOff() {
        MmppModel onOff = MmppModel.fromSojourns(new double[] {0, 100}, new double[] {10, 1});
        assertThat(onOff.meanRatePerSecond()).isCloseTo(100.0 / 11, within(1e-12));
        MarkovModulatedArrivals arrivals = new MarkovModulatedArrivals(onOff, new RandomStream(5));
        long now = 0;
        for (int i = 0; i < 10_000; i++) {
            now = arrivals.nextArrival(now);
            assertThat(arrivals.state()).isEqualTo(1);
        }
    }

    @Test
    void sameSeedSameArrivals() {
        MarkovModulatedArrivals a = new MarkovModulatedArrivals(bursty, new RandomStream(9));
        MarkovModulatedArrivals b = new MarkovModulatedArrivals(bursty, new RandomStream(9));
        long ta = 0;
        long tb = 0;
        for (int i = 0; i < 1000; i++) {
            ta = a.nextArrival(ta);
            tb = b.nextArrival(tb);
            assertThat(ta).isEqualTo(tb);
        }
    }

    @Test
    void jumpingAheadLetsTheChainRunOn() {
        MarkovModulatedArrivals arrivals = new MarkovModulatedArrivals(bursty, new RandomStream(9));
        long first = arrivals.nextArrival(0);
        assertThat(arrivals.nextArrival(first + Time.HOUR)).isGreaterThanOrEqualTo(first + Time.HOUR);
    }

    @Test
    void badModelsAreRefused() {
        assertThatThrownBy(() -> new MmppModel(new double[] {1, 2}, new double[][] {{-1, 1}, {1, -2}}))
                .hasMessageContaining("row 1 must sum to 0");
        assertThatThrownBy(() -> new MmppModel(new double[] {1, 2}, new double[][] {{1, -1}, {1, -1}}))
                .hasMessageContaining("must be finite and not negative");
        assertThatThrownBy(() -> new MmppModel(new double[] {1, 2}, new double[][] {{0, 0}, {1, -1}}))
                .hasMessageContaining("not irreducible");
        assertThatThrownBy(() -> new MmppModel(new double[] {0, 0}, new double[][] {{-1, 1}, {1, -1}}))
                .hasMessageContaining("positive rate");
        assertThatThrownBy(() -> MmppModel.fromSojourns(new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("one mean sojourn per state");
    }
}
