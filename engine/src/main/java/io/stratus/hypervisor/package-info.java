/**
 * The hypervisor: how an instance's virtual CPUs are shared among the work running on it.
 *
 * <p>Work progresses in a fluid model: nothing happens between arrivals and completions, and a
 * completion event is rescheduled only when the set of active jobs changes. See
 * {@link io.stratus.hypervisor.ProcessorSharingCpu} for the virtual-time technique.
 */
package io.stratus.hypervisor;
