package io.stratus.trace;

/**
 * A unit of work that arrives, asks for resources and holds them for a while: a batch job, a
 * virtual machine, a container. What an engine fleet or placement policy consumes.
 *
 * <p>Assumption: the requested size is held for the whole lifetime (traces give one size per
 * job or VM).
 */
public interface WorkArrival extends Timed {

    /** When the work arrives (is submitted or created), microseconds on the trace's clock. */
    @Override
    long time();

    /** How long it runs or lives, microseconds. */
    long lifetime();

    /** The CPUs it asks for (processors, cores or vCPUs; fractional for containers). */
    double vcpus();

    /** The memory it asks for in MiB, or {@link Double#NaN} when the trace does not say. */
    double memoryMib();
}
