package io.stratus.hypervisor;

import io.stratus.infra.HostView;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;

/**
 * The batch configuration of the fluid-sharing pools for long-running VMs whose CPU demand is given
 * as a utilisation of their vCPUs (a trace replay), piecewise constant between {@link #share()}
 * calls: each host's hardware threads are one {@code SharedPools} pool, as in {@link CpuSharing}.
 *
 * <p>VM {@code v} with {@code c_v} vCPUs at utilisation {@code u_v} demands {@code d_v = u_v c_v}
 * vCPUs. On a host with {@code T} physical threads, if {@code sum d_v <= T} every VM gets its
 * demand; otherwise the threads are shared by weighted max-min fairness with weight {@code c_v}
 * ({@link WaterFilling}, the same rule {@link CpuSharing} applies to request-serving instances):
 * {@code g_v = min(d_v, L c_v)} with {@code sum g_v = T}. The unmet part {@code d_v - g_v} is steal.
 * A VM on no host (it found no room) is granted nothing.
 *
 * <p>Why a batch and not the event-driven core: a consolidation run sets every VM's utilisation,
 * moves VMs, then needs each host's total demand and grant at one instant, with no clock; the
 * host's members are kept in VM-id order and its demand is summed afresh at each share, exactly
 * (no tolerance). To make trace-driven VMs share hosts with request-serving instances in one
 * simulation, use {@link CpuSharing#attachUtilisation} instead: the same model, event-driven.
 *
 * <p>Simplified: the VMs run no requests, so their demand is the utilisation itself and not a
 * queue of work; a VM does not catch up later on work it was denied (the trace says what it
 * wanted in each interval, not what it would have done with more); memory is reserved, never
 * paged. A VM can be moved to another host ({@link #move}); the per-host member lists are rebuilt
 * at the next {@link #share()} in VM-id order, into lists kept from run to run, so sharing
 * allocates nothing once they are sized. The hosts are those the host view holds when this is
 * built: hosts added later are not shared (and are refused as move targets).
 */
public final class UtilisationSharing {

    private final HostView hosts;
    private final int[] vcpus;
    private final double[] weight;
    private final int[] hostOf;
    private final double[] demand;
    private final double[] granted;
    private final SharedPools pools = new SharedPools();
    private final int hostCount;
    private final double[] hostDemand;
    private final double[] hostGranted;
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
        this.hostCount = hosts.hostCount();
        this.vcpus = vcpus.clone();
        this.hostOf = hostOf.clone();
        this.weight = new double[n];
        for (int v = 0; v < n; v++) {
            if (vcpus[v] <= 0) {
                throw new IllegalArgumentException("VM " + v + " has " + vcpus[v] + " vCPUs");
            }
            checkHost(hostOf[v]);
            weight[v] = vcpus[v];
        }
        this.demand = new double[n];
        this.granted = new double[n];
        for (int h = 0; h < hostCount; h++) {
            pools.open(hosts.spec(h).physicalThreads(), 0); // pool h is host h
        }
        this.hostDemand = new double[hostCount];
        this.hostGranted = new double[hostCount];
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
        for (int h = 0; h < hostCount; h++) {
            IntArrayList members = pools.members(h);
            int k = members.size();
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += demand[members.getInt(i)];
            }
            hostDemand[h] = sum;
            if (sum <= pools.capacity(h)) {
                for (int i = 0; i < k; i++) {
                    int v = members.getInt(i);
                    granted[v] = demand[v];
                }
                hostGranted[h] = sum;
                continue;
            }
            double[] allocation = pools.allocate(h, demand, weight);
            double total = 0;
            for (int i = 0; i < k; i++) {
                granted[members.getInt(i)] = allocation[i];
                total += allocation[i];
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
        return pools.members(host).size();
    }

    /** The {@code i}-th VM of host {@code host} (in VM-id order) as of the last {@link #share()}. */
    public int vmOn(int host, int i) {
        return pools.members(host).getInt(i);
    }

    /** Rebuilds each host's member list in VM-id order (the lists keep their capacity). */
    private void rebuildIndex() {
        for (int h = 0; h < hostCount; h++) {
            pools.members(h).clear();
        }
        for (int v = 0; v < hostOf.length; v++) {
            int h = hostOf[v];
            if (h >= 0) {
                pools.members(h).add(v);
            }
        }
        indexStale = false;
    }

    private void checkHost(int host) {
        if (host < -1 || host >= hostCount) {
            throw new IllegalArgumentException("host " + host + " is not one of the hosts shared here (0 to "
                    + (hostCount - 1) + ", or -1 for none)");
        }
    }
}
