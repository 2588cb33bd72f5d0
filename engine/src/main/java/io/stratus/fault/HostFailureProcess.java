package io.stratus.fault;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import java.util.Objects;

/**
 * Random host failures: each host of a set alternates between up, for a time to failure drawn
 * from one {@link Lifetime}, and down, for a repair time drawn from another, independently of the
 * other hosts (an alternating renewal process per host). In the long run a host is down a
 * fraction {@code E[repair] / (E[failure] + E[repair])} of the time, whatever the distributions;
 * with independent hosts, the number down at once is binomial.
 *
 * <p>Assumptions: failures are independent across hosts (no shared power or rack), a repaired
 * host is as good as new, the clock of a host's next failure starts when it is back (time in
 * another fault's hold counts as up time for this process). All draws come from one named stream,
 * in event order, so a run is deterministic. Scheduling allocates nothing.
 */
public final class HostFailureProcess {

    private final Simulation sim;
    private final HostDowntime downtime;
    private final int[] hosts;
    private final Lifetime timeToFailure;
    private final Lifetime timeToRepair;
    private final RandomStream random;
    private final int failKind;
    private final int repairKind;
    private long failures;

    /**
     * @param name          names its event kinds and its random stream ({@code <name>/faults})
     * @param hosts         the hosts that fail, by index
     * @param timeToFailure time from a host's start (or repair) to its next failure
     * @param timeToRepair  time a failed host stays down
     */
    public HostFailureProcess(Simulation sim, HostDowntime downtime, String name, int[] hosts, Lifetime timeToFailure,
                              Lifetime timeToRepair) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.downtime = Objects.requireNonNull(downtime, "downtime");
        this.hosts = hosts.clone();
        this.timeToFailure = Objects.requireNonNull(timeToFailure, "timeToFailure");
        this.timeToRepair = Objects.requireNonNull(timeToRepair, "timeToRepair");
        this.random = sim.random().claim(name + "/faults", "host failures " + name);
        this.failKind = sim.registerKind(name + "/host-fails", (i, d) -> fail(i));
        this.repairKind = sim.registerKind(name + "/host-repaired", (i, d) -> repair(i));
    }

    /** Draws every host's first failure from now. */
    public void start() {
        for (int i = 0; i < hosts.length; i++) {
            sim.scheduleIn(timeToFailure.sample(random), failKind, i, 0);
        }
    }

    /** Failures this process caused so far. */
    public long failures() {
        return failures;
    }

    private void fail(int i) {
        failures++;
        downtime.down(hosts[i]);
        sim.scheduleIn(timeToRepair.sample(random), repairKind, i, 0);
    }

    private void repair(int i) {
        downtime.up(hosts[i]);
        sim.scheduleIn(timeToFailure.sample(random), failKind, i, 0);
    }
}
