package io.stratus.synthetic;

import io.stratus.sim.RandomStream;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Stratus {@link RandomStream} seen as a Commons Math {@link RandomGenerator}, so Commons Math
 * distributions draw from the run's seeded, named streams and stay reproducible.
 *
 * <p>Seeding is refused: a stream's seed is fixed by the master seed and its name, and reseeding
 * one would make a run depend on the order of calls. Gaussians use the Marsaglia polar method
 * (exact; the second value of each pair is kept for the next call). Not thread-safe.
 */
public final class StreamRandomGenerator implements RandomGenerator {

    private final RandomStream stream;
    private double spareGaussian;
    private boolean hasSpare;

    public StreamRandomGenerator(RandomStream stream) {
        this.stream = Objects.requireNonNull(stream, "stream");
    }

    /** Refused: streams are seeded by name from the master seed. */
    @Override
    public void setSeed(int seed) {
        throw reseeding();
    }

    /** Refused: streams are seeded by name from the master seed. */
    @Override
    public void setSeed(int[] seed) {
        throw reseeding();
    }

    /** Refused: streams are seeded by name from the master seed. */
    @Override
    public void setSeed(long seed) {
        throw reseeding();
    }

    private static UnsupportedOperationException reseeding() {
        return new UnsupportedOperationException(
                "a RandomStream is seeded from the master seed and its name; it cannot be reseeded");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long bits = stream.nextLong();
            for (int k = 0; k < Long.BYTES && i < bytes.length; k++, bits >>>= Byte.SIZE) {
                bytes[i++] = (byte) bits;
            }
        }
    }

    @Override
    public int nextInt() {
        return (int) (stream.nextLong() >>> 32);
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + n);
        }
        return stream.nextInt(n);
    }

    @Override
    public long nextLong() {
        return stream.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return stream.nextLong() < 0;
    }

    @Override
    public float nextFloat() {
        return (stream.nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }

    @Override
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * stream.nextDouble() - 1;
            v = 2 * stream.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }
}
