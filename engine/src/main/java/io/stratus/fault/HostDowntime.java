package io.stratus.fault;

import io.stratus.compute.Fleet;
import io.stratus.infra.HostTable;
import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which hosts are down, and for how long each number of hosts was down. Faults ask to take a
 * host down ({@link #down}) and let it up again ({@link #up}); a host is down while any fault
 * holds it. The first hold fails the host in the {@link Fleet} (its instances are lost, or
 * recovered elsewhere), the last release repairs it (it comes back empty).
 *
 * <p>Measures, exact: the time during which exactly {@code k} hosts were down, for every
 * {@code k} (integrated at each change), each host's total downtime, the failures and repairs.
 * Primitive arrays; a change allocates nothing.
 */
public final class HostDowntime {

    /** Told when a host goes down or comes back up. */
    public interface Listener {
        /** Host {@code host} went down now (its instances are already lost or recovered). */
        void hostDown(int host, long now);

        /** Host {@code host} is back, empty. */
        void hostUp(int host, long now);
    }

    private final Simulation sim;
    private final Fleet fleet;
    private final HostTable hosts;
    private final int[] holds;
    private final long[] downSince;
    private final long[] downMicros;
    private final long[] microsWithDown;
    private final List<Listener> listeners = new ArrayList<>();
    private int down;
    private long changedAt;
    private long failures;
    private long instancesLost;

    public HostDowntime(Simulation sim, Fleet fleet, HostTable hosts) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        int n = hosts.hostCount();
        holds = new int[n];
        downSince = new long[n];
        downMicros = new long[n];
        microsWithDown = new long[n + 1];
        changedAt = sim.now();
    }

    /** Adds a listener of hosts going down and up. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The hosts this tracks (those of the table when it was made). */
    public int hostCount() {
        return holds.length;
    }

    /** The table of the hosts. */
    public HostTable hosts() {
        return hosts;
    }

    /** One more fault holds {@code host} down; the first fails it in the fleet. */
    public void down(int host) {
        if (holds[host]++ > 0) {
            return;
        }
        integrate();
        down++;
        downSince[host] = sim.now();
        failures++;
        instancesLost += fleet.failHost(host);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).hostDown(host, sim.now());
        }
    }

    /** One fault lets {@code host} go; when none holds it, it is repaired in the fleet. */
    public void up(int host) {
        if (holds[host] == 0) {
            throw new IllegalStateException("host " + host + " is not down");
        }
        if (--holds[host] > 0) {
            return;
        }
        integrate();
        down--;
        downMicros[host] += sim.now() - downSince[host];
        fleet.repairHost(host);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).hostUp(host, sim.now());
        }
    }

    /** Whether {@code host} is down now. */
    public boolean isDown(int host) {
        return holds[host] > 0;
    }

    /** Hosts down now. */
    public int downCount() {
        return down;
    }

    /** Times a host went down. */
    public long failures() {
        return failures;
    }

    /** Instances lost with their hosts (not those recovered elsewhere). */
    public long instancesLost() {
        return instancesLost;
    }

    /** Simulated time, up to now, during which exactly {@code k} hosts were down, microseconds. */
    public long microsWithDown(int k) {
        return microsWithDown[k] + (k == down ? sim.now() - changedAt : 0);
    }

    /** Host {@code host}'s total downtime up to now, microseconds. */
    public long downMicros(int host) {
        return downMicros[host] + (holds[host] > 0 ? sim.now() - downSince[host] : 0);
    }

    private void integrate() {
        long now = sim.now();
        microsWithDown[down] += now - changedAt;
        changedAt = now;
    }
}
