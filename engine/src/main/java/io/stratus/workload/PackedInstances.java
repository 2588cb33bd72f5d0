package io.stratus.workload;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The live instances of a {@link BatchScheduler} or a {@link ContainerCluster}, by slot: each one's
 * environment (or node type), free CPU, memory and member places (what its jobs or pods have not
 * reserved), whether it runs yet, and the jobs on it. Slots of
 * removed instances are reused, and so are their job lists, so steady-state packing allocates
 * nothing. Best fit is a scan of one environment's instances (environments hold hundreds, not
 * millions).
 */
final class PackedInstances {

    private int[] id = new int[16];
    private int[] environment = new int[16];
    private int[] freeVcpus = new int[16];
    private long[] freeMemory = new long[16];
    private int[] freePods = new int[16];
    private boolean[] running = new boolean[16];
    private boolean[] alive = new boolean[16];
    private int[] epoch = new int[16];
    private IntArrayList[] jobs = new IntArrayList[16];
    private final IntArrayList freeSlots = new IntArrayList();
    private final IntArrayList[] byEnvironment;
    private final Int2IntOpenHashMap slotOf = new Int2IntOpenHashMap();
    private int size;

    PackedInstances(int environments) {
        byEnvironment = new IntArrayList[environments];
        for (int e = 0; e < environments; e++) {
            byEnvironment[e] = new IntArrayList();
        }
        slotOf.defaultReturnValue(-1);
    }

    /** Adds a pending instance with all of {@code vcpus} and {@code memoryMib} free, no limit on members; its slot. */
    int add(int env, int instanceId, int vcpus, long memoryMib) {
        return add(env, instanceId, vcpus, memoryMib, Integer.MAX_VALUE);
    }

    /**
     * Adds a pending instance with {@code cpu} (vCPUs or millicores: the caller's unit) and
     * {@code memoryMib} free and room for {@code members} members (pods); its slot.
     */
    int add(int env, int instanceId, int cpu, long memoryMib, int members) {
        int s = freeSlots.isEmpty() ? size++ : freeSlots.popInt();
        if (s == id.length) {
            grow();
        }
        id[s] = instanceId;
        environment[s] = env;
        freeVcpus[s] = cpu;
        freeMemory[s] = memoryMib;
        freePods[s] = members;
        running[s] = false;
        alive[s] = true;
        epoch[s]++;
        if (jobs[s] == null) {
            jobs[s] = new IntArrayList(4);
        }
        jobs[s].clear();
        byEnvironment[env].add(s);
        slotOf.put(instanceId, s);
        return s;
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        environment = Arrays.copyOf(environment, n);
        freeVcpus = Arrays.copyOf(freeVcpus, n);
        freeMemory = Arrays.copyOf(freeMemory, n);
        freePods = Arrays.copyOf(freePods, n);
        running = Arrays.copyOf(running, n);
        alive = Arrays.copyOf(alive, n);
        epoch = Arrays.copyOf(epoch, n);
        jobs = Arrays.copyOf(jobs, n);
    }

    /** Removes the instance in slot {@code s} (its jobs must have been moved off first). */
    void remove(int s) {
        alive[s] = false;
        byEnvironment[environment[s]].rem(s);
        slotOf.remove(id[s]);
        freeSlots.push(s);
    }

    /** The slot of instance {@code instanceId}, or -1 if it is not live here. */
    int slotOf(int instanceId) {
        return slotOf.get(instanceId);
    }

    /** Live instances of environment {@code env}. */
    int count(int env) {
        return byEnvironment[env].size();
    }

    /**
     * The instance of {@code env} that a node of {@code vcpus} and {@code memoryMib} fits tightest
     * (fewest vCPUs left, then least memory left, then earliest launched), or -1 if none has room.
     */
    int bestFit(int env, int vcpus, long memoryMib) {
        IntArrayList slots = byEnvironment[env];
        int best = -1;
        for (int i = 0, n = slots.size(); i < n; i++) {
            int s = slots.getInt(i);
            if (fits(s, vcpus, memoryMib) && (best < 0 || freeVcpus[s] < freeVcpus[best]
                    || freeVcpus[s] == freeVcpus[best] && freeMemory[s] < freeMemory[best])) {
                best = s;
            }
        }
        return best;
    }

    /** Whether a member of {@code cpu} and {@code memoryMib} fits instance {@code s} now. */
    boolean fits(int s, int cpu, long memoryMib) {
        return freeVcpus[s] >= cpu && freeMemory[s] >= memoryMib && freePods[s] > 0;
    }

    /** The slots of environment {@code env}'s live instances, in launch order (do not modify). */
    IntArrayList slots(int env) {
        return byEnvironment[env];
    }

    int freePods(int s) {
        return freePods[s];
    }

    void reserve(int s, int vcpus, long memoryMib) {
        freeVcpus[s] -= vcpus;
        freeMemory[s] -= memoryMib;
        freePods[s]--;
        epoch[s]++; // not idle any more: a pending scale-in check is stale
    }

    void release(int s, int vcpus, long memoryMib) {
        freeVcpus[s] += vcpus;
        freeMemory[s] += memoryMib;
        freePods[s]++;
    }

    int instanceId(int s) {
        return id[s];
    }

    int environment(int s) {
        return environment[s];
    }

    int freeVcpus(int s) {
        return freeVcpus[s];
    }

    long freeMemory(int s) {
        return freeMemory[s];
    }

    boolean running(int s) {
        return running[s];
    }

    void markRunning(int s) {
        running[s] = true;
    }

    boolean alive(int s) {
        return alive[s];
    }

    /** A new idle period of slot {@code s}: its number, which a scale-in check carries. */
    int nextEpoch(int s) {
        return ++epoch[s];
    }

    int epoch(int s) {
        return epoch[s];
    }

    /** The slots of the jobs on instance {@code s} (each job once). */
    IntArrayList jobs(int s) {
        return jobs[s];
    }
}
