package io.stratus.synthetic;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A Markov-modulated Poisson process (MMPP): a continuous-time Markov chain over {@code k} states
 * switches the arrival rate, which is {@code rate[i]} while the chain is in state {@code i}. The
 * usual model of bursty traffic: a quiet state and one or more burst states.
 *
 * <p>The chain is given by its generator matrix {@code Q} (per second): {@code Q[i][j] >= 0} is
 * the rate of jumping from {@code i} to {@code j}, and each row sums to 0. It stays in state
 * {@code i} for an exponential time of mean {@code 1 / -Q[i][i]}. The chain must be irreducible,
 * so it has a unique stationary distribution {@code pi} ({@code pi Q = 0}, {@code sum pi = 1}),
 * and the long-run arrival rate is {@code sum pi[i] rate[i]}. Immutable.
 */
public final class MmppModel {

    private static final double ROW_SUM_TOLERANCE = 1e-9;

    private final double[] rates;
    private final double[][] generator;
    private final double[] stationary;
    private final double meanRate;

    /**
     * @param ratesPerSecond     the arrival rate in each state, arrivals per second (not
     *                           negative, at least one positive)
     * @param generatorPerSecond the chain's generator matrix, per second
     */
    public MmppModel(double[] ratesPerSecond, double[][] generatorPerSecond) {
        int k = ratesPerSecond.length;
        if (k == 0) {
            throw new IllegalArgumentException("an MMPP needs at least one state");
        }
        if (generatorPerSecond.length != k) {
            throw new IllegalArgumentException("generator must be " + k + " x " + k + ", got " + generatorPerSecond.length + " rows");
        }
        rates = ratesPerSecond.clone();
        generator = new double[k][];
        double largest = 0;
        for (int i = 0; i < k; i++) {
            if (!(rates[i] >= 0) || !Double.isFinite(rates[i])) {
                throw new IllegalArgumentException("state " + i + ": rate must be finite and not negative, got " + rates[i]);
            }
            largest = Math.max(largest, rates[i]);
            generator[i] = checkRow(i, generatorPerSecond[i], k);
        }
        if (largest == 0) {
            throw new IllegalArgumentException("at least one state must have a positive rate");
        }
        stationary = solveStationary(generator);
        double m = 0;
        for (int i = 0; i < k; i++) {
            m += stationary[i] * rates[i];
        }
        meanRate = m;
    }

    /**
     * An MMPP given by how long it stays in each state: state {@code i} lasts an exponential
     * time of mean {@code meanSojournSeconds[i]}, then the chain jumps to one of the other states,
     * each equally likely (for two states: to the other one). With {@code k} states the
     * generator is {@code Q[i][j] = 1 / ((k - 1) meanSojourn[i])} off the diagonal.
     */
    public static MmppModel fromSojourns(double[] ratesPerSecond, double[] meanSojournSeconds) {
        int k = ratesPerSecond.length;
        if (meanSojournSeconds.length != k) {
            throw new IllegalArgumentException("need one mean sojourn per state: " + k + " rates, "
                    + meanSojournSeconds.length + " sojourns");
        }
        if (k < 2) {
            throw new IllegalArgumentException("a modulated process needs at least two states");
        }
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            double s = meanSojournSeconds[i];
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("state " + i + ": mean sojourn must be positive, got " + s);
            }
            for (int j = 0; j < k; j++) {
                q[i][j] = i == j ? -1 / s : 1 / ((k - 1) * s);
            }
        }
        return new MmppModel(ratesPerSecond, q);
    }

    private static double[] checkRow(int i, double[] row, int k) {
        if (row.length != k) {
            throw new IllegalArgumentException("generator row " + i + " has " + row.length + " entries, need " + k);
        }
        double offDiagonal = 0;
        for (int j = 0; j < k; j++) {
            if (j != i) {
                if (!(row[j] >= 0) || !Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("generator[" + i + "][" + j
                            + "] is a jump rate: must be finite and not negative, got " + row[j]);
                }
                offDiagonal += row[j];
            }
        }
        if (Math.abs(row[i] + offDiagonal) > ROW_SUM_TOLERANCE * Math.max(1, offDiagonal)) {
            throw new IllegalArgumentException("generator row " + i + " must sum to 0: the diagonal must be "
                    + -offDiagonal + ", got " + row[i]);
        }
        double[] copy = row.clone();
        copy[i] = -offDiagonal; // exact
        return copy;
    }

    /** Solves pi Q = 0 with sum pi = 1: Q transposed, its last equation replaced by the sum. */
    private static double[] solveStationary(double[][] q) {
        int k = q.length;
        double[][] a = new double[k][k];
        for (int i = 0; i < k - 1; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = q[j][i];
            }
        }
        Arrays.fill(a[k - 1], 1);
        RealVector b = new ArrayRealVector(k);
        b.setEntry(k - 1, 1);
        double[] pi;
        try {
            pi = new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(b).toArray();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the chain is not irreducible: it has no unique stationary distribution");
        }
        for (int i = 0; i < k; i++) {
            if (!(pi[i] > 1e-12)) {
                throw new IllegalArgumentException("the chain is not irreducible: state " + i + " is transient");
            }
        }
        return pi;
    }

    /** The number of states. */
    public int states() {
        return rates.length;
    }

    /** The arrival rate in state {@code i}, per second. */
    public double rate(int i) {
        return rates[i];
    }

    /** The jump rate from state {@code i} to {@code j} (per second; the diagonal is minus the exit rate). */
    public double generator(int i, int j) {
        return generator[i][j];
    }

    /** The rate of leaving state {@code i}, per second. */
    public double exitRate(int i) {
        return -generator[i][i];
    }

    /** The long-run fraction of time in each state (a copy). */
    public double[] stationary() {
        return stationary.clone();
    }

    /** The long-run arrival rate {@code sum pi[i] rate[i]}, per second. */
    public double meanRatePerSecond() {
        return meanRate;
    }
}
