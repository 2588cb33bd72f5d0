package io.stratus.workload;

import java.util.Objects;

/**
 * AWS Batch array jobs: each job of a source becomes an array of {@code size} child jobs, all
 * submitted with the parent, each the parent's size and run time (as the children of an array job
 * run the same job definition on their own index). Children are numbered
 * {@code (parent - 1) * size + index + 1}, so ids stay unique and in submission order.
 */
public final class ArrayJobs implements BatchJobSource {

    private final BatchJobSource parents;
    private final int size;
    private BatchJob parent;
    private int index;

    /** @param size children per parent, 1 (no array) to 10,000 (AWS's limit) */
    public ArrayJobs(BatchJobSource parents, int size) {
        this.parents = Objects.requireNonNull(parents, "parents");
        if (size < 1 || size > 10_000) {
            throw new IllegalArgumentException("array size must be 1 to 10000, got " + size);
        }
        this.size = size;
    }

    @Override
    public BatchJob next() {
        if (parent == null || index == size) {
            parent = parents.next();
            index = 0;
            if (parent == null) {
                return null;
            }
        }
        int i = index++;
        return new BatchJob((parent.id() - 1) * size + i + 1, parent.submitTime(), parent.runMicros(),
                parent.vcpus(), parent.memoryMib());
    }
}
