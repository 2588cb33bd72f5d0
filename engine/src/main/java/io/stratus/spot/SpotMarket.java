package io.stratus.spot;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Spot interruptions: EC2 reclaims a spot instance with a two-minute notice, and may send a
 * rebalance recommendation before that.
 *
 * <p>An instance is spot when its launch said so ({@link io.stratus.compute.LaunchSpec#purchase()});
 * the market only reads it. Each time a spot instance enters running, its time to interruption is
 * drawn from an exponential law with its type's hazard ({@link SpotModel#hazardPerHour};
 * memoryless, so a constant hazard per instance-hour). Capacity pressure from other models calls
 * {@link #interrupt(int)}, which gives the notice at once. At the notice the
 * {@link SpotInterruptionListener}s are told; two minutes later, if the instance still runs,
 * they are told it is reclaimed and the reclaim action runs: terminate by default, or stop for a
 * fleet that supports it. An instance that leaves running before then is not interrupted.
 *
 * <p><b>Rebalance recommendations</b> (simplified): EC2 sends one when an instance is "at an
 * elevated risk of interruption", and "it can arrive sooner than the two-minute Spot Instance
 * interruption notice" but not always (EC2 User Guide, "EC2 instance rebalance
 * recommendations"). AWS publishes no distribution for how much sooner, so this model sends one
 * a fixed {@code rebalanceLead} before each drawn interruption notice (or when the instance enters
 * running, if that is later), and none for a notice forced by {@link #interrupt(int)}. A lead of 0
 * sends none.
 */
public final class SpotMarket implements InstanceListener {

    /** The interruption notice EC2 gives. */
    public static final long NOTICE_MICROS = 2 * Time.MINUTE;
    /** The assumed lead of a rebalance recommendation over the interruption notice it precedes. */
    public static final long DEFAULT_REBALANCE_LEAD = 10 * Time.MINUTE;

    private final Simulation sim;
    private final Fleet fleet;
    private final SpotModel model;
    private final IntConsumer reclaimAction;
    private final long rebalanceLead;
    private final RandomStream random;
    private final List<SpotInterruptionListener> listeners = new ArrayList<>();
    private final Int2LongOpenHashMap recommendationAt = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap noticeAt = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap reclaimAt = new Int2LongOpenHashMap();
    private final int recommendationKind;
    private final int noticeKind;
    private final int reclaimKind;
    private long recommendations;
    private long notices;
    private long interruptions;

    /** Spot interruptions that terminate the reclaimed instance, with the default rebalance lead. */
    public SpotMarket(Simulation sim, Fleet fleet, SpotModel model) {
        this(sim, fleet, model, fleet::terminate, DEFAULT_REBALANCE_LEAD);
    }

    /**
     * @param reclaimAction what reclaiming does to an instance id (terminate, or stop)
     * @param rebalanceLead how long before a drawn notice its rebalance recommendation comes (0: none)
     */
    public SpotMarket(Simulation sim, Fleet fleet, SpotModel model, IntConsumer reclaimAction, long rebalanceLead) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.model = Objects.requireNonNull(model, "model");
        this.reclaimAction = Objects.requireNonNull(reclaimAction, "reclaimAction");
        if (rebalanceLead < 0) {
            throw new IllegalArgumentException("the rebalance lead must not be negative, got " + rebalanceLead);
        }
        this.rebalanceLead = rebalanceLead;
        this.random = sim.random().claim("spot-interruptions", "the spot market");
        this.recommendationKind = sim.registerKind("spot-rebalance-recommendation", (id, d) -> recommend(id));
        this.noticeKind = sim.registerKind("spot-interruption-notice", (id, d) -> notice(id));
        this.reclaimKind = sim.registerKind("spot-reclaim", (id, d) -> reclaim(id));
        recommendationAt.defaultReturnValue(-1);
        noticeAt.defaultReturnValue(-1);
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

    private static boolean isSpot(Instance instance) {
        return instance.spec().purchase() == PurchaseOption.SPOT;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (to == InstanceState.RUNNING && isSpot(instance)) {
            double hazard = model.hazardPerHour(instance.type());
            if (hazard > 0) {
                long delay = Math.round(random.exponential(Time.HOUR / hazard));
                noticeAt.put(id, sim.scheduleIn(delay, noticeKind, id, 0));
                if (rebalanceLead > 0) {
                    recommendationAt.put(id, sim.scheduleIn(Math.max(0, delay - rebalanceLead), recommendationKind,
                            id, 0));
                }
            }
        } else if (from == InstanceState.RUNNING) {
            cancel(recommendationAt, id);
            cancel(noticeAt, id);
            cancel(reclaimAt, id);
        }
    }

    private void cancel(Int2LongOpenHashMap handles, int id) {
        long handle = handles.remove(id);
        if (handle >= 0) {
            sim.cancel(handle);
        }
    }

    /**
     * Capacity pressure: gives a running spot instance its two-minute notice now, unless it
     * already has one. Returns whether a notice was given.
     */
    public boolean interrupt(int id) {
        if (fleet.state(id) != InstanceState.RUNNING || !isSpot(fleet.instance(id)) || reclaimAt.containsKey(id)) {
            return false;
        }
        cancel(recommendationAt, id);
        cancel(noticeAt, id);
        notice(id);
        return true;
    }

    private void recommend(int id) {
        recommendationAt.remove(id);
        recommendations++;
        Instance instance = fleet.instance(id);
        for (SpotInterruptionListener l : listeners) {
            l.rebalanceRecommended(instance, sim.now());
        }
    }

    private void notice(int id) {
        noticeAt.remove(id);
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
}
