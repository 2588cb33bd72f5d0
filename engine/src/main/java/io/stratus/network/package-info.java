/**
 * Network access: security groups (stateful virtual firewalls of inbound allow rules) and key
 * pairs. Everything here is a pure decision function over immutable records: who may reach an
 * instance on which port, and who may log in to it.
 *
 * <p>Simplifications: IPv4 only; outbound rules, network ACLs, VPC routing and subnets are not
 * modelled (every instance may send anything, and return traffic of an allowed connection is
 * allowed, as with real security groups).
 */
package io.stratus.network;
