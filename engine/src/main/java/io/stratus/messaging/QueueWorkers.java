package io.stratus.messaging;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CompletionListener;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A fleet of workers consuming a queue: each running member instance processes as many
 * messages at a time as it has vCPUs, long-polling the queue whenever it has a free slot.
 *
 * <p>Model: a message's payload is its work in microseconds of the reference vCPU, run on the
 * worker's CPU in the hypervisor's {@link CpuSharing} like a service's request: at most one message
 * per vCPU, so uncontended each message has a whole vCPU, and it takes its work scaled by the
 * type's speed (and its hyperthread sibling's load); a busy host, a throttled burstable worker
 * (standard credits spent) or an oversold host slows it, and its CPU counts in the group's CPU
 * metrics and the burstable credits. A processed message is deleted, unless it fails (with
 * probability {@code failureProbability}, a poison message or a bug): then it is left to
 * reappear after its visibility timeout. A worker whose instance leaves running abandons its
 * messages (the hypervisor drops their work), which reappear likewise. A delete after the
 * visibility timeout ran out is refused by the queue (the message was processed twice; counted in
 * {@link #lateDeletes()}).
 *
 * <p>The CPU reports a finished job by instance and arrival time only; among one worker's messages
 * that started at the same time, the one with the least work is the one that finished (processor
 * sharing gives them equal rates, so it finishes first), which identifies it exactly.
 *
 * <p>Access ({@link #setAccess}): workers whose IAM role does not allow {@code sqs:ReceiveMessage}
 * get AccessDenied on every poll and process nothing, so the queue backs up; without
 * {@code sqs:DeleteMessage} they process each message but cannot delete it, so it reappears after
 * its visibility timeout and is processed again (until the queue's redrive policy moves it to the
 * dead-letter queue). Both count in {@link #accessDenied()}.
 */
public final class QueueWorkers implements InstanceListener, CompletionListener {

    private static final long NONE = MessageQueue.NONE;

    private final Simulation sim;
    private final MessageQueue queue;
    private final CpuSharing cpus;
    private final double failureProbability;
    private final RandomStream random;
    private final IntPredicate members;
    private final Int2ObjectOpenHashMap<int[]> slotsOf = new Int2ObjectOpenHashMap<>();
    private final IntArrayFIFOQueue idle = new IntArrayFIFOQueue();
    private boolean[] alive = new boolean[16];
    private int[] instanceOf = new int[16];
    private long[] receipt = new long[16];
    private long[] started = new long[16];
    private long[] work = new long[16];
    private int slots;
    private int workers;
    private long processed;
    private long failed;
    private long abandoned;
    private long lateDeletes;
    private boolean canReceive = true;
    private boolean canDelete = true;
    private long accessDenied;

    /**
     * @param members            which instances are workers (such as an Auto Scaling group's)
     * @param cpus               the CPUs the workers' messages run on
     * @param completions        the fan-out {@code cpus} reports finished work to (the workers add themselves)
     * @param failureProbability chance that processing a message fails, in [0, 1)
     * @param random             the stream failures are drawn from
     */
    public QueueWorkers(Simulation sim, MessageQueue queue, IntPredicate members, CpuSharing cpus,
                        CompletionFanout completions, double failureProbability, RandomStream random) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.members = Objects.requireNonNull(members, "members");
        this.cpus = Objects.requireNonNull(cpus, "cpus");
        if (!(failureProbability >= 0 && failureProbability < 1)) {
            throw new IllegalArgumentException("failure probability must be in [0, 1), got " + failureProbability);
        }
        this.failureProbability = failureProbability;
        this.random = Objects.requireNonNull(random, "random");
        completions.add(this);
        queue.addAvailabilityListener(this::poll);
    }

    /** What the workers' IAM role allows them on the queue (both by default). */
    public void setAccess(boolean receive, boolean delete) {
        this.canReceive = receive;
        this.canDelete = delete;
    }

    /** Calls to the queue refused with AccessDenied (receives while messages wait, deletes). */
    public long accessDenied() {
        return accessDenied;
    }

    /** Running worker instances. */
    public int workers() {
        return workers;
    }

    /** Messages processed and deleted (or whose late delete was refused). */
    public long processed() {
        return processed;
    }

    /** Messages whose processing failed (left to reappear). */
    public long failed() {
        return failed;
    }

    /** Messages abandoned by a worker that stopped running. */
    public long abandoned() {
        return abandoned;
    }

    /** Deletes refused because the visibility timeout ran out during processing. */
    public long lateDeletes() {
        return lateDeletes;
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        int id = instance.id();
        if (!members.test(id)) {
            return;
        }
        if (to == InstanceState.RUNNING) {
            int[] mine = new int[instance.type().vcpus()];
            for (int i = 0; i < mine.length; i++) {
                mine[i] = newSlot(id);
                idle.enqueue(mine[i]);
            }
            slotsOf.put(id, mine);
            workers++;
            poll();
        } else if (from == InstanceState.RUNNING) {
            int[] mine = slotsOf.remove(id);
            if (mine == null) {
                return;
            }
            workers--;
            for (int slot : mine) {
                alive[slot] = false;
                if (receipt[slot] != NONE) {
                    receipt[slot] = NONE;
                    abandoned++;
                }
            }
        }
    }

    private void poll() {
        if (!canReceive) {
            while (!idle.isEmpty() && !alive[idle.firstInt()]) {
                idle.dequeueInt(); // a slot of a worker that stopped running
            }
            if (!idle.isEmpty() && queue.visible() > 0) {
                accessDenied++;
            }
            return;
        }
        while (!idle.isEmpty() && queue.visible() > 0) {
            int slot = idle.dequeueInt();
            if (!alive[slot]) {
                continue;
            }
            long r = queue.receive();
            if (r == NONE) {
                idle.enqueueFirst(slot);
                return;
            }
            receipt[slot] = r;
            started[slot] = sim.now();
            work[slot] = Math.max(0, queue.payload(r));
            cpus.submit(instanceOf[slot], work[slot]);
        }
    }

    @Override
    public void completed(int instance, long arrivalTime, long now) {
        int[] mine = members.test(instance) ? slotsOf.get(instance) : null;
        if (mine == null) {
            return;
        }
        int done = -1;
        for (int slot : mine) {
            if (receipt[slot] != NONE && started[slot] == arrivalTime && (done < 0 || work[slot] < work[done])) {
                done = slot;
            }
        }
        if (done < 0) {
            throw new IllegalStateException("worker " + instance + " finished work it was not given");
        }
        long r = receipt[done];
        receipt[done] = NONE;
        if (failureProbability > 0 && random.nextDouble() < failureProbability) {
            failed++;
        } else if (!canDelete) {
            accessDenied++; // processed, but the delete is denied: it reappears after the visibility timeout
        } else {
            processed++;
            if (!queue.delete(r)) {
                lateDeletes++;
            }
        }
        idle.enqueue(done);
        poll();
    }

    private int newSlot(int instance) {
        if (slots == alive.length) {
            alive = Arrays.copyOf(alive, slots * 2);
            instanceOf = Arrays.copyOf(instanceOf, slots * 2);
            receipt = Arrays.copyOf(receipt, slots * 2);
            started = Arrays.copyOf(started, slots * 2);
            work = Arrays.copyOf(work, slots * 2);
        }
        alive[slots] = true;
        instanceOf[slots] = instance;
        receipt[slots] = NONE;
        return slots++;
    }
}
