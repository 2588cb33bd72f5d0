package io.stratus.hypervisor;

import io.stratus.infra.HostView;
import java.util.Arrays;
import java.util.Objects;

/**
 * How each host's hardware threads are shared among long-running VMs whose CPU demand is given as
 * a utilisation of their vCPUs (a trace replay), piecewise constant between {@link #share()} calls.
 *
 * <p>VM {@code v} with {@code c_v} vCPUs at utilisation {@code u_v} demands {@code d_v = u_v c_v}
 * vCPUs. On a host with {@code T} physical threads, if {@code sum d_v <= T} every VM gets its
 * demand; otherwise the threads are shared by weighted max-min fairness with weight {@code c_v}
 * ({@link WaterFilling}, the same rule {@link CpuSharing} applies to request-serving instances):
 * {@code g_v = min(d_v, L c_v)} with {@code sum g_v = T}. The unmet part {@code d_v - g_v} is steal.
 * A VM on no host (it found no room) is granted nothing.
 *
 * <p>Simplified: the VMs run no requests, so their demand is the utilisation itself and not a
 * queue of work; a VM does not catch up later on work it was denied (the trace says what it
 * wanted in each interval, not what it would have done with more); memory is reserved, never
 * paged. A VM can be moved to another host ({@link #move}); the per-host index is rebuilt at the
 * next {@link #share()} by a counting sort into arrays kept from run to run, so sharing allocates
 * nothing once the arrays are sized. The hosts are those the host view holds when this is built:
 * hosts added later are not shared (and are refused as move targets).
 */
public final class UtilisationSharing {

    private final HostView hosts;
    private final int[] vcpus;
    private final int[] hostOf;
    private final double[] demand;
    private final double[] granted;
    private final int[] hostStart;
    private final int[] byHost;
    private final double[] hostDemand;
    private final double[] hostGranted;
    private double[] scratchDemand = new double[16];
    private double[] scratchWeight = new double[16];
    private double[] scratchGranted = new double[16];
    private boolean indexStale = true;

