package io.stratus.network;

import io.stratus.compute.InstanceType;
import io.stratus.compute.NetworkLimits;
import java.util.Objects;

/**
 * How many VPC addresses a node takes: one (its primary ENI's) for a plain instance, or, for an
 * EKS node whose pods get VPC addresses from the Amazon VPC CNI, what the CNI attaches for
 * {@code pods} pods.
 *
 * <ul>
 *   <li><b>secondary-IP mode</b> (the CNI's default): pods take secondary addresses; the CNI
 *       attaches ENIs whole, each with all its addresses, ceil(pods / (IPs per ENI - 1)) of them
 *       plus {@code warm} spare ones (WARM_ENI_TARGET, default 1), at most the type's ENIs. A node
 *       takes ENIs x IPs per ENI addresses.</li>
 *   <li><b>prefix delegation</b>: each secondary slot of an ENI holds a /28 prefix of 16
 *       addresses; the CNI assigns ceil(pods / 16) prefixes plus {@code warm} spare ones
 *       (WARM_PREFIX_TARGET, default 1) on as few ENIs as hold them. A node takes one primary
 *       address per ENI plus 16 per prefix.</li>
 * </ul>
 * Simplifications: WARM_IP_TARGET / MINIMUM_IP_TARGET, custom networking and subnet
 * fragmentation (prefixes need contiguous free /28 blocks) are not modelled; addresses are taken
 * when the node launches and given back when it terminates (a stopped instance keeps them, as on
 * EC2).
 *
 * @param mode which CNI mode; {@link Mode#NONE} for an instance without pods
 * @param pods pods per node that take VPC addresses
 * @param warm spare ENIs (secondary-IP mode) or prefixes (prefix delegation)
 */
public record PodNetworking(Mode mode, int pods, int warm) {

    /** A plain instance: one address. */
    public static final PodNetworking NONE = new PodNetworking(Mode.NONE, 0, 0);

    /** The VPC CNI's address mode. */
    public enum Mode {
        /** No pods: the instance's primary address only. */
        NONE,
        /** One secondary address per pod, ENIs attached whole. */
        SECONDARY_IP,
        /** /28 prefixes per ENI slot. */
        PREFIX_DELEGATION
    }

    public PodNetworking {
        Objects.requireNonNull(mode, "mode");
        if (pods < 0 || warm < 0) {
            throw new IllegalArgumentException("pods and warm must not be negative");
        }
        if (mode == Mode.NONE && (pods != 0 || warm != 0)) {
            throw new IllegalArgumentException("an instance without pods has no pods or warm pool");
        }
    }

    /**
     * Pods a node of {@code type} may give addresses to in this mode (max pods less the two
     * host-network pods), or -1 when the type's ENI split is not bundled.
     */
    public static int podCapacity(Mode mode, InstanceType type, NetworkLimits limits) {
        if (limits.enis(type.name()).isEmpty()) {
            return -1;
        }
        return switch (mode) {
            case NONE -> 0;
            case SECONDARY_IP -> limits.maxPods(type.name()).orElseThrow() - 2;
            case PREFIX_DELEGATION -> limits.maxPodsWithPrefixes(type).orElseThrow() - 2;
        };
    }

    /** Addresses a node of {@code type} takes; the type's ENI split must be bundled when there are pods. */
    public int addresses(InstanceType type, NetworkLimits limits) {
        if (mode == Mode.NONE) {
            return 1;
        }
        int maxEnis = limits.enis(type.name()).orElseThrow(
                () -> new IllegalArgumentException("no ENI limits bundled for " + type.name()));
        int perEni = limits.ipv4PerEni(type.name()).orElseThrow();
        int slots = perEni - 1;
        if (mode == Mode.SECONDARY_IP) {
            int enis = Math.min(maxEnis, Math.max(1, ceilDiv(pods, slots)) + warm);
            return enis * perEni;
        }
        int prefixes = Math.min(maxEnis * slots, ceilDiv(pods, NetworkLimits.PREFIX_ADDRESSES) + warm);
        int enis = Math.max(1, ceilDiv(prefixes, slots));
        return enis + NetworkLimits.PREFIX_ADDRESSES * prefixes;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
