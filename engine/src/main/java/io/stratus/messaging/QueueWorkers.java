package io.stratus.messaging;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.sim.EventQueue;
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
 * <p>Model: a message's payload is its work in CPU microseconds. With at most one message per
 * vCPU, processor sharing gives each message a whole vCPU, so processing takes exactly its work;
 * the workers therefore time their own completions and do not submit to the hypervisor's CPUs
 * (worker CPU is not in the CPU metrics). A processed message is deleted, unless it fails (with
 * probability {@code failureProbability}, a poison message or a bug): then it is left to
 * reappear after its visibility timeout. A worker whose instance leaves running abandons its
 * messages, which reappear likewise. A delete after the visibility timeout ran out is refused by
 * the queue (the message was processed twice; counted in {@link #lateDeletes()}).
 *
 * <p>Access ({@link #setAccess}): workers whose IAM role does not allow {@code sqs:ReceiveMessage}
 * get AccessDenied on every poll and process nothing, so the queue backs up; without
 * {@code sqs:DeleteMessage} they process each message but cannot delete it, so it reappears after
 * its visibility timeout and is processed again (until the queue's redrive policy moves it to the
 * dead-letter queue). Both count in {@link #accessDenied()}.
 */
public final class QueueWorkers implements InstanceListener {

    private final Simulation sim;
    private final MessageQueue queue;
    private final double failureProbability;
    private final RandomStream random;
    private final IntPredicate members;
    private final int doneKind;
    private final Int2ObjectOpenHashMap<int[]> slotsOf = new Int2ObjectOpenHashMap<>();
    private final IntArrayFIFOQueue idle = new IntArrayFIFOQueue();
    private boolean[] alive = new boolean[16];
    private long[] doneEvent = new long[16];
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
     * @param failureProbability chance that processing a message fails, in [0, 1)
     * @param random             the stream failures are drawn from
     */
    public QueueWorkers(Simulation sim, String name, MessageQueue queue, IntPredicate members,
                        double failureProbability, RandomStream random) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.members = Objects.requireNonNull(members, "members");
        if (!(failureProbability >= 0 && failureProbability < 1)) {
            throw new IllegalArgumentException("failure probability must be in [0, 1), got " + failureProbability);
        }
        this.failureProbability = failureProbability;
        this.random = Objects.requireNonNull(random, "random");
        this.doneKind = sim.registerKind(name + "/message-processed", this::processedEvent);
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
                mine[i] = newSlot();
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
                if (sim.cancel(doneEvent[slot])) {
                    abandoned++;
                }
            }
        }
    }

    private void poll() {
        if (!canReceive) {
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
            long receipt = queue.receive();
            if (receipt == MessageQueue.NONE) {
                idle.enqueueFirst(slot);
                return;
            }
            doneEvent[slot] = sim.scheduleIn(Math.max(0, queue.payload(receipt)), doneKind, slot, receipt);
        }
    }

    private void processedEvent(int slot, long receipt) {
        doneEvent[slot] = EventQueue.NO_EVENT;
        if (failureProbability > 0 && random.nextDouble() < failureProbability) {
            failed++;
        } else if (!canDelete) {
            accessDenied++; // processed, but the delete is denied: it reappears after the visibility timeout
        } else {
            processed++;
            if (!queue.delete(receipt)) {
                lateDeletes++;
            }
        }
        idle.enqueue(slot);
        poll();
    }

    private int newSlot() {
        if (slots == alive.length) {
            alive = Arrays.copyOf(alive, slots * 2);
            doneEvent = Arrays.copyOf(doneEvent, slots * 2);
        }
        alive[slots] = true;
        doneEvent[slots] = EventQueue.NO_EVENT;
        return slots++;
    }
}
