package io.stratus.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The random streams of one run, each derived from the master seed and the stream's name.
 *
 * <p>A stream's seed is a 64-bit hash of (master seed, name), mixed with the SplitMix64
 * finaliser, so streams are independent of each other and of the order in which they are
 * created: adding a component with a new stream never shifts the numbers another component
 * draws. Asking twice for the same name returns the same stream object.
 */
public final class RandomStreams {

    private final long masterSeed;
    private final Map<String, RandomStream> streams = new HashMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** The master seed. */
    public long masterSeed() {
        return masterSeed;
    }

    /** The stream of the given name, created on first use. */
    public RandomStream stream(String name) {
        return streams.computeIfAbsent(name, n -> new RandomStream(seedFor(masterSeed, n)));
    }

    /** The seed of stream {@code name} under {@code masterSeed}. */
    public static long seedFor(long masterSeed, String name) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64 offset basis
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix64(mix64(masterSeed) ^ mix64(h));
    }

    /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
