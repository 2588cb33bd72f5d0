package io.stratus.infra;

/**
 * Told when a host's free capacity changes (hosts added, resources reserved or released), so
 * that indexes over free capacity (placement) stay in step with the {@link HostTable}.
 */
@FunctionalInterface
public interface HostCapacityListener {

    /** Host {@code host}'s free threads or memory changed (or it was just added). */
    void capacityChanged(int host);
}
