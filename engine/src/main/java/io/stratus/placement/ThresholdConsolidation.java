package io.stratus.placement;

import io.stratus.infra.HostView;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Plans the live migrations of threshold-based dynamic consolidation, in the spirit of
 * Beloglazov and Buyya's static-threshold policy (CloudSim's {@code THR}), simplified. A host's
 * utilisation is what its VMs demanded of its physical threads in the interval that just ended.
 * <ol>
 *   <li>Overloaded hosts (above {@code upper}), in host order: their VMs leave, largest demand
 *       first, until the host is at or below {@code upper}. A VM goes to the active host of the same
 *       zone that would be busiest without passing {@code upper} and has room for its vCPUs and
 *       memory (best fit); if there is none, to the lowest-numbered switched-off host with room
 *       (switched on). A VM that fits nowhere stays.
 *   <li>Underloaded hosts (active, below {@code lower}), least loaded first: if every VM of the
 *       host fits on other active hosts (best fit, not passing {@code upper}), they all move and the
 *       host is switched off; otherwise none moves.
 * </ol>
 * The plan is a list of (VM, host) moves; the caller applies them. Planning is a function of the
 * read-only load ({@link VmLoadView}) and host views, with working copies of the hosts' load and free room; a move
 * searches the hosts in O(hosts).
 */
public final class ThresholdConsolidation {

    private final double upper;
    private final double lower;
    private final long[] vmMemoryMib;
    private final IntArrayList plan = new IntArrayList();
    private double[] load = new double[0];
    private double[] limit = new double[0];
    private int[] freeSlots = new int[0];
    private long[] freeMemory = new long[0];
    private int[] vmCount = new int[0];
    private boolean[] emptied = new boolean[0];
    private int[] received = new int[0];
    private int[] byLoad = new int[0];
    private int[] scratch = new int[16];
    private final IntArrayList tentative = new IntArrayList();

    /**
     * @param upper       a host above this fraction of its physical threads is overloaded, in (0, 1]
     * @param lower       an active host below this fraction is underloaded, in [0, upper)
     * @param vmMemoryMib each VM's memory, MiB (copied)
     */
    public ThresholdConsolidation(double upper, double lower, long[] vmMemoryMib) {
        if (!(upper > 0 && upper <= 1) || !(lower >= 0 && lower < upper)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= lower < upper <= 1: " + lower + ", " + upper);
        }
        this.upper = upper;
        this.lower = lower;
        this.vmMemoryMib = vmMemoryMib.clone();
    }

    /**
     * The moves for the state the sharing holds now: pairs {@code (vm, host)} in the order to
     * apply them. The list is reused by the next call.
     */
    public IntArrayList plan(VmLoadView sharing, HostView hosts) {
        int hostCount = hosts.hostCount();
        ensureHosts(hostCount);
        plan.clear();
        for (int h = 0; h < hostCount; h++) {
            load[h] = sharing.hostDemand(h);
            limit[h] = upper * hosts.spec(h).physicalThreads();
            freeSlots[h] = hosts.freeThreads(h);
            freeMemory[h] = hosts.freeMemoryMib(h);
            vmCount[h] = sharing.vmsOn(h);
            emptied[h] = false;
            received[h] = 0;
        }
        for (int h = 0; h < hostCount; h++) {
            if (load[h] > limit[h]) {
                relieve(h, sharing, hosts);
            }
        }
        int candidates = underloaded(hosts);
        for (int i = 0; i < candidates; i++) {
            int h = byLoad[i];
            // a host that took VMs in this round stays on
            if (received[h] == 0 && vmCount[h] > 0 && load[h] < lower * hosts.spec(h).physicalThreads()) {
                evacuate(h, sharing, hosts);
            }
        }
        return plan;
    }

    /** Moves VMs off overloaded host {@code h}, largest demand first, until it is at or below the limit. */
    private void relieve(int h, VmLoadView sharing, HostView hosts) {
        int k = vmsOf(h, sharing);
        IntArrays.quickSort(scratch, 0, k, (a, b) -> sharing.demand(a) != sharing.demand(b)
                ? Double.compare(sharing.demand(b), sharing.demand(a)) : Integer.compare(a, b));
        for (int i = 0; i < k && load[h] > limit[h]; i++) {
            int vm = scratch[i];
            int to = destination(vm, h, sharing, hosts, true);
            if (to >= 0) {
                move(vm, h, to, sharing);
                plan.add(vm);
                plan.add(to);
            }
        }
    }

