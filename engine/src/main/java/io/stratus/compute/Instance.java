package io.stratus.compute;

import java.util.Objects;

/**
 * One instance: its identity, type, placement and current lifecycle state. A stopped instance
 * holds no host; it keeps its zone, where it starts again (EBS volumes are zonal).
 *
 * <p>Only {@link Fleet} changes an instance; everyone else reads it.
 */
public final class Instance {

    private final int id;
    private final LaunchSpec spec;
    private final long launchTime;
    private InstanceState state = InstanceState.PENDING;
    private int host;
    private int zone;
    private long stateSince;
    private int boots;

    Instance(int id, LaunchSpec spec, int host, int zone, long launchTime) {
        this.id = id;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.host = host;
        this.zone = zone;
        this.launchTime = launchTime;
        this.stateSince = launchTime;
    }

    /** The instance number, dense from 0 in launch order. */
    public int id() {
        return id;
    }

    /** An EC2-style identifier for reports, such as {@code i-000000000000002a}. */
    public String instanceId() {
        return instanceId(id);
    }

    /** The EC2-style identifier of instance number {@code id}. */
    static String instanceId(int id) {
        return String.format("i-%016x", id);
    }

    /** The launch specification. */
    public LaunchSpec spec() {
        return spec;
    }

    /** The instance type. */
    public InstanceType type() {
        return spec.type();
    }

    /** The current state. */
    public InstanceState state() {
        return state;
    }

    /** The tenant (account) that launched it. */
    public int tenant() {
        return spec.tenant();
    }

    /** Times it has entered running. */
    public int boots() {
        return boots;
    }

    /** The host it runs on, or -1 when it holds none (stopped, terminated). */
    public int host() {
        return host;
    }

    /** Its zone index. */
    public int zone() {
        return zone;
    }

    /** When it was launched. */
    public long launchTime() {
        return launchTime;
    }

    /** When it entered its current state. */
    public long stateSince() {
        return stateSince;
    }

    void moveTo(InstanceState next, long now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("instance " + instanceId() + " cannot go from "
                    + state.apiName() + " to " + next.apiName() + "; allowed from "
                    + state.apiName() + ": " + state.successors());
        }
        state = next;
        stateSince = now;
        if (next == InstanceState.RUNNING) {
            boots++;
        }
    }

    void releaseHost() {
        host = -1;
    }

    void placeOn(int newHost, int newZone) {
        if (host >= 0) {
            throw new IllegalStateException("instance " + instanceId() + " already holds host " + host);
        }
        host = newHost;
        zone = newZone;
    }
}
