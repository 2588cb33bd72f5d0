package io.stratus.trace;

/**
 * One job of a Standard Workload Format log (Parallel Workloads Archive, format version 2.2),
 * with its 18 fields in order and times converted from seconds to microseconds.
 *
 * <p>Fields the log does not know hold {@link #UNKNOWN} ({@code -1}), as in the file. A job is
 * only produced when its submit time, run time and processor count are known (see
 * {@link SwfReader}), so {@link #time()}, {@link #lifetime()} and {@link #vcpus()} are always
 * meaningful. Memory fields are kilobytes per processor, as SWF defines them.
 *
 * @param jobNumber           the job's number in the log
 * @param submitTime          submit time, microseconds since the log's start
 * @param waitTime            time between submission and start, microseconds, or UNKNOWN
 * @param runTime             wall-clock run time, microseconds
 * @param allocatedProcessors processors the job ran on, or UNKNOWN
 * @param averageCpuSeconds   average CPU time used per processor, seconds, or UNKNOWN
 * @param usedMemoryKb        average memory used per processor, KB, or UNKNOWN
 * @param requestedProcessors processors requested, or UNKNOWN
 * @param requestedTime       run time requested (the user's estimate), microseconds, or UNKNOWN
 * @param requestedMemoryKb   memory requested per processor, KB, or UNKNOWN
 * @param status              1 completed, 0 failed, 5 cancelled, 2-4 partial executions, or UNKNOWN
 * @param userId              user number, or UNKNOWN
 * @param groupId             group number, or UNKNOWN
 * @param executableId        application number, or UNKNOWN
 * @param queue               queue number, or UNKNOWN
 * @param partition           partition number, or UNKNOWN
 * @param precedingJob        number of a job this one waits for, or UNKNOWN
 * @param thinkTime           time after the preceding job ended, microseconds, or UNKNOWN
 */
public record SwfJob(
        long jobNumber,
        long submitTime,
        long waitTime,
        long runTime,
        int allocatedProcessors,
        double averageCpuSeconds,
        double usedMemoryKb,
        int requestedProcessors,
        long requestedTime,
        double requestedMemoryKb,
        int status,
        int userId,
        int groupId,
        int executableId,
        int queue,
        int partition,
        long precedingJob,
        long thinkTime) implements WorkArrival {

    /** The value SWF uses for a field it does not know. */
    public static final int UNKNOWN = -1;

    /** The processors the job used: allocated when known, else requested. */
    public int processors() {
        return allocatedProcessors > 0 ? allocatedProcessors : requestedProcessors;
    }

    @Override
    public long time() {
        return submitTime;
    }

    @Override
    public long lifetime() {
        return runTime;
    }

    @Override
    public double vcpus() {
        return processors();
    }

    /**
     * Memory for all processors in MiB: requested when known, else used; NaN when neither is.
     */
    @Override
    public double memoryMib() {
        double perProcessorKb = requestedMemoryKb >= 0 ? requestedMemoryKb : usedMemoryKb;
        return perProcessorKb >= 0 ? perProcessorKb * processors() / 1024.0 : Double.NaN;
    }
}
