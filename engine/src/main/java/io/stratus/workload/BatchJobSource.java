package io.stratus.workload;

/**
 * Supplies batch jobs in submission order, one at a time, so a long trace is streamed rather
 * than loaded.
 */
@FunctionalInterface
public interface BatchJobSource {

    /** The next job, or null when there are no more. Submission times never decrease. */
    BatchJob next();
}
