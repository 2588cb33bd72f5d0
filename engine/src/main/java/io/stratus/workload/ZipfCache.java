package io.stratus.workload;

/**
 * The hit ratio of a cache over objects whose popularity follows a Zipf law.
 *
 * <p>Model: {@code N} objects of equal size; the k-th most popular is requested with probability
 * proportional to {@code k^-s}. An <em>ideal</em> cache holding {@code C} objects keeps the C most
 * popular (a perfect LFU cache under static popularity), so its hit ratio is
 * {@code H(C, s) / H(N, s)} with the generalised harmonic number {@code H(n, s) = sum k^-s,
 * k = 1..n}. Real LRU caches hit somewhat less (Che's approximation quantifies by how much); this
 * is the upper bound a capacity planner sizes against, and the model says so.
 *
 * <p>{@code H} is summed exactly up to {@value #EXACT_TERMS} terms and continued with the
 * Euler-Maclaurin formula beyond (error far below 1e-9 relative), so a billion objects cost
 * nothing.
 */
public final class ZipfCache {

    static final int EXACT_TERMS = 10_000;

    private final long objects;
    private final double exponent;
    private final double totalWeight;

    /**
     * @param objects  number of distinct objects, at least 1
     * @param exponent Zipf exponent s, from 0 (uniform) to 5
     */
    public ZipfCache(long objects, double exponent) {
        if (objects < 1) {
            throw new IllegalArgumentException("a cache needs at least one object, got " + objects);
        }
        if (!(exponent >= 0 && exponent <= 5)) {
            throw new IllegalArgumentException("Zipf exponent must be from 0 to 5, got " + exponent);
        }
        this.objects = objects;
        this.exponent = exponent;
        this.totalWeight = harmonic(objects, exponent);
    }

    /** The hit ratio when {@code cached} objects fit in the cache (0 to 1). */
    public double hitRatio(long cached) {
        if (cached <= 0) {
            return 0;
        }
        if (cached >= objects) {
            return 1;
        }
        return harmonic(cached, exponent) / totalWeight;
    }

    /** Number of objects. */
    public long objects() {
        return objects;
    }

    /** The generalised harmonic number H(n, s) = sum of k^-s for k = 1..n. */
    static double harmonic(long n, double s) {
        long exact = Math.min(n, EXACT_TERMS);
        double sum = 0;
        for (long k = exact; k >= 1; k--) { // smallest terms first, for accuracy
            sum += Math.pow(k, -s);
        }
        if (n == exact) {
            return sum;
        }
        // Euler-Maclaurin for sum_{k=a+1}^{n} f(k), f(x) = x^-s, a = exact:
        // integral_a^n f + (f(n) - f(a)) / 2 + (f'(n) - f'(a)) / 12
        double a = exact;
        double integral = Math.abs(s - 1) < 1e-12 ? Math.log(n / a)
                : (Math.pow(n, 1 - s) - Math.pow(a, 1 - s)) / (1 - s);
        double fn = Math.pow(n, -s);
        double fa = Math.pow(a, -s);
        double dfn = -s * Math.pow(n, -s - 1);
        double dfa = -s * Math.pow(a, -s - 1);
        return sum + integral + (fn - fa) / 2 + (dfn - dfa) / 12;
    }
}
