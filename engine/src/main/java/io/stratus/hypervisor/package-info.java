/**
 * The hypervisor: how each host's hardware threads and memory are shared among its instances,
 * and each instance's vCPUs among the work running on it.
 *
 * <p>Work progresses in a fluid model. Within an instance, jobs share its vCPUs by processor
 * sharing with virtual time ({@link io.stratus.hypervisor.ProcessorSharingCpu}), their work in
 * reference-vCPU time done at the instance's {@link io.stratus.hypervisor.VcpuSpeed} (single-thread
 * speed, slower when both hyperthreads of a core are busy). Across a
 * host's instances, threads are shared by weighted max-min fairness
 * ({@link io.stratus.hypervisor.WaterFilling}); the unmet part of a runnable demand is steal
 * time. Memory beyond the physical memory slows a host down ({@link io.stratus.hypervisor.PagingModel}).
 * Burstable instances earn and spend CPU credits exactly ({@link io.stratus.hypervisor.BurstCredits}).
 * {@link io.stratus.hypervisor.FluidSharing} is the one core: pools shared by water-filling
 * ({@code SharedPools}) among processor-sharing servers and demand members
 * (a utilisation trace), token buckets, and the one owner of the completion and credit events:
 * an event fires only when work arrives, completes, a share changes or a credit balance runs out,
 * and each reschedule is O(log n). {@link io.stratus.hypervisor.CpuSharing} configures it for
 * vCPUs on hosts (and trace-driven VMs sharing the same host pools); the storage package
 * configures it for disk IOPS. {@link io.stratus.hypervisor.UtilisationVms} is a fleet of
 * trace-driven VMs in those same host pools (a consolidation's VMs), and the load view its
 * migration policy reads.
 *
 * <p>Invariants: the vCPUs granted on a host never exceed its physical threads, nor any
 * instance's demand (min of its jobs and vCPUs, its baseline when throttled); nothing is
 * allocated per request.
 */
package io.stratus.hypervisor;
