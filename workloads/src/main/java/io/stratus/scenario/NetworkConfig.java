package io.stratus.scenario;

import io.stratus.network.Cidr;
import io.stratus.network.IamRole;
import io.stratus.network.PodNetworking;
import io.stratus.network.SecurityGroup;
import io.stratus.network.Subnet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scenario's VPC ({@code network:}): its address block, subnets, key pairs, security groups
 * and IAM roles, and where each workload sits in it. A scenario without the section has
 * {@link #NONE}: nothing is in a VPC, launches are never refused for addresses, nothing filters
 * traffic (the behaviour of every scenario before the section existed).
 *
 * @param vpc            the VPC's CIDR block, or null for {@link #NONE}
 * @param subnets        the subnets, in file order
 * @param keyPairs       the key pairs that exist in the account
 * @param securityGroups the security groups, in file order
 * @param roles          the IAM roles, in file order
 * @param attachments    where each workload sits, by workload name (file order)
 */
public record NetworkConfig(Cidr vpc, List<Subnet> subnets, List<String> keyPairs, List<SecurityGroup> securityGroups,
                            List<IamRole> roles, Map<String, Attachment> attachments) {

    /** No VPC. */
    public static final NetworkConfig NONE = new NetworkConfig(null, List.of(), List.of(), List.of(), List.of(), Map.of());

    /**
     * A workload's place in the VPC.
     *
     * @param subnets              names of its subnets (at least one in every zone of the region)
     * @param securityGroups       the security groups of its instances (empty: no filtering)
     * @param balancerGroups       the security groups of its load balancer, the source its
     *                             instances' rules must admit on the target port
     * @param keyPair              the key pair its launches name, or empty for none
     * @param role                 the IAM role of its instances, or empty for none
     * @param pods                 the addresses each node takes (EKS pods with the VPC CNI)
     */
    public record Attachment(List<String> subnets, List<String> securityGroups, List<String> balancerGroups,
                             String keyPair, String role, PodNetworking pods) {
        public Attachment {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
            balancerGroups = List.copyOf(balancerGroups);
            Objects.requireNonNull(keyPair, "keyPair");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(pods, "pods");
        }
    }

    public NetworkConfig {
        subnets = List.copyOf(subnets);
        keyPairs = List.copyOf(keyPairs);
        securityGroups = List.copyOf(securityGroups);
        roles = List.copyOf(roles);
        attachments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attachments));
    }

    /** Whether the scenario has a VPC. */
    public boolean present() {
        return vpc != null;
    }

    /** Where workload {@code name} sits, if it is attached. */
    public Optional<Attachment> attachment(String name) {
        return Optional.ofNullable(attachments.get(name));
    }

    /** The role named {@code name}, if any. */
    public Optional<IamRole> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The index of subnet {@code name} in {@link #subnets}. */
    public int subnetIndex(String name) {
        for (int i = 0; i < subnets.size(); i++) {
            if (subnets.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no subnet " + name);
    }
}
