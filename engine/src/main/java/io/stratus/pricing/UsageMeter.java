package io.stratus.pricing;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.PurchaseOption;
import io.stratus.sim.Time;
import io.stratus.spot.SpotInterruptionListener;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * Meters instance usage from lifecycle events into a {@link UsageLedger}: billable time of each
 * running interval, per instance and per clock hour, type, zone, tenant and purchase option.
 *
 * <p>Rules (Linux, as EC2 bills them): only running time accrues, nothing while pending,
 * stopping, stopped or shutting down; each running interval is rounded up to whole seconds with a
 * 60-second minimum each time the instance enters running ({@link OnDemandBilling#billableSeconds}).
 * Billing starts when EC2 puts the instance in running, before its user data runs: the simulator's
 * instance enters running once the user data of its first boot is done (that is when it can serve),
 * so the first interval is billed from {@link OnDemandBilling#billedSince} (running minus the
 * AMI's user-data time).
 * Spot follows the same per-second rule, with one exception AWS makes: an interval that EC2
 * interrupts in its first hour is not billed at all ({@link #reclaimed}); an interval the user
 * ends is billed. Intervals still open at the end of the run are billed up to it by
 * {@link #close(long)}.
 *
 * <p>An instance's terms are read by the {@link PurchaseAssignment} (by default as its owner
 * launched it) when it first enters running, and kept; the assignment is always taken {@linkplain PurchaseAssignment#respectingTenancy()
 * behind the tenancy rule}, so a Dedicated Instance is metered as {@link PurchaseOption#DEDICATED_INSTANCE}
 * of its own tenant whatever the assignment says.
 *
 * <p>With a source of surplus credits ({@link #UsageMeter(PurchaseAssignment, IntToDoubleFunction)},
 * such as {@link io.stratus.compute.Fleet#surplusCredits}), each time an instance leaves running
 * (and at {@link #close}) the increase of its owed burstable surplus credits is booked in that
 * clock hour for its tenant ({@link UsageLedger#surplusCredits()}, priced by {@link SurplusCredits}).
 *
 * <p>Memory follows the instances alive: a terminated instance's terms are dropped and its
 * billable time folded into the ledger's retired total ({@link UsageLedger#retiredInstanceMicros()}).
 */
public final class UsageMeter implements InstanceListener, SpotInterruptionListener {

    private final PurchaseAssignment assignment;
    private final UsageLedger ledger = new UsageLedger();
    private final Int2LongOpenHashMap runningSince = new Int2LongOpenHashMap();
    private final Int2ObjectOpenHashMap<InstanceTerms> terms = new Int2ObjectOpenHashMap<>();
    // ordered by id so that closing bills open intervals in a fixed order
    private final Map<Integer, Instance> running = new TreeMap<>();
    private final IntOpenHashSet reclaimed = new IntOpenHashSet();
    private final IntToDoubleFunction surplusCredits;
    private final Int2DoubleOpenHashMap surplusBooked = new Int2DoubleOpenHashMap();
    private final Map<String, Integer> hostVcpusByFamily = new HashMap<>();
    private long interruptions;
    private boolean closed;

    /** A meter with every default-tenancy instance as launched, tenant 0 (the others as their tenancy says). */
    public UsageMeter() {
        this(PurchaseAssignment.asLaunched());
    }

    /** A meter that bills no surplus credits. */
    public UsageMeter(PurchaseAssignment assignment) {
        this(assignment, id -> 0);
    }

    /**
     * A meter that also books burstable surplus credits.
     *
     * @param surplusCredits the cumulative surplus credits instance {@code id} owes so far, readable
     *                       when it has just left running
     */
    public UsageMeter(PurchaseAssignment assignment, IntToDoubleFunction surplusCredits) {
        this.assignment = Objects.requireNonNull(assignment, "assignment").respectingTenancy();
        this.surplusCredits = Objects.requireNonNull(surplusCredits, "surplusCredits");
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (closed) {
            throw new IllegalStateException("the usage meter was closed at " + Time.format(ledger.endMicros()));
        }
        int id = instance.id();
        if (to == InstanceState.RUNNING) {
            InstanceTerms t = terms.computeIfAbsent(id, k -> assignment.termsOf(instance));
            if (!instance.type().isPriced()) {
                throw new IllegalStateException("instance type " + instance.type().name()
                        + " has no on-demand price in the catalogue");
            }
            runningSince.put(id, OnDemandBilling.billedSince(instance, now));
            running.put(id, instance);
            if (t.option() == PurchaseOption.DEDICATED_HOST) {
                String family = instance.type().family();
                int vcpus = hostVcpusByFamily.merge(family, instance.type().vcpus(), Integer::sum);
                ledger.peakVcpus(family, vcpus);
            }
        } else if (from == InstanceState.RUNNING) {
            record(instance, now);
        }
        if (to == InstanceState.TERMINATED) {
            terms.remove(id);
            reclaimed.remove(id);
            surplusBooked.remove(id);
            ledger.retire(id);
        }
    }

    /** The terms an instance was given (on its first entry into running), or null before and after it is terminated. */
    public InstanceTerms termsOf(int id) {
        return terms.get(id);
    }

    @Override
    public void reclaimed(Instance instance, long now) {
        reclaimed.add(instance.id());
        interruptions++;
    }

    /** Spot reclaims this meter was told of. */
    public long interruptions() {
        return interruptions;
    }

    /** Bills the intervals still open at {@code now}, the end of the run; the meter then refuses events. */
    public void close(long now) {
        for (Instance instance : List.copyOf(running.values())) {
            record(instance, now);
        }
        ledger.end(now);
        closed = true;
    }

    /** The usage so far. */
    public UsageLedger ledger() {
        return ledger;
    }

    private void record(Instance instance, long end) {
        int id = instance.id();
        long start = runningSince.remove(id);
        running.remove(id);
        InstanceTerms t = terms.get(id);
        if (t.option() == PurchaseOption.DEDICATED_HOST) {
            hostVcpusByFamily.merge(instance.type().family(), -instance.type().vcpus(), Integer::sum);
        }
        if (instance.type().isBurstable()) {
            double owed = surplusCredits.applyAsDouble(id);
            double fresh = owed - surplusBooked.get(id);
            if (fresh > 0) {
                surplusBooked.put(id, owed);
                ledger.addSurplusCredits(ClockHours.lastHour(start, end), t.tenant(), fresh);
            }
        }
        if (reclaimed.remove(id) && t.option() == PurchaseOption.SPOT && end - start < Time.HOUR) {
            ledger.waived();
            return;
        }
        long billed = OnDemandBilling.billableSeconds(end - start) * Time.SECOND;
        ClockHours.split(start, end, (hour, micros) -> ledger.add(key(instance, t, hour), micros));
        ledger.add(key(instance, t, ClockHours.lastHour(start, end)), billed - (end - start));
        ledger.addToInstance(id, billed);
    }

    private static UsageKey key(Instance instance, InstanceTerms t, long hour) {
        return new UsageKey(hour, instance.type(), instance.zone(), t.tenant(), t.option());
    }
}
