package io.stratus.fault;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.Objects;

/**
 * An EC2 scheduled event on one host, announced ahead: <b>instance retirement</b> (the hardware
 * is degraded: at the deadline its instances are lost and the host never comes back) or <b>host
 * maintenance</b> (at the deadline the host goes down for the maintenance window, then comes back
 * empty). The notice (EC2 gives about two weeks for retirement) is counted when it is given.
 *
 * <p>A simplification: nothing acts on the notice by itself (EC2 Auto Scaling does not replace
 * an instance because of a scheduled event either; its owner would stop and start it, or let the
 * group replace it once lost). EC2 stops EBS-backed instances at retirement; here they are lost
 * like instances of a failed host, and a group or fixed fleet replaces them.
 */
public final class ScheduledHostEvent {

    /** What the event does at its deadline. */
    public enum Kind {
        /** The host goes away for good. */
        RETIREMENT,
        /** The host goes down for a window, then comes back. */
        MAINTENANCE
    }

    private final Simulation sim;
    private final HostDowntime downtime;
    private final Kind kind;
    private final int host;
    private final long at;
    private final long notice;
    private final long window;
    private final int noticeKind;
    private final int deadlineKind;
    private final int backKind;
    private boolean noticed;

    /**
     * @param at     the deadline, microseconds
     * @param notice how long before the deadline the event is announced (0 or more; announced at
     *               time 0 at the latest)
     * @param window for maintenance, how long the host is down (positive); ignored for retirement
     */
    public ScheduledHostEvent(Simulation sim, HostDowntime downtime, Kind kind, int host, long at, long notice,
                              long window) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.downtime = Objects.requireNonNull(downtime, "downtime");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (host < 0 || host >= downtime.hostCount()) {
            throw new IllegalArgumentException("no host " + host);
        }
        if (at < 0 || notice < 0 || (kind == Kind.MAINTENANCE && window <= 0)) {
            throw new IllegalArgumentException("deadline and notice must not be negative and a maintenance window "
                    + "must be positive, got " + Time.format(at) + ", " + Time.format(notice) + ", "
                    + Time.format(window));
        }
        this.host = host;
        this.at = at;
        this.notice = notice;
        this.window = window;
        String name = "scheduled-event/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + host;
        this.noticeKind = sim.registerKind(name + "/notice", (s, d) -> noticed = true);
        this.deadlineKind = sim.registerKind(name + "/deadline", (s, d) -> downtime.down(host));
        this.backKind = sim.registerKind(name + "/back", (s, d) -> downtime.up(host));
    }

    /** Schedules the notice, the deadline and, for maintenance, the host's return. */
    public void start() {
        sim.schedule(Math.max(sim.now(), at - notice), noticeKind, host, 0);
        sim.schedule(at, deadlineKind, host, 0);
        if (kind == Kind.MAINTENANCE) {
            sim.schedule(Time.plus(at, window), backKind, host, 0);
        }
    }

    /** Whether its notice has been given. */
    public boolean noticed() {
        return noticed;
    }

    /** What it does. */
    public Kind kind() {
        return kind;
    }

    /** The host it concerns. */
    public int host() {
        return host;
    }
}
