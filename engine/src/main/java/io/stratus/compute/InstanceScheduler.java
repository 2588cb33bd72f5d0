package io.stratus.compute;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Stops and starts a set of instances on a {@link StopStartSchedule}, as AWS Instance Scheduler
 * does: at each change of the schedule it stops every running instance of the set (outside the
 * period) or starts every stopped one (inside it), and an instance that enters running outside
 * the period, or ends stopped inside it, is stopped or started at once. So the instances launched
 * at time 0 outside office hours are stopped as soon as they are running.
 *
 * <p>Billing follows from the lifecycle: on-demand time is billed only while running, with 60 s
 * minimum at each start; EBS volumes stay (and are billed) while stopped. A start that finds no
 * host with room leaves the instance stopped and is retried every minute while the period lasts
 * ({@link #startFailures()}). Instances with an instance-store root cannot be stopped: the caller
 * must not give them.
 *
 * <p>Enforcement after a state change runs as its own event at the same time, never inside
 * another listener's notification.
 */
public final class InstanceScheduler implements InstanceListener {

    /** Wait before a start that found no room is tried again. */
    public static final long START_RETRY = Time.MINUTE;

    private final Simulation sim;
    private final Fleet fleet;
    private final StopStartSchedule schedule;
    private final IntPredicate owns;
    private final IntLinkedOpenHashSet running = new IntLinkedOpenHashSet();
    private final IntLinkedOpenHashSet stopped = new IntLinkedOpenHashSet();
    private final IntLinkedOpenHashSet stoppedByUs = new IntLinkedOpenHashSet();
    private final int changeKind;
    private final int enforceKind;
    private long stops;
    private long starts;
    private long startFailures;

    /**
     * Schedules the instances passing {@code owns}, and registers itself with the fleet; the
     * first change is scheduled now.
     */
    public InstanceScheduler(Simulation sim, Fleet fleet, StopStartSchedule schedule, IntPredicate owns) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.owns = Objects.requireNonNull(owns, "owns");
        this.changeKind = sim.registerKind("stop-start-change", (s, d) -> change());
        this.enforceKind = sim.registerKind("stop-start-enforce", (id, d) -> enforce(id));
        fleet.addListener(this);
        scheduleChange(sim.now());
    }

    /** Whether instance {@code id} is stopping or stopped because this scheduler stopped it. */
    public boolean stoppedBySchedule(int id) {
        return stoppedByUs.contains(id);
    }

    /** Stops requested so far. */
    public long stops() {
        return stops;
    }

    /** Starts requested so far (successful ones). */
    public long starts() {
        return starts;
    }

    /** Starts that found no host with room. */
    public long startFailures() {
        return startFailures;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (!owns.test(id)) {
            return;
        }
        if (to == InstanceState.RUNNING) {
            running.add(id);
            stoppedByUs.remove(id);
            if (!schedule.isRunningTime(now)) {
                sim.schedule(now, enforceKind, id, 0);
            }
        } else if (from == InstanceState.RUNNING) {
            running.remove(id);
        }
        if (to == InstanceState.STOPPED) {
            stopped.add(id);
            if (schedule.isRunningTime(now)) {
                sim.schedule(now, enforceKind, id, 0);
            }
        } else if (from == InstanceState.STOPPED) {
            stopped.remove(id);
        }
        if (to == InstanceState.TERMINATED) {
            stoppedByUs.remove(id);
        }
    }

    private void scheduleChange(long after) {
        long next = schedule.nextChange(after);
        if (next != Long.MAX_VALUE) {
            sim.schedule(next, changeKind, 0, 0);
        }
    }

    private void change() {
        for (int id : (schedule.isRunningTime(sim.now()) ? stopped : running).toIntArray()) {
            enforce(id);
        }
        scheduleChange(sim.now());
    }

    /** Brings one instance to the state the schedule wants now, if it is in a state that can move. */
    private void enforce(int id) {
        InstanceState state = fleet.state(id); // a terminated instance is forgotten by the fleet
        boolean wanted = schedule.isRunningTime(sim.now());
        if (!wanted && state == InstanceState.RUNNING) {
            stoppedByUs.add(id);
            stops++;
            fleet.stop(id);
        } else if (wanted && state == InstanceState.STOPPED && stoppedByUs.contains(id)) {
            if (fleet.start(id)) {
                starts++;
            } else {
                startFailures++;
                sim.schedule(Time.plus(sim.now(), START_RETRY), enforceKind, id, 0);
            }
        }
    }
}
