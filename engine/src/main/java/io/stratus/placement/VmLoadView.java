package io.stratus.placement;

/**
 * A read-only view of trace-driven VMs' CPU demand on their hosts, as a consolidation policy
 * reads it: what each VM demands, its vCPUs, and which VMs each host holds with their total
 * demand. {@code io.stratus.hypervisor.UtilisationVms} implements it over the CPU sharing
 * (placement comes before the hypervisor in the engine's package order, so it cannot name it).
 */
public interface VmLoadView {

    /** vCPUs VM {@code vm} demands now. */
    double demand(int vm);

    /** vCPUs of VM {@code vm}. */
    int vcpus(int vm);

    /** vCPUs demanded by the VMs of host {@code host}. */
    double hostDemand(int host);

    /** VMs on host {@code host}. */
    int vmsOn(int host);

    /** The {@code i}-th VM of host {@code host}. */
    int vmOn(int host, int i);
}
