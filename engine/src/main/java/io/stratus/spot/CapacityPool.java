package io.stratus.spot;

import io.stratus.compute.InstanceType;
import io.stratus.sim.RandomStream;
import io.stratus.sim.RandomStreams;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;

/**
 * The spare spot capacity of one capacity pool (an instance type in a zone) over time, as the
 * {@link SpotMarket} models it: capacity drops arrive as a Poisson process of rate
 * {@code lambda} per hour; a drop cuts the pool's spare-capacity level {@code L} (1 = its normal
 * depth) by the share {@code f} and reclaims each of the pool's running spot instances with
 * probability {@code f}, all at the same instant (so interruptions within a pool are correlated);
 * between drops the level recovers towards 1 exponentially with time constant {@code tau}:
 * <pre>
 *   L(t) = 1 - (1 - L(t0)) exp(-(t - t0) / tau)       after the last drop at t0
 *   lambda = h / f,   h = -ln(1 - p) / 730             (p: the type's Spot Advisor bucket midpoint)
 * </pre>
 * so one instance running for the 730 hours of a month is reclaimed with probability exactly
 * {@code p}, its bucket's monthly interruption frequency, whatever the level does.
 *
 * <p>Simplified: AWS publishes no pool depth, drop size or recovery time; {@code f} and
 * {@code tau} are assumptions ({@link SpotMarket#DROP_SHARE}, {@link SpotMarket#RECOVERY}). The
 * depth a launch reads ({@link #depth}) is the level times the mean hours between drops, so a
 * pool of a rarely interrupted type is deeper, and a pool that has just lost capacity is
 * shallower until it recovers. The drop times of a pool depend only on the seed and the pool's
 * name, not on which other pools exist or what runs in them: the pool's seed gives two streams,
 * one for its drop times (the seed's own) and one for which members a drop reclaims (derived from
 * the seed and the name {@code reclaims}), so how many members a drop draws for never shifts a
 * later drop.
 */
final class CapacityPool {

    final InstanceType type;
    final int zone;
    final int index;
    /** Draws the drop times only. */
    private final RandomStream dropTimes;
    /** Draws, member by member, whether a drop reclaims it. */
    private final RandomStream reclaimDraws;
    private final double dropRatePerHour;
    private final double share;
    private final long recovery;
    /** The pool's running spot instances, in the order they entered running (O(1) removal). */
    final IntLinkedOpenHashSet members = new IntLinkedOpenHashSet();
    long nextDrop;
    long lastDrop = Long.MIN_VALUE;
    private double levelAfterLastDrop = 1;
    boolean scheduled;
    /** The drop whose rebalance recommendations went out (the pool is at risk until it comes), or -1. */
    long recommendedFor = -1;
    long drops;
    long reclaims;

    CapacityPool(InstanceType type, int zone, int index, long seed, double hazardPerHour, double share, long recovery) {
        this.type = type;
        this.zone = zone;
        this.index = index;
        this.dropTimes = new RandomStream(seed); // as before the split, so a pool's first drop is where it was
        this.reclaimDraws = new RandomStream(RandomStreams.seedFor(seed, "reclaims"));
        this.share = share;
        this.recovery = recovery;
        this.dropRatePerHour = hazardPerHour / share;
        this.nextDrop = dropRatePerHour > 0 ? drawAfter(0) : Long.MAX_VALUE;
    }

    /** The time of the first drop after {@code t}. */
    private long drawAfter(long t) {
        return Time.plus(t, Math.max(1, Math.round(dropTimes.exponential(Time.HOUR / dropRatePerHour))));
    }

    /** Applies the drop due now to the level and draws the next one. */
    void drop(long now) {
        levelAfterLastDrop = level(now) * (1 - share);
        lastDrop = now;
        drops++;
        nextDrop = drawAfter(now);
    }

    /** Applies the drops due at or before {@code now} while no instance of the pool runs. */
    void catchUp(long now) {
        while (nextDrop <= now) {
            drop(nextDrop);
        }
    }

    /** Whether the drop under way reclaims the next member (one draw from the pool's reclaim stream). */
    boolean reclaimsNext() {
        return reclaimDraws.nextDouble() < share;
    }

    /** The spare-capacity level at {@code now}, 0 to 1 (1: the pool's normal depth). */
    double level(long now) {
        if (lastDrop == Long.MIN_VALUE) {
            return 1;
        }
        return 1 - (1 - levelAfterLastDrop) * Math.exp(-(now - lastDrop) / (double) recovery);
    }

    /** The pool's depth at {@code now}: its level times the mean hours between its drops (infinite for none). */
    double depth(long now) {
        return dropRatePerHour > 0 ? level(now) / dropRatePerHour : Double.POSITIVE_INFINITY;
    }

    /** Capacity drops per hour. */
    double dropRatePerHour() {
        return dropRatePerHour;
    }
}
