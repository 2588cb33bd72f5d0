package io.stratus.fault;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.Objects;

/**
 * An availability-zone outage for a window: at its start every host of the zone goes down at once
 * (every instance there is lost, or recovered in the same zone, which has no room: so lost); the
 * load balancers stop routing there as their targets leave running; Auto Scaling groups relaunch
 * in their other zones, if those have room (EC2's {@code InsufficientInstanceCapacity} otherwise,
 * retried by the group). At its end the hosts come back, empty.
 *
 * <p>A simplification: the zone fails whole and at once (a real zone event is often partial,
 * impairing a fraction of hosts or one service such as EBS), and instances are lost rather than
 * impaired but reachable.
 */
public final class ZoneOutage {

    private final Simulation sim;
    private final HostDowntime downtime;
    private final int zone;
    private final long start;
    private final long duration;
    private final int beginKind;
    private final int endKind;

    /**
     * @param zone     the zone's index in the host table
     * @param start    when the outage begins, microseconds
     * @param duration how long it lasts, microseconds (positive)
     */
    public ZoneOutage(Simulation sim, HostDowntime downtime, int zone, long start, long duration) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.downtime = Objects.requireNonNull(downtime, "downtime");
        if (zone < 0 || zone >= downtime.hosts().zoneCount()) {
            throw new IllegalArgumentException("no zone " + zone);
        }
        if (start < 0 || duration <= 0) {
            throw new IllegalArgumentException("an outage starts at 0 or later and lasts a positive time, got "
                    + Time.format(start) + " for " + Time.format(duration));
        }
        this.zone = zone;
        this.start = start;
        this.duration = duration;
        String name = "zone-outage/" + downtime.hosts().zone(zone).name();
        this.beginKind = sim.registerKind(name + "/begins", (s, d) -> each(true));
        this.endKind = sim.registerKind(name + "/ends", (s, d) -> each(false));
    }

    /** Schedules the outage's start and end. */
    public void start() {
        sim.schedule(start, beginKind, 0, 0);
        sim.schedule(Time.plus(start, duration), endKind, 0, 0);
    }

    /** The zone's index. */
    public int zone() {
        return zone;
    }

    /** When the outage begins. */
    public long startMicros() {
        return start;
    }

    /** When it ends. */
    public long endMicros() {
        return Time.plus(start, duration);
    }

    private void each(boolean down) {
        for (int h = 0; h < downtime.hostCount(); h++) {
            if (downtime.hosts().zoneOf(h) == zone) {
                if (down) {
                    downtime.down(h);
                } else {
                    downtime.up(h);
                }
            }
        }
    }
}
