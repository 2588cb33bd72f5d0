package io.stratus.scenario;

import io.stratus.storage.VolumeSpec;

/**
 * The I/O stage of a service's requests: after its CPU work, a request performs {@code ops}
 * random I/O operations on its instance's instance store (local NVMe shared by the host) or on an
 * EBS volume attached to it when it starts running, and completes when they are done.
 *
 * @param ops    operations per request
 * @param device {@code instance-store} or {@code ebs}
 * @param volume the EBS volume each instance gets (null for instance store)
 */
public record IoConfig(long ops, String device, VolumeSpec volume) {

    /** Whether the I/O goes to an EBS volume. */
    public boolean ebs() {
        return "ebs".equals(device);
    }
}