    /** Moves every VM of underloaded host {@code h} elsewhere, or none. */
    private void evacuate(int h, VmLoadView sharing, HostView hosts) {
        emptied[h] = true; // not a destination while it is being emptied
        int k = vmsOf(h, sharing);
        tentative.clear();
        for (int i = 0; i < k; i++) {
            int vm = scratch[i];
            if (isPlanned(vm)) {
                continue; // already left this host in this round
            }
            int to = destination(vm, h, sharing, hosts, false);
            if (to < 0) {
                for (int j = tentative.size() - 2; j >= 0; j -= 2) {
                    unmove(tentative.getInt(j), h, tentative.getInt(j + 1), sharing);
                }
                emptied[h] = false;
                return;
            }
            move(vm, h, to, sharing);
            tentative.add(vm);
            tentative.add(to);
        }
        plan.addAll(tentative);
    }

    /** The best-fit destination for {@code vm} leaving {@code from}, or -1. */
    private int destination(int vm, int from, VmLoadView sharing, HostView hosts, boolean switchOn) {
        double demand = sharing.demand(vm);
        int vcpus = sharing.vcpus(vm);
        long memory = vmMemoryMib[vm];
        int zone = hosts.zoneOf(from);
        int best = -1;
        double bestUtilisation = -1;
        int off = -1;
        for (int h = 0; h < load.length; h++) {
            if (h == from || emptied[h] || hosts.zoneOf(h) != zone || freeSlots[h] < vcpus || freeMemory[h] < memory
                    || load[h] + demand > limit[h]) {
                continue;
            }
            if (vmCount[h] == 0) {
                if (off < 0) {
                    off = h;
                }
                continue;
            }
            double utilisation = load[h] / hosts.spec(h).physicalThreads();
            if (utilisation > bestUtilisation) {
                best = h;
                bestUtilisation = utilisation;
            }
        }
        return best >= 0 ? best : switchOn ? off : -1;
    }

    /** Moves {@code vm} from {@code from} to {@code to} in the working copies. */
    private void move(int vm, int from, int to, VmLoadView sharing) {
        shift(vm, from, to, sharing);
        received[to]++;
    }

    /** Undoes {@link #move}{@code (vm, from, to)}. */
    private void unmove(int vm, int from, int to, VmLoadView sharing) {
        shift(vm, to, from, sharing);
        received[to]--;
    }

    private void shift(int vm, int from, int to, VmLoadView sharing) {
        double demand = sharing.demand(vm);
        int vcpus = sharing.vcpus(vm);
        long memory = vmMemoryMib[vm];
        load[from] -= demand;
        freeSlots[from] += vcpus;
        freeMemory[from] += memory;
        vmCount[from]--;
        load[to] += demand;
        freeSlots[to] -= vcpus;
        freeMemory[to] -= memory;
        vmCount[to]++;
    }

    private boolean isPlanned(int vm) {
        for (int i = 0; i < plan.size(); i += 2) {
            if (plan.getInt(i) == vm) {
                return true;
            }
        }
        return false;
    }

    /** Puts the active hosts below the lower threshold in {@code byLoad}, least loaded first; returns their count. */
    private int underloaded(HostView hosts) {
        int n = 0;
        for (int h = 0; h < load.length; h++) {
            if (vmCount[h] > 0 && load[h] < lower * hosts.spec(h).physicalThreads()) {
                byLoad[n++] = h;
            }
        }
        IntArrays.quickSort(byLoad, 0, n, (a, b) -> load[a] != load[b] ? Double.compare(load[a], load[b])
                : Integer.compare(a, b));
        return n;
    }

    /** Copies host {@code h}'s VMs (as the sharing last indexed them) into {@code scratch}. */
    private int vmsOf(int h, VmLoadView sharing) {
        int k = sharing.vmsOn(h);
        if (k > scratch.length) {
            scratch = new int[Math.max(k, scratch.length * 2)];
        }
        for (int i = 0; i < k; i++) {
            scratch[i] = sharing.vmOn(h, i);
        }
        return k;
    }

    private void ensureHosts(int n) {
        if (load.length != n) {
            load = new double[n];
            limit = new double[n];
            freeSlots = new int[n];
            freeMemory = new long[n];
            vmCount = new int[n];
            emptied = new boolean[n];
            received = new int[n];
            byLoad = new int[n];
        }
    }
}
