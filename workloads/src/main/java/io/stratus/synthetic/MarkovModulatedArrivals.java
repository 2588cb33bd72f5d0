package io.stratus.synthetic;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import io.stratus.workload.ArrivalProcess;
import java.util.Objects;

/**
 * Arrivals of a Markov-modulated Poisson process ({@link MmppModel}), simulated exactly: the chain
 * holds each state for an exponential time, and within it arrivals form a Poisson process at the
 * state's rate; both clocks are memoryless, so an arrival gap that overruns a state change is
 * simply redrawn in the next state.
 *
 * <p>The initial state is drawn from the stationary distribution, so the process is stationary
 * from its first call (its expected rate is the long-run rate at all times). Instants are kept as
 * exact {@code double} microseconds and rounded only when reported. A call with {@code now} past
 * the last arrival lets the chain run on to {@code now} and drops the arrivals in between.
 * Nothing is allocated per arrival.
 */
public final class MarkovModulatedArrivals implements ArrivalProcess {

    private final MmppModel model;
    private final RandomStream random;
    private final double[] meanGapMicros;
    private final double[] meanSojournMicros;
    private final double[][] jumpCumulative;
    private boolean started;
    private int state;
    private double clock;
    private double stateEnd;

    public MarkovModulatedArrivals(MmppModel model, RandomStream random) {
        this.model = Objects.requireNonNull(model, "model");
        this.random = Objects.requireNonNull(random, "random");
        int k = model.states();
        meanGapMicros = new double[k];
        meanSojournMicros = new double[k];
        jumpCumulative = new double[k][k];
        for (int i = 0; i < k; i++) {
            double rate = model.rate(i);
            meanGapMicros[i] = rate > 0 ? Time.SECOND / rate : Double.POSITIVE_INFINITY;
            double exit = model.exitRate(i);
            meanSojournMicros[i] = exit > 0 ? Time.SECOND / exit : Double.POSITIVE_INFINITY;
            double cumulative = 0;
            for (int j = 0; j < k; j++) {
                if (j != i && exit > 0) {
                    cumulative += model.generator(i, j) / exit;
                }
                jumpCumulative[i][j] = cumulative;
            }
        }
    }

    /** The state the chain is in (after the latest call). */
    public int state() {
        return state;
    }

    @Override
    public long nextArrival(long now) {
        if (!started) {
            started = true;
            state = pick(model.stationary());
            clock = now;
            stateEnd = clock + sojourn();
        }
        while (stateEnd <= now) {
            clock = stateEnd;
            jump();
        }
        clock = Math.max(clock, now);
        while (true) {
            double arrival = clock + gap();
            if (arrival < stateEnd) {
                clock = arrival;
                return Math.round(arrival);
            }
            clock = stateEnd;
            jump();
        }
    }

    private double gap() {
        double mean = meanGapMicros[state];
        return mean == Double.POSITIVE_INFINITY ? mean : random.exponential(mean);
    }

    private double sojourn() {
        double mean = meanSojournMicros[state];
        return mean == Double.POSITIVE_INFINITY ? mean : random.exponential(mean);
    }

    private void jump() {
        double u = random.nextDouble();
        double[] cumulative = jumpCumulative[state];
        int next = state;
        for (int j = 0; j < cumulative.length; j++) {
            if (j != state && u < cumulative[j]) {
                next = j;
                break;
            }
        }
        if (next == state) { // rounding left u above the last sum: take the last reachable state
            for (int j = cumulative.length - 1; j >= 0; j--) {
                if (j != state && model.generator(state, j) > 0) {
                    next = j;
                    break;
                }
            }
        }
        state = next;
        stateEnd = clock + sojourn();
    }

    private int pick(double[] probabilities) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length - 1; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
