package io.stratus.serverless;

import io.stratus.compute.Architecture;
import java.util.Objects;

/**
 * A Lambda function's configuration: immutable.
 *
 * @param name                   the function's name
 * @param memoryMb               memory, {@link #MIN_MEMORY_MB} to {@link #MAX_MEMORY_MB} MB; the CPU share
 *                               is proportional to it, one full vCPU at {@link #FULL_VCPU_MB}
 * @param architecture           x86_64 or arm64 (prices differ)
 * @param initMicros             cold-start init duration of a new execution environment at this memory
 * @param keepWarmMicros         how long an idle execution environment is kept before it is reclaimed
 * @param reservedConcurrency    concurrency reserved for the function (its limit, taken from the
 *                               account's pool), or -1 to share the account's unreserved concurrency
 * @param provisioned            Provisioned Concurrency: environments initialised before the first
 *                               invocation and never reclaimed (at most the reserved concurrency, if any)
 * @param vcpuSpeed              the speed of one full Lambda vCPU in reference vCPUs (single-thread)
 * @param timeoutMicros          the function's timeout: an invocation is stopped (and billed) there
 */
public record FunctionSpec(String name, int memoryMb, Architecture architecture, long initMicros, long keepWarmMicros,
                           int reservedConcurrency, int provisioned, double vcpuSpeed, long timeoutMicros) {

    /** Least memory a function may have (MB). */
    public static final int MIN_MEMORY_MB = 128;
    /** Most memory a function may have (MB). */
    public static final int MAX_MEMORY_MB = 10_240;
    /** Memory at which a function has one full vCPU (MB). */
    public static final int FULL_VCPU_MB = 1_769;

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new IllegalArgumentException(name + ": memory " + memoryMb + " MB outside 128 to 10,240 MB");
        }
        if (initMicros < 0 || keepWarmMicros < 0 || timeoutMicros <= 0) {
            throw new IllegalArgumentException(name + ": init, keep-warm and timeout must be non-negative");
        }
        if (reservedConcurrency < -1 || provisioned < 0
                || (reservedConcurrency >= 0 && provisioned > reservedConcurrency)) {
            throw new IllegalArgumentException(name + ": provisioned concurrency above the reserved concurrency");
        }
        if (!(vcpuSpeed > 0)) {
            throw new IllegalArgumentException(name + ": vCPU speed must be positive");
        }
    }

    /** The CPU share in vCPUs: memory / 1,769 MB (up to 6 vCPUs at 10,240 MB). */
    public double vcpus() {
        return memoryMb / (double) FULL_VCPU_MB;
    }

    /**
     * How fast single-threaded work runs, in reference vCPUs: the CPU share capped at one vCPU (a
     * single thread cannot use more), times the vCPU's speed.
     */
    public double speed() {
        return Math.min(1.0, vcpus()) * vcpuSpeed;
    }

    /** Memory in GB as Lambda bills it (1 GB = 1,024 MB). */
    public double memoryGb() {
        return memoryMb / 1024.0;
    }
}
