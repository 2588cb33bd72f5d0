package io.stratus.network;

import java.util.Objects;

/** Where a rule admits traffic from: an address block, or the members of a security group. */
public sealed interface RuleSource {

    /** Whether a connection from {@code from} comes from this source. */
    boolean matches(Connection from);

    /** Traffic from addresses in a block. */
    record Block(Cidr cidr) implements RuleSource {
        public Block {
            Objects.requireNonNull(cidr, "cidr");
        }

        @Override
        public boolean matches(Connection from) {
            return cidr.contains(from.sourceAddress());
        }
    }

    /** Traffic from anything in a security group (an instance, a load balancer). */
    record Group(String name) implements RuleSource {
        public Group {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(Connection from) {
            return from.sourceGroups().contains(name);
        }
    }
}
