/**
 * The physical layer: a region, its availability zones, and the hosts in them.
 *
 * <p>Invariants: a host never has more threads or memory reserved than it physically has
 * ({@link io.stratus.infra.HostTable#reserve} refuses); host state lives in primitive arrays
 * indexed by host number, so placement indexes can scan or index it without objects.
 */
package io.stratus.infra;
