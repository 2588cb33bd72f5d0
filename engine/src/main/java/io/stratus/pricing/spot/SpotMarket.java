package io.stratus.pricing.spot;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * Spot interruptions: EC2 reclaims a spot instance with a two-minute notice.
 *
 * <p>Each time a spot instance enters running, its time to interruption is drawn from an
 * exponential law with its type's hazard ({@link SpotModel#hazardPerHour}; memoryless, so a
 * constant hazard per instance-hour). Capacity pressure from other models calls
 * {@link #interrupt(int)}, which gives the notice at once. At the notice the
 * {@link SpotInterruptionListener}s are told; two minutes later, if the instance still runs,
 * they are told it is reclaimed and the reclaim action runs: terminate by default, or stop for a
 * fleet that supports it. An instance that leaves running before then is not interrupted.
 */
public final class SpotMarket implements InstanceListener {

    /** The interruption notice EC2 gives. */
    public static final long NOTICE_MICROS = 2 * Time.MINUTE;

    private final Simulation sim;
    private final Fleet fleet;
    private final IntPredicate isSpot;
    private final SpotModel model;
    private final IntConsumer reclaimAction;
    private final RandomStream random;
    private final List<SpotInterruptionListener> listeners = new ArrayList<>();
    private final Int2LongOpenHashMap noticeAt = new Int2LongOpenHashMap();
    private final Int2LongOpenHashMap reclaimAt = new Int2LongOpenHashMap();
    private final int noticeKind;
    private final int reclaimKind;
    private long interruptions;

    /** Spot interruptions that terminate the reclaimed instance. */
    public SpotMarket(Simulation sim, Fleet fleet, IntPredicate isSpot, SpotModel model) {
        this(sim, fleet, isSpot, model, fleet::terminate);
    }

    /**
     * @param isSpot        which instance ids are spot
     * @param reclaimAction what reclaiming does to an instance id (terminate, or stop)
     */
    public SpotMarket(Simulation sim, Fleet fleet, IntPredicate isSpot, SpotModel model, IntConsumer reclaimAction) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.isSpot = Objects.requireNonNull(isSpot, "isSpot");
        this.model = Objects.requireNonNull(model, "model");
        this.reclaimAction = Objects.requireNonNull(reclaimAction, "reclaimAction");
        this.random = sim.random().claim("spot-interruptions", "the spot market");
        this.noticeKind = sim.registerKind("spot-interruption-notice", (id, d) -> notice(id));
        this.reclaimKind = sim.registerKind("spot-reclaim", (id, d) -> reclaim(id));
        noticeAt.defaultReturnValue(-1);
        reclaimAt.defaultReturnValue(-1);
    }

    /** Adds a listener; listeners are told in the order they were added. */
    public void addListener(SpotInterruptionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (to == InstanceState.RUNNING && isSpot.test(id)) {
            double hazard = model.hazardPerHour(instance.type());
            if (hazard > 0) {
                long delay = Math.round(random.exponential(Time.HOUR / hazard));
                noticeAt.put(id, sim.scheduleIn(delay, noticeKind, id, 0));
            }
        } else if (from == InstanceState.RUNNING) {
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
        if (fleet.state(id) != InstanceState.RUNNING || !isSpot.test(id) || reclaimAt.containsKey(id)) {
            return false;
        }
        cancel(noticeAt, id);
        notice(id);
        return true;
    }

    private void notice(int id) {
        noticeAt.remove(id);
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
}
