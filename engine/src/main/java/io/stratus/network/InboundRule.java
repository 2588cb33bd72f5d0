package io.stratus.network;

import java.util.Objects;

/**
 * A security group's inbound allow rule: a protocol, a port range and a source.
 *
 * @param protocol the protocol ({@link Protocol#ALL}: any protocol, any port)
 * @param fromPort first port of the range
 * @param toPort   last port of the range (inclusive)
 * @param source   an address block or a security group
 */
public record InboundRule(Protocol protocol, int fromPort, int toPort, RuleSource source) {

    public InboundRule {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        if (fromPort < 0 || toPort > 65_535 || fromPort > toPort) {
            throw new IllegalArgumentException("bad port range " + fromPort + "-" + toPort);
        }
    }

    /** TCP on one port from an address block, such as SSH from {@code 203.0.113.0/24}. */
    public static InboundRule tcp(int port, String cidr) {
        return new InboundRule(Protocol.TCP, port, port, new RuleSource.Block(Cidr.parse(cidr)));
    }

    /** TCP on one port from the members of a security group. */
    public static InboundRule tcpFromGroup(int port, String group) {
        return new InboundRule(Protocol.TCP, port, port, new RuleSource.Group(group));
    }

    /** Whether the rule admits the connection. */
    public boolean allows(Connection c) {
        if (protocol != Protocol.ALL) {
            if (protocol != c.protocol()) {
                return false;
            }
            if (protocol != Protocol.ICMP && (c.port() < fromPort || c.port() > toPort)) {
                return false;
            }
        }
        return source.matches(c);
    }
}
