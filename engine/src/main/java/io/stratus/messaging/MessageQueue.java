package io.stratus.messaging;

import io.stratus.sim.EventQueue;
import io.stratus.sim.Simulation;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An SQS standard queue: it stores messages until a consumer deletes them.
 *
 * <p>A received message becomes invisible for the visibility timeout; if it is not deleted by
 * then, it becomes visible again (and its receive count grows at the next receive). With a
 * redrive policy, a receive that would make the count exceed {@code maxReceiveCount} moves the
 * message to the dead-letter queue instead (keeping its original send time, as SQS does for
 * standard queues). A message older than the retention period is deleted by the queue when a
 * receive reaches it (counted as expired). Delivery order is first in, first out among visible
 * messages: a simplification of SQS's best-effort ordering, with no duplicates.
 *
 * <p>Conservation: {@code sent = deleted + expired + movedToDeadLetter + visible + inFlight}, so
 * no message is ever silently lost. Messages live in recycled slots of primitive arrays; a
 * receipt handle names a slot and one receive of it, so a stale handle (the message became
 * visible again, or was received by someone else) is recognised and its delete refused.
 */
public final class MessageQueue implements Subscriber {

    /** Returned by {@link #receive()} when no message is visible. */
    public static final long NONE = -1L;

    private final Simulation sim;
    private final String name;
    private final QueueSettings settings;
    private final MessageQueue deadLetter;
    private final int visibilityKind;
    private final List<Runnable> availabilityListeners = new ArrayList<>();
    private final IntArrayFIFOQueue visible = new IntArrayFIFOQueue();
    private final IntArrayList freeSlots = new IntArrayList();

    private long[] messageId = new long[16];
    private long[] payload = new long[16];
    private long[] sentAt = new long[16];
    private int[] receives = new int[16];
    private long[] receipt = new long[16];
    private long[] visibilityEvent = new long[16];
    private int slots;
    private int receiveSequence;

    private long nextId;
    private long deleted;
    private long expired;
    private long movedToDeadLetter;
    private long received;
    private int inFlight;

    /**
     * @param deadLetter the dead-letter queue, required when {@code settings.maxReceiveCount() > 0},
     *                   null otherwise
     */
    public MessageQueue(Simulation sim, String name, QueueSettings settings, MessageQueue deadLetter) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        if ((settings.maxReceiveCount() > 0) != (deadLetter != null)) {
            throw new IllegalArgumentException(name + ": a dead-letter queue goes with a max receive count");
        }
        this.deadLetter = deadLetter;
        this.visibilityKind = sim.registerKind(name + "/visibility-timeout", this::visibilityExpired);
    }

    /** The queue's name. */
    public String name() {
        return name;
    }

    /** Runs {@code listener} whenever a message becomes visible (consumers long-polling). */
    public void addAvailabilityListener(Runnable listener) {
        availabilityListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Sends a message now; returns its id (dense from 0). */
    public long send(long messagePayload) {
        return enqueue(messagePayload, sim.now());
    }

    /** A topic delivering to this queue sends the payload. */
    @Override
    public void deliver(String subject, long messagePayload, long now) {
        send(messagePayload);
    }

    /**
     * Receives the oldest visible message, which becomes invisible for the visibility timeout.
     *
     * @return a receipt handle, or {@link #NONE}
     */
    public long receive() {
        long now = sim.now();
        while (!visible.isEmpty()) {
            int slot = visible.dequeueInt();
            if (now - sentAt[slot] >= settings.retentionMicros()) {
                expired++;
                free(slot);
                continue;
            }
            if (deadLetter != null && receives[slot] + 1 > settings.maxReceiveCount()) {
                movedToDeadLetter++;
                deadLetter.enqueue(payload[slot], sentAt[slot]);
                free(slot);
                continue;
            }
            receives[slot]++;
            received++;
            receiveSequence = (receiveSequence + 1) & 0x7fffffff;
            long handle = ((long) receiveSequence << 32) | slot;
            receipt[slot] = handle;
            inFlight++;
            visibilityEvent[slot] = sim.scheduleIn(settings.visibilityTimeoutMicros(), visibilityKind, slot, handle);
            return handle;
        }
        return NONE;
    }

    /** The payload of a received message. */
    public long payload(long receiptHandle) {
        return payload[slotOf(receiptHandle)];
    }

    /** The id of a received message. */
    public long messageId(long receiptHandle) {
        return messageId[slotOf(receiptHandle)];
    }

    /** How many times a received message has been received. */
    public int receiveCount(long receiptHandle) {
        return receives[slotOf(receiptHandle)];
    }

    /**
     * Deletes a received message.
     *
     * @return false if the handle is stale (its visibility timeout ran out first)
     */
    public boolean delete(long receiptHandle) {
        int slot = (int) receiptHandle;
        if (slot < 0 || slot >= slots || receipt[slot] != receiptHandle) {
            return false;
        }
        sim.cancel(visibilityEvent[slot]);
        inFlight--;
        deleted++;
        free(slot);
        return true;
    }

    /** Messages sent to this queue (including those moved here as a dead-letter queue). */
    public long sent() {
        return nextId;
    }

    /** Messages received by consumers (each receive of a redelivered message counts again). */
    public long received() {
        return received;
    }

    /** Messages deleted by consumers. */
    public long deleted() {
        return deleted;
    }

    /** Messages dropped at the end of the retention period. */
    public long expired() {
        return expired;
    }

    /** Messages moved to the dead-letter queue. */
    public long movedToDeadLetter() {
        return movedToDeadLetter;
    }

    /** Messages available for retrieval (ApproximateNumberOfMessagesVisible, exact here). */
    public int visible() {
        return visible.size();
    }

    /** Messages received and not yet deleted or returned (ApproximateNumberOfMessagesNotVisible). */
    public int inFlight() {
        return inFlight;
    }

    private long enqueue(long messagePayload, long sentTime) {
        int slot = freeSlots.isEmpty() ? newSlot() : freeSlots.popInt();
        messageId[slot] = nextId++;
        payload[slot] = messagePayload;
        sentAt[slot] = sentTime;
        receives[slot] = 0;
        receipt[slot] = NONE;
        visibilityEvent[slot] = EventQueue.NO_EVENT;
        visible.enqueue(slot);
        announce();
        return messageId[slot];
    }

    private void visibilityExpired(int slot, long handle) {
        if (receipt[slot] != handle) {
            return;
        }
        receipt[slot] = NONE;
        visibilityEvent[slot] = EventQueue.NO_EVENT;
        inFlight--;
        visible.enqueue(slot);
        announce();
    }

    private void announce() {
        for (int i = 0; i < availabilityListeners.size(); i++) {
            availabilityListeners.get(i).run();
        }
    }

    private void free(int slot) {
        receipt[slot] = NONE;
        freeSlots.push(slot);
    }

    private int slotOf(long receiptHandle) {
        int slot = (int) receiptHandle;
        if (slot < 0 || slot >= slots || receipt[slot] != receiptHandle) {
            throw new IllegalArgumentException(name + ": stale or unknown receipt handle " + receiptHandle);
        }
        return slot;
    }

    private int newSlot() {
        if (slots == messageId.length) {
            int n = slots * 2;
            messageId = Arrays.copyOf(messageId, n);
            payload = Arrays.copyOf(payload, n);
            sentAt = Arrays.copyOf(sentAt, n);
            receives = Arrays.copyOf(receives, n);
            receipt = Arrays.copyOf(receipt, n);
            visibilityEvent = Arrays.copyOf(visibilityEvent, n);
        }
        return slots++;
    }
}
