package io.stratus.serverless;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.RequestSink;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayFIFOQueue;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * An SQS queue with a Lambda event source mapping: messages wait in the queue; the mapping's
 * pollers take batches of up to {@code batchSize} messages and invoke the function once per
 * batch (the batch's work is the sum of its messages'). It starts with five concurrent batches
 * and, while messages wait, adds up to 300 a minute, up to its maximum concurrency (2 to 1,000;
 * AWS's "Configuring scaling behavior for SQS event source mappings"); after a minute with an
 * empty queue it falls back to five. A batch is taken only when the function could run it, so the
 * mapping is never throttled: messages wait in the queue instead.
 *
 * <p>Simplified: no batching window (a free poller takes what is there), no failures or retries,
 * no visibility timeout (a batch's messages are deleted when it ends), the queue is unbounded.
 * Allocation: none per message once the arrays have grown.
 */
public final class QueueEventSource implements RequestSink, InvocationListener {

    /** Concurrent batches the mapping starts with and falls back to. */
    public static final int INITIAL_BATCHES = 5;
    /** Batches the mapping may add per minute while messages wait. */
    public static final int SCALE_UP_PER_MINUTE = 300;

    private final Simulation sim;
    private final LambdaFunction function;
    private final int batchSize;
    private final int maxConcurrency;
    private final LongConsumer messageLatency;
    private final LongArrayFIFOQueue sentAt = new LongArrayFIFOQueue();
    private final LongArrayFIFOQueue works = new LongArrayFIFOQueue();
    private final IntArrayList freeSlots = new IntArrayList();
    private long[][] slotSentAt = new long[0][];
    private int[] slotCount = new int[0];
    private final int tickKind;
    private final int pollKind;
    private boolean pollPending;
    private int allowed;
    private int inFlight;
    private boolean waitedThisMinute;
    private long sent;
    private long delivered;
    private int peakAllowed;

    /**
     * A queue feeding a new function of {@code spec} on {@code account}; each message's time from
     * send to the end of its batch goes to {@code messageLatency}.
     */
    public QueueEventSource(Simulation sim, FunctionSpec spec, LambdaAccount account, int batchSize,
                            int maxConcurrency, LongConsumer messageLatency) {
        this.sim = Objects.requireNonNull(sim, "sim");
        if (batchSize < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("batch size and maximum concurrency must be positive");
        }
        this.batchSize = batchSize;
        this.maxConcurrency = maxConcurrency;
        this.messageLatency = Objects.requireNonNull(messageLatency, "messageLatency");
        this.function = new LambdaFunction(sim, spec, account, this);
        this.allowed = Math.min(INITIAL_BATCHES, maxConcurrency);
        this.peakAllowed = allowed;
        this.tickKind = sim.registerKind("sqs-lambda-scale/" + spec.name(), (s, d) -> tick());
        this.pollKind = sim.registerKind("sqs-lambda-poll/" + spec.name(), (s, d) -> {
            pollPending = false;
            drain();
        });
    }

    /** Starts the mapping's scaling clock at {@code now}. */
    public void start(long now) {
        sim.schedule(now + Time.MINUTE, tickKind, 0, 0);
    }

    /** The function the mapping invokes. */
    public LambdaFunction function() {
        return function;
    }

    /** A message of {@code workMicros} is sent to the queue: always accepted. */
    @Override
    public boolean accept(long workMicros) {
        sentAt.enqueue(sim.now());
        works.enqueue(workMicros);
        sent++;
        drain();
        return true;
    }

    @Override
    public void finished(int slot, long invokedAt, long now) {
        long[] times = slotSentAt[slot];
        for (int i = 0; i < slotCount[slot]; i++) {
            messageLatency.accept(now - times[i]);
        }
        delivered += slotCount[slot];
        freeSlots.add(slot);
        inFlight--;
        drain();
    }

    private void drain() {
        while (inFlight < allowed && !sentAt.isEmpty()) {
            if (!function.canInvoke()) {
                if (!pollPending) {
                    pollPending = true;
                    sim.schedule(sim.now() + Time.SECOND, pollKind, 0, 0);
                }
                return;
            }
            int slot = freeSlot();
            int n = Math.min(batchSize, sentAt.size());
            long[] times = slotSentAt[slot];
            long work = 0;
            for (int i = 0; i < n; i++) {
                times[i] = sentAt.dequeueLong();
                work += works.dequeueLong();
            }
            slotCount[slot] = n;
            inFlight++;
            function.invoke(work, slot);
        }
        if (!sentAt.isEmpty()) {
            waitedThisMinute = true;
        }
    }

    private int freeSlot() {
        if (!freeSlots.isEmpty()) {
            return freeSlots.popInt();
        }
        int slot = slotCount.length;
        slotCount = java.util.Arrays.copyOf(slotCount, slot + 1);
        slotSentAt = java.util.Arrays.copyOf(slotSentAt, slot + 1);
        slotSentAt[slot] = new long[batchSize];
        return slot;
    }

    private void tick() {
        if (waitedThisMinute || !sentAt.isEmpty()) {
            allowed = Math.min(maxConcurrency, allowed + SCALE_UP_PER_MINUTE);
            peakAllowed = Math.max(peakAllowed, allowed);
        } else {
            allowed = Math.min(INITIAL_BATCHES, maxConcurrency);
        }
        waitedThisMinute = false;
        sim.schedule(sim.now() + Time.MINUTE, tickKind, 0, 0);
        drain();
    }

    /** Messages sent so far. */
    public long sent() {
        return sent;
    }

    /** Messages whose batch ended. */
    public long delivered() {
        return delivered;
    }

    /** Messages waiting in the queue now. */
    public int waiting() {
        return sentAt.size();
    }

    /** Most concurrent batches the mapping allowed at once. */
    public int peakAllowedBatches() {
        return peakAllowed;
    }
}
