package io.stratus.sim;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The random streams of one run, each derived from the master seed and the stream's name.
 *
 * <p>A stream's seed is a 64-bit hash of (master seed, name), mixed with the SplitMix64
 * finaliser, so streams are independent of each other and of the order in which they are
 * created: adding a component with a new stream never shifts the numbers another component
 * draws.
 *
 * <p>Each name is claimed once: a second claim of a name throws, naming both owners. Two
 * components sharing one stream would silently interleave their draws, so adding or removing
 * one would change the other's numbers (for example a service and a queue both named
 * {@code web} drawing arrivals from {@code web/arrivals}).
 */
public final class RandomStreams {

    private final long masterSeed;
    private final Map<String, String> owners = new HashMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** The master seed. */
    public long masterSeed() {
        return masterSeed;
    }

    /**
     * Claims the stream of the given name for {@code owner} (a description for error messages,
     * such as {@code services.web}).
     *
     * @throws IllegalStateException if the name was claimed before
     */
    public RandomStream claim(String name, String owner) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        String first = owners.putIfAbsent(name, owner);
        if (first != null) {
            throw new IllegalStateException("random stream \"" + name + "\" is claimed twice: by " + first
                    + " and by " + owner + "; each owner needs its own stream name");
        }
        return new RandomStream(seedFor(masterSeed, name));
    }

    /**
     * Claims the stream of the given name for an owner known by that name alone.
     *
     * @throws IllegalStateException if the name was claimed before
     */
    public RandomStream stream(String name) {
        return claim(name, "the owner of stream \"" + name + "\"");
    }

    /** Whether a stream of that name has been claimed. */
    public boolean isClaimed(String name) {
        return owners.containsKey(name);
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