    /**
     * @param hosts  the hosts (their physical threads are shared)
     * @param vcpus  each VM's vCPUs (VMs are numbered 0 to {@code vcpus.length - 1}); copied
     * @param hostOf each VM's host, or {@code -1} for a VM on no host; copied
     */
    public UtilisationSharing(HostView hosts, int[] vcpus, int[] hostOf) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        if (vcpus.length != hostOf.length) {
            throw new IllegalArgumentException(vcpus.length + " vCPU counts for " + hostOf.length + " VMs");
        }
        int n = vcpus.length;
        this.vcpus = vcpus.clone();
        this.hostOf = hostOf.clone();
        for (int v = 0; v < n; v++) {
            if (vcpus[v] <= 0) {
                throw new IllegalArgumentException("VM " + v + " has " + vcpus[v] + " vCPUs");
            }
            checkHost(hostOf[v]);
        }
        this.demand = new double[n];
        this.granted = new double[n];
        this.byHost = new int[n];
        int h = hosts.hostCount();
        this.hostStart = new int[h + 1];
        this.hostDemand = new double[h];
        this.hostGranted = new double[h];
    }

    /** Number of VMs. */
    public int vmCount() {
        return vcpus.length;
    }

    /** Sets VM {@code vm}'s utilisation (a fraction of its vCPUs, 0 to 1) until the next change. */
    public void setUtilisation(int vm, double utilisation) {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation of VM " + vm + " must be in [0, 1], got " + utilisation);
        }
        demand[vm] = utilisation * vcpus[vm];
    }

    /** Moves VM {@code vm} to host {@code host} (or {@code -1}: off every host). */
    public void move(int vm, int host) {
        checkHost(host);
        if (hostOf[vm] != host) {
            hostOf[vm] = host;
            indexStale = true;
        }
    }

    /** Shares every host's threads among its VMs' current demands. */
    public void share() {
        if (indexStale) {
            rebuildIndex();
        }
        int hostCount = hostDemand.length;
        for (int h = 0; h < hostCount; h++) {
            int from = hostStart[h];
            int k = hostStart[h + 1] - from;
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += demand[byHost[from + i]];
            }
            hostDemand[h] = sum;
            int threads = hosts.spec(h).physicalThreads();
            if (sum <= threads) {
                for (int i = 0; i < k; i++) {
                    int v = byHost[from + i];
                    granted[v] = demand[v];
                }
                hostGranted[h] = sum;
                continue;
            }
            ensureScratch(k);
            for (int i = 0; i < k; i++) {
                int v = byHost[from + i];
                scratchDemand[i] = demand[v];
                scratchWeight[i] = vcpus[v];
            }
            WaterFilling.allocate(k, scratchDemand, scratchWeight, threads, scratchGranted);
            double total = 0;
            for (int i = 0; i < k; i++) {
                granted[byHost[from + i]] = scratchGranted[i];
                total += scratchGranted[i];
            }
            hostGranted[h] = total;
        }
        for (int v = 0; v < hostOf.length; v++) {
            if (hostOf[v] < 0) {
                granted[v] = 0;
            }
        }
    }

    /** vCPUs VM {@code vm} demands now. */
    public double demand(int vm) {
        return demand[vm];
    }

    /** vCPUs VM {@code vm} was granted at the last {@link #share()}. */
    public double granted(int vm) {
        return granted[vm];
    }

    /** vCPUs of VM {@code vm}. */
    public int vcpus(int vm) {
        return vcpus[vm];
    }

    /** VM {@code vm}'s host, or {@code -1}. */
    public int hostOf(int vm) {
        return hostOf[vm];
    }

    /** vCPUs demanded by the VMs of host {@code host} at the last {@link #share()}. */
    public double hostDemand(int host) {
        return hostDemand[host];
    }

    /** vCPUs granted on host {@code host} at the last {@link #share()} (at most its physical threads). */
    public double hostGranted(int host) {
        return hostGranted[host];
    }

    /** VMs on host {@code host} as of the last {@link #share()}. */
    public int vmsOn(int host) {
        return hostStart[host + 1] - hostStart[host];
    }

    /** The {@code i}-th VM of host {@code host} as of the last {@link #share()}. */
    public int vmOn(int host, int i) {
        return byHost[hostStart[host] + i];
    }

    /** Counting sort of the VMs by host into {@code byHost}, host {@code h}'s from {@code hostStart[h]}. */
    private void rebuildIndex() {
        Arrays.fill(hostStart, 0);
        for (int h : hostOf) {
            if (h >= 0) {
                hostStart[h + 1]++;
            }
        }
        for (int h = 0; h < hostDemand.length; h++) {
            hostStart[h + 1] += hostStart[h];
        }
        // hostStart[h] is now host h's start; use it as the fill cursor, VMs in id order
        for (int v = 0; v < hostOf.length; v++) {
            int h = hostOf[v];
            if (h >= 0) {
                byHost[hostStart[h]++] = v;
            }
        }
        // each hostStart[h] now holds the end of host h, which is the start of host h + 1: shift back
        for (int h = hostDemand.length; h > 0; h--) {
            hostStart[h] = hostStart[h - 1];
        }
        hostStart[0] = 0;
        indexStale = false;
    }

    private void ensureScratch(int k) {
        if (k > scratchDemand.length) {
            int capacity = Math.max(k, scratchDemand.length * 2);
            scratchDemand = new double[capacity];
            scratchWeight = new double[capacity];
            scratchGranted = new double[capacity];
        }
    }

    /** The hosts shared: those of the host view when this was built. */
    private int hostDemandLength() {
        return hostDemand == null ? hosts.hostCount() : hostDemand.length;
    }

    private void checkHost(int host) {
        if (host < -1 || host >= hostDemandLength()) {
            throw new IllegalArgumentException("host " + host + " is not one of the hosts shared here (0 to "
                    + (hostDemandLength() - 1) + ", or -1 for none)");
        }
    }
}
