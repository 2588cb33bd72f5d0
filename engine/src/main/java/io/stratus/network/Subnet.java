package io.stratus.network;

import java.util.Objects;

/**
 * A subnet of a VPC: an address block in one availability zone. AWS reserves five addresses of
 * every subnet (the network address, the VPC router, DNS, one for future use and the broadcast
 * address), so a /24 has 251 usable addresses; subnets are /16 to /28.
 *
 * @param name its name in the scenario
 * @param cidr its address block
 * @param zone the zone index it lies in
 */
public record Subnet(String name, Cidr cidr, int zone) {

    /** Addresses AWS reserves in every subnet. */
    public static final int RESERVED = 5;
    /** The largest subnet AWS allows, /16. */
    public static final int MIN_PREFIX = 16;
    /** The smallest subnet AWS allows, /28. */
    public static final int MAX_PREFIX = 28;

    public Subnet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
        if (cidr.prefix() < MIN_PREFIX || cidr.prefix() > MAX_PREFIX) {
            throw new IllegalArgumentException("a subnet is /16 to /28, got " + cidr);
        }
        if (zone < 0) {
            throw new IllegalArgumentException("bad zone index " + zone);
        }
    }

    /** Addresses instances, ENIs and pods may take: the block's size less the five reserved. */
    public int usable() {
        return (int) cidr.size() - RESERVED;
    }
}
