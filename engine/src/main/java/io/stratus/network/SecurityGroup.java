package io.stratus.network;

import java.util.List;
import java.util.Objects;

/**
 * A security group: a named set of inbound allow rules. Anything not allowed is denied; rules of
 * all the groups of an instance add up.
 *
 * @param name    the group's name, unique in the scenario
 * @param inbound its inbound allow rules
 */
public record SecurityGroup(String name, List<InboundRule> inbound) {

    public SecurityGroup {
        Objects.requireNonNull(name, "name");
        inbound = List.copyOf(inbound);
    }

    /** Whether one of the group's rules admits the connection. */
    public boolean allows(Connection c) {
        for (InboundRule rule : inbound) {
            if (rule.allows(c)) {
                return true;
            }
        }
        return false;
    }
}
