/**
 * The VPC and network access: subnets and their address accounting ({@link io.stratus.network.Subnet},
 * {@link io.stratus.network.SubnetAddresses}, {@link io.stratus.network.VpcAddressing}: a launch
 * without free addresses or naming a missing key pair is refused as EC2 refuses it), the addresses
 * an EKS node's pods take ({@link io.stratus.network.PodNetworking}), security groups (stateful
 * virtual firewalls of inbound allow rules), key pairs and IAM roles. The decisions of security
 * groups, key pairs and roles are pure functions over immutable records; the run wires them to
 * the load balancers' traffic filters and the queues' workers.
 *
 * <p>Simplifications: IPv4 only; outbound rules, network ACLs and VPC routing are not modelled
 * (every instance may send anything, and return traffic of an allowed connection is allowed, as
 * with real security groups); each subnet lies in one zone and addresses are counted, not
 * assigned one by one.
 */
package io.stratus.network;
