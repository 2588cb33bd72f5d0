package io.stratus.infra;

import java.util.Objects;

/**
 * The hardware of one kind of physical host.
 *
 * <p>An EC2 host of a family has the resources of that family's {@code metal} size (an m5 host
 * has m5.metal's 96 threads and 384 GiB), so that instance sizes pack as they do on EC2.
 *
 * @param name      a name for reports, such as {@code m5-host}
 * @param family    the instance family the host runs, such as {@code m5}
 * @param threads   hardware threads (each is one vCPU)
 * @param memoryMib physical memory in MiB
 */
public record HostSpec(String name, String family, int threads, long memoryMib) {

    public HostSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (threads <= 0) {
            throw new IllegalArgumentException(name + ": threads must be positive, got " + threads);
        }
        if (memoryMib <= 0) {
            throw new IllegalArgumentException(name + ": memory must be positive, got " + memoryMib);
        }
    }
}
