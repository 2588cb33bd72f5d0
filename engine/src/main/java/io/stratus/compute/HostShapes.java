package io.stratus.compute;

import io.stratus.infra.HostSpec;

/**
 * Host specifications derived from the real catalogue: a family's host has the resources of its
 * metal (or largest) size ({@link InstanceCatalog#hostShapeOf}).
 *
 * <p>Local NVMe IOPS are not in the catalogue; a host gets {@link #NVME_IOPS_PER_GIB} random-read
 * IOPS per GiB of instance store (about 3.3 million on an m5d.metal's 3,600 GB; AWS quotes
 * hundreds of thousands to millions of IOPS for the storage-optimised metal sizes). This is a
 * stated rule of thumb, not a measurement.
 */
public final class HostShapes {

    /** Random-read IOPS per GiB of local NVMe instance store assumed for hosts. */
    public static final double NVME_IOPS_PER_GIB = 925;

    private HostShapes() {
    }

    /** The host of {@code family}, without overcommit. */
    public static HostSpec of(InstanceCatalog catalog, String family) {
        InstanceType shape = catalog.hostShapeOf(family);
        long memory = shape.memoryMib();
        return new HostSpec(family + "-host", family, shape.vcpus(), memory, shape.vcpus(), memory,
                shape.instanceStoreGib(), (long) (shape.instanceStoreGib() * NVME_IOPS_PER_GIB),
                shape.networkMbps(), shape.ebsMbps());
    }
}
