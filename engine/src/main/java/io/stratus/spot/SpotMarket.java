package io.stratus.spot;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.RandomStreams;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The spot market by capacity pool (an instance type in a zone): EC2 reclaims spot instances when
 * a pool's spare capacity drops, with a two-minute notice, and may send a rebalance recommendation
 * before that.
 *
 * <p>An instance is spot when its launch said so ({@link io.stratus.compute.LaunchSpec#purchase()});
 * the market only reads it. Each pool's spare capacity is a {@link CapacityPool}: drops arrive as
 * a Poisson process fitted so that one instance running a month is interrupted with its type's
 * Spot Advisor bucket frequency ({@link SpotModel#hazardPerHour}), and each drop reclaims about
 * {@link #DROP_SHARE} of the pool's running spot instances at once, each with that probability, so
 * interruptions are correlated within a pool and independent across pools. At a drop the reclaimed
 * instances get their notice, and the {@link SpotInterruptionListener}s are told; two minutes
 * later, if an instance still runs, they are told it is reclaimed and the reclaim action runs:
 * terminate by default, or stop for a fleet that supports it. An instance that leaves running
 * before then is not interrupted. Capacity pressure from other models (a maximum price) calls
 * {@link #interrupt(int)}, which gives the notice at once.
 *
 * <p><b>Rebalance recommendations</b> (simplified): EC2 sends one when an instance is "at an
 * elevated risk of interruption", and "it can arrive sooner than the two-minute Spot Instance
 * interruption notice" but not always (EC2 User Guide, "EC2 instance rebalance
 * recommendations"). AWS publishes no distribution for how much sooner, so this model sends one
 * to every running spot instance of a pool a fixed {@code rebalanceLead} before each of the pool's
 * capacity drops, whether or not the drop then reclaims it (an instance entering running within
 * that lead gets none, so a group's rebalancing replacement is not itself replaced at once); none
 * for a notice forced by {@link #interrupt(int)}. A lead of 0 sends none. From the recommendations
 * to the drop, the pool's {@link #depth} reads as it will be after the drop (the elevated risk
 * the recommendation signals), so capacity-aware strategies avoid it.
 *
 * <p>Pools are made when first asked about or first run an instance, each with its own random
 * stream ({@code spot-pool/TYPE@ZONE}), so a pool's drops depend only on the seed. A drop handles
 * its members without allocating (a reused scratch list).
 */
public final class SpotMarket implements InstanceListener, SpotPoolView {

    /** The interruption notice EC2 gives. */
    public static final long NOTICE_MICROS = 2 * Time.MINUTE;
    /** The assumed lead of a rebalance recommendation over the interruption notice it precedes. */
    public static final long DEFAULT_REBALANCE_LEAD = 10 * Time.MINUTE;
    /** The assumed share of a pool's running spot instances one capacity drop reclaims (and of its spare capacity it takes). */
    public static final double DROP_SHARE = 0.5;
    /** The assumed time constant of a pool's recovery after a capacity drop. */
    public static final long RECOVERY = 6 * Time.HOUR;

    private final Simulation sim;
    private final Fleet fleet;
    private final SpotModel model;
    private final SpotPriceProcess prices;
    private final IntConsumer reclaimAction;
    private final long rebalanceLead;
    private final List<SpotInterruptionListener> listeners = new ArrayList<>();
    private final Map<String, CapacityPool> poolsByName = new HashMap<>();
    // the same pools by type, then zone index: found without building a name (no allocation per lifecycle event)
    private final Map<InstanceType, CapacityPool[]> poolsByType = new HashMap<>();
    private final List<CapacityPool> pools = new ArrayList<>();
    private final Int2IntOpenHashMap poolOf = new Int2IntOpenHashMap();
    private final Int2LongOpenHashMap reclaimAt = new Int2LongOpenHashMap();
    private final IntArrayList scratch = new IntArrayList();
    private final int recommendationKind;
    private final int dropKind;
    private final int reclaimKind;
    private long recommendations;
    private long notices;
    private long interruptions;

    /** Spot interruptions that terminate the reclaimed instance, with the default rebalance lead. */
    public SpotMarket(Simulation sim, Fleet fleet, SpotModel model) {
        this(sim, fleet, model, fleet::terminate, DEFAULT_REBALANCE_LEAD);
    }

    /**
     * With spot prices generated from the run's seed ({@link MeanRevertingSpotPrices}), as pricing bills them.
     *
     * @param reclaimAction what reclaiming does to an instance id (terminate, or stop)
     * @param rebalanceLead how long before a pool's capacity drop its rebalance recommendations come (0: none)
     */
    public SpotMarket(Simulation sim, Fleet fleet, SpotModel model, IntConsumer reclaimAction, long rebalanceLead) {
        this(sim, fleet, model, new MeanRevertingSpotPrices(model, sim.random().masterSeed()), reclaimAction,
                rebalanceLead);
    }

    /** With an explicit spot price process (replayed prices, say). */
    public SpotMarket(Simulation sim, Fleet fleet, SpotModel model, SpotPriceProcess prices, IntConsumer reclaimAction,
                      long rebalanceLead) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.model = Objects.requireNonNull(model, "model");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.reclaimAction = Objects.requireNonNull(reclaimAction, "reclaimAction");
        if (rebalanceLead < 0) {
            throw new IllegalArgumentException("the rebalance lead must not be negative, got " + rebalanceLead);
        }
        this.rebalanceLead = rebalanceLead;
        this.recommendationKind = sim.registerKind("spot-rebalance-recommendation", (p, d) -> recommendPool(p));
        this.dropKind = sim.registerKind("spot-capacity-drop", (p, d) -> drop(p));
        this.reclaimKind = sim.registerKind("spot-reclaim", (id, d) -> reclaim(id));
        poolOf.defaultReturnValue(-1);
        reclaimAt.defaultReturnValue(-1);
    }

    /** A market that terminates reclaimed instances, added to {@code fleet} as a listener. */
    public static SpotMarket attach(Simulation sim, Fleet fleet, SpotModel model) {
        SpotMarket market = new SpotMarket(sim, fleet, model);
        fleet.addListener(market);
        return market;
    }

    /** Adds a listener; listeners are told in the order they were added. */
    public void addListener(SpotInterruptionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The spot prices this market reads (the same the bill reads under the same seed). */
    public SpotPriceProcess prices() {
        return prices;
    }

    private static boolean isSpot(Instance instance) {
        return instance.spec().purchase() == PurchaseOption.SPOT;
    }

    /** The pool of {@code type} in {@code zone}, made on first use; its level is current only once scheduled or caught up. */
    private CapacityPool pool(InstanceType type, int zone) {
        CapacityPool[] byZone = poolsByType.get(type);
        if (byZone != null && zone < byZone.length && byZone[zone] != null) {
            return byZone[zone];
        }
        String name = type.name() + "@" + zone;
        long seed = RandomStreams.seedFor(sim.random().masterSeed(), "spot-pool/" + name);
        CapacityPool pool = new CapacityPool(type, zone, pools.size(), seed, model.hazardPerHour(type), DROP_SHARE,
                RECOVERY);
        pool.catchUp(sim.now());
        poolsByName.put(name, pool);
        pools.add(pool);
        if (byZone == null || zone >= byZone.length) {
            byZone = Arrays.copyOf(byZone == null ? new CapacityPool[0] : byZone, zone + 1);
            poolsByType.put(type, byZone);
        }
        byZone[zone] = pool;
        return pool;
    }

    @Override
    public double usdPerHour(InstanceType type, int zone, long now) {
        return prices.usdPerHour(type, zone, now / Time.HOUR);
    }

    @Override
    public double depth(InstanceType type, int zone, long now) {
        CapacityPool pool = pool(type, zone);
        if (!pool.scheduled) {
            pool.catchUp(now);
        }
        boolean atRisk = pool.recommendedFor == pool.nextDrop && pool.nextDrop != Long.MAX_VALUE;
        return atRisk ? pool.depth(now) * (1 - DROP_SHARE) : pool.depth(now);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (to == InstanceState.RUNNING && isSpot(instance)) {
            CapacityPool pool = pool(instance.type(), instance.zone());
            pool.members.add(id);
            poolOf.put(id, pool.index);
            if (!pool.scheduled) {
                pool.catchUp(now); // drops since the pool was made (by a depth query) passed with nothing to reclaim
                schedule(pool);
            }
        } else if (from == InstanceState.RUNNING) {
            int p = poolOf.remove(id);
            if (p >= 0) {
                pools.get(p).members.remove(id);
            }
            long handle = reclaimAt.remove(id);
            if (handle >= 0) {
                sim.cancel(handle);
            }
        }
    }

    /** Schedules the pool's next drop and the recommendations ahead of it; the chain then runs to the end of the run. */
    private void schedule(CapacityPool pool) {
        pool.scheduled = true;
        if (pool.nextDrop == Long.MAX_VALUE) {
            return;
        }
        sim.schedule(pool.nextDrop, dropKind, pool.index, 0);
        if (rebalanceLead > 0) {
            sim.schedule(Math.max(sim.now(), pool.nextDrop - rebalanceLead), recommendationKind, pool.index, 0);
        }
    }

    private void recommendPool(int p) {
        CapacityPool pool = pools.get(p);
        pool.recommendedFor = pool.nextDrop;
        scratch.clear();
        scratch.addAll(pool.members);
        for (int i = 0; i < scratch.size(); i++) {
            recommend(scratch.getInt(i));
        }
    }

    private void recommend(int id) {
        recommendations++;
        Instance instance = fleet.instance(id);
        for (SpotInterruptionListener l : listeners) {
            l.rebalanceRecommended(instance, sim.now());
        }
    }

    private void drop(int p) {
        CapacityPool pool = pools.get(p);
        scratch.clear();
        scratch.addAll(pool.members);
        pool.drop(sim.now());
        for (int i = 0; i < scratch.size(); i++) {
            int id = scratch.getInt(i);
            // one draw per member, in the order they entered running
            if (pool.reclaimsNext() && fleet.state(id) == InstanceState.RUNNING && !reclaimAt.containsKey(id)) {
                pool.reclaims++;
                notice(id);
            }
        }
        schedule(pool);
    }

    /**
     * Capacity pressure: gives a running spot instance its two-minute notice now, unless it
     * already has one. Returns whether a notice was given.
     */
    public boolean interrupt(int id) {
        if (fleet.state(id) != InstanceState.RUNNING || !isSpot(fleet.instance(id)) || reclaimAt.containsKey(id)) {
            return false;
        }
        notice(id);
        return true;
    }

    private void notice(int id) {
        notices++;
        long at = Time.plus(sim.now(), NOTICE_MICROS);
        reclaimAt.put(id, sim.schedule(at, reclaimKind, id, 0));
        Instance instance = fleet.instance(id);
        for (SpotInterruptionListener l : listeners) {
            l.noticed(instance, at, sim.now());
        }
    }

    private void reclaim(int id) {
        reclaimAt.remove(id);
        Instance instance = fleet.instance(id);
        interruptions++;
        for (SpotInterruptionListener l : listeners) {
            l.reclaimed(instance, sim.now());
        }
        reclaimAction.accept(id);
    }

    /** Spot instances reclaimed so far. */
    public long interruptions() {
        return interruptions;
    }

    /** Interruption notices given so far (an instance that leaves running after its notice is not reclaimed). */
    public long notices() {
        return notices;
    }

    /** Rebalance recommendations sent so far. */
    public long recommendations() {
        return recommendations;
    }

    /** Each pool the market knows, as {@code TYPE@ZONE}, in the order it was made. */
    public List<String> poolNames() {
        return pools.stream().map(p -> p.type.name() + "@" + p.zone).toList();
    }

    /** Capacity drops of pool {@code TYPE@ZONE} so far (since time 0), or 0 for a pool never made. */
    public long drops(String pool) {
        CapacityPool p = poolsByName.get(pool);
        return p == null ? 0 : p.drops;
    }

    /** Interruption notices pool {@code TYPE@ZONE}'s capacity drops gave, or 0 for a pool never made. */
    public long poolNotices(String pool) {
        CapacityPool p = poolsByName.get(pool);
        return p == null ? 0 : p.reclaims;
    }
}
