package io.stratus.hypervisor;

import io.stratus.infra.HostView;
import io.stratus.placement.VmLoadView;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Objects;

/**
 * A fleet of long-running VMs whose CPU demand is a utilisation of their vCPUs (a trace replay),
 * run as fleet instances in {@link CpuSharing}: each is a demand member of its host's pool, so it
 * shares one water-filling with every other member of that host (request-serving instances of
 * services, batch jobs and queue workers, and the other VMs) and steals from them as they steal
 * from it.
 *
 * <p>VM {@code v} with {@code c_v} vCPUs at utilisation {@code u_v} demands {@code d_v = u_v c_v}
 * vCPUs with weight {@code c_v} (the fleet's default weight); on a host of {@code T} threads the
 * core grants {@code min(d_i, L w_i)} to every member {@code i} with the grants summing to
 * {@code T} when the demands exceed it. A VM that found no host (the region was full) is granted
 * nothing.
 *
 * <p>This is also the {@link VmLoadView} a consolidation policy reads: a host's demand is its VMs'
 * demands (summed in VM order) plus what its request-serving instances demand now; its VMs are
 * listed in VM order (rebuilt after moves). A host's grant is all its members' grants.
 *
 * <p>Simplified: as in the core, a VM does not catch up later on work it was denied, and has no
 * credits; a move is told here after the fleet made it ({@link #moved}). The hosts are those the
 * host view holds when this is built.
 */
public final class UtilisationVms implements VmLoadView {

    private final CpuSharing cpus;
    private final int[] vcpus;
    private final int[] instanceOf;
    private final int[] hostOf;
    private final double[] demand;
    private final IntArrayList[] byHost;
    private boolean indexStale = true;

    /**
     * Marks each placed VM's instance as trace-driven in {@code cpus}, before it runs.
     *
     * @param vcpus      each VM's vCPUs (VMs are numbered 0 to {@code vcpus.length - 1}); copied
     * @param instanceOf each VM's fleet instance, not running yet, or {@code -1} for one that found
     *                   no host; copied
     * @param hostOf     each VM's host, or {@code -1}; copied
     */
    public UtilisationVms(CpuSharing cpus, HostView hosts, int[] vcpus, int[] instanceOf, int[] hostOf) {
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        Objects.requireNonNull(hosts, "hosts");
        int n = vcpus.length;
        if (instanceOf.length != n || hostOf.length != n) {
            throw new IllegalArgumentException(n + " vCPU counts for " + instanceOf.length + " instances and "
                    + hostOf.length + " hosts");
        }
        this.vcpus = vcpus.clone();
        this.instanceOf = instanceOf.clone();
        this.hostOf = hostOf.clone();
        this.demand = new double[n];
        this.byHost = new IntArrayList[hosts.hostCount()];
        for (int h = 0; h < byHost.length; h++) {
            byHost[h] = new IntArrayList();
        }
        for (int v = 0; v < n; v++) {
            if (vcpus[v] <= 0) {
                throw new IllegalArgumentException("VM " + v + " has " + vcpus[v] + " vCPUs");
            }
            if ((instanceOf[v] < 0) != (hostOf[v] < 0)) {
                throw new IllegalArgumentException("VM " + v + " has an instance without a host or a host without one");
            }
            checkHost(hostOf[v]);
            if (instanceOf[v] >= 0) {
                cpus.driveByUtilisation(instanceOf[v]);
            }
        }
    }

    /** Number of VMs. */
    public int vmCount() {
        return vcpus.length;
    }

    /** Sets VM {@code vm}'s utilisation (a fraction of its vCPUs, 0 to 1) from now until the next change. */
    public void setUtilisation(int vm, double utilisation) {
        if (!(utilisation >= 0 && utilisation <= 1)) {
            throw new IllegalArgumentException("utilisation of VM " + vm + " must be in [0, 1], got " + utilisation);
        }
        demand[vm] = utilisation * vcpus[vm];
        if (instanceOf[vm] >= 0) {
            cpus.setUtilisation(instanceOf[vm], utilisation);
        }
    }

    /** Records that the fleet moved VM {@code vm} to host {@code host} (its CPU followed it). */
    public void moved(int vm, int host) {
        checkHost(host);
        if (host < 0 || instanceOf[vm] < 0) {
            throw new IllegalArgumentException("VM " + vm + " cannot move to host " + host
                    + ": only a placed VM moves, to a host");
        }
        if (hostOf[vm] != host) {
            hostOf[vm] = host;
            indexStale = true;
        }
    }

    @Override
    public double demand(int vm) {
        return demand[vm];
    }

    @Override
    public int vcpus(int vm) {
        return vcpus[vm];
    }

    /** vCPUs VM {@code vm} is granted now (0 on no host, or before it runs). */
    public double granted(int vm) {
        int id = instanceOf[vm];
        return id >= 0 && cpus.isAttached(id) ? cpus.grantedVcpus(id) : 0;
    }

    /** VM {@code vm}'s host, or {@code -1}. */
    public int hostOf(int vm) {
        return hostOf[vm];
    }

    /** VM {@code vm}'s fleet instance, or {@code -1}. */
    public int instanceOf(int vm) {
        return instanceOf[vm];
    }

    /** vCPUs demanded on host {@code host} now: its VMs' demands plus its request-serving instances'. */
    @Override
    public double hostDemand(int host) {
        IntArrayList members = members(host);
        double sum = 0;
        for (int i = 0; i < members.size(); i++) {
            sum += demand[members.getInt(i)];
        }
        return sum + cpus.hostRequestDemandVcpus(host);
    }

    /** vCPUs granted on host {@code host} now to all its members (at most its physical threads). */
    public double hostGranted(int host) {
        return cpus.hostGrantedVcpus(host);
    }

    @Override
    public int vmsOn(int host) {
        return members(host).size();
    }

    @Override
    public int vmOn(int host, int i) {
        return members(host).getInt(i);
    }

    private IntArrayList members(int host) {
        if (indexStale) {
            for (IntArrayList list : byHost) {
                list.clear();
            }
            for (int v = 0; v < hostOf.length; v++) {
                if (hostOf[v] >= 0) {
                    byHost[hostOf[v]].add(v);
                }
            }
            indexStale = false;
        }
        return byHost[host];
    }

    private void checkHost(int host) {
        if (host < -1 || host >= byHost.length) {
            throw new IllegalArgumentException("host " + host + " is not one of the hosts (0 to "
                    + (byHost.length - 1) + ", or -1 for none)");
        }
    }
}
