package io.stratus.workload;

import io.stratus.monitor.LatencyRecorder;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * What a run reads of a batch environment, whatever its model: AWS Batch-style packing with
 * instance reuse ({@link BatchScheduler}) or one set of instances per job
 * ({@link BatchComputeEnvironment}, the baseline).
 */
public interface BatchEnvironment {

    /** Tells {@code listener} of every instance this environment launches, as it launches it. */
    void onLaunch(java.util.function.IntConsumer listener);

    /** Schedules the first submissions. */
    void start();

    /** Jobs submitted so far. */
    long submitted();

    /** Jobs refused: they could never fit, or the placer refused them. */
    long rejected();

    /** Jobs finished. */
    long completed();

    /** When the last job finished, microseconds. */
    long lastCompletion();

    /** Waits from submission to start. */
    LatencyRecorder waits();

    /** Response times from submission to end. */
    LatencyRecorder responses();

    /** Instances this environment ever launched, in launch order. */
    IntArrayList instanceIds();

    /** Whether instance {@code id} was launched by this environment. */
    boolean owns(int id);
}
