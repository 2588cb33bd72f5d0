/**
 * The physical layer: a region, its availability zones, and the hosts in them.
 *
 * <p>Invariants: a host never has more threads or memory reserved than it sells
 * ({@link io.stratus.infra.HostTable#reserve} refuses); what it sells equals its hardware unless
 * its {@link io.stratus.infra.HostSpec} is overcommitted, in which case the hypervisor shares the
 * physical threads and memory. Host state lives in primitive arrays indexed by host number, so
 * placement indexes can scan or index it without objects.
 *
 * <p>{@link io.stratus.infra.HostPowerModel} is a linear power model of a host (idle to peak).
 */
package io.stratus.infra;
