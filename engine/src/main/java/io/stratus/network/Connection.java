package io.stratus.network;

import java.util.Objects;
import java.util.Set;

/**
 * An inbound connection attempt.
 *
 * @param protocol      its protocol (not {@link Protocol#ALL})
 * @param port          destination port (ignored for ICMP)
 * @param sourceAddress the sender's IPv4 address
 * @param sourceGroups  the security groups of the sender (empty from outside the VPC)
 */
public record Connection(Protocol protocol, int port, int sourceAddress, Set<String> sourceGroups) {

    public Connection {
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == Protocol.ALL) {
            throw new IllegalArgumentException("a connection has one protocol, not all");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        sourceGroups = Set.copyOf(sourceGroups);
    }

    /** A TCP connection from an outside address. */
    public static Connection tcp(int port, String sourceAddress) {
        return new Connection(Protocol.TCP, port, Ipv4.parse(sourceAddress), Set.of());
    }

    /** A TCP connection from a member of {@code groups} at {@code sourceAddress}. */
    public static Connection tcpFromGroups(int port, String sourceAddress, Set<String> groups) {
        return new Connection(Protocol.TCP, port, Ipv4.parse(sourceAddress), groups);
    }
}
