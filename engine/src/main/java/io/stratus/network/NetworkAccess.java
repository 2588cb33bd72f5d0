package io.stratus.network;

import io.stratus.compute.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The security groups and key pairs of a scenario, and the decisions they make: whether an
 * instance accepts a connection (from a client, another instance or a load balancer, which are
 * all sources with an address and security groups) and whether a user can log in over SSH.
 *
 * <p>An instance names its groups and key pair in its {@link io.stratus.compute.LaunchSpec}; a
 * name that is not registered here is an error, reported when the decision is asked.
 */
public final class NetworkAccess {

    /** The SSH port. */
    public static final int SSH_PORT = 22;

    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, KeyPair> keyPairs = new LinkedHashMap<>();

    /** Registers a security group; names are unique. */
    public void addGroup(SecurityGroup group) {
        if (groups.putIfAbsent(group.name(), group) != null) {
            throw new IllegalArgumentException("security group " + group.name() + " already exists");
        }
    }

    /** Registers a key pair; names are unique. */
    public void addKeyPair(KeyPair pair) {
        if (keyPairs.putIfAbsent(pair.name(), pair) != null) {
            throw new IllegalArgumentException("key pair " + pair.name() + " already exists");
        }
    }

    /** Whether an instance in {@code groupNames} accepts the connection. */
    public boolean accepts(List<String> groupNames, Connection c) {
        Objects.requireNonNull(c, "c");
        for (String name : groupNames) {
            SecurityGroup group = groups.get(name);
            if (group == null) {
                throw new IllegalArgumentException("unknown security group '" + name + "'");
            }
            if (group.allows(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instance accepts the connection. */
    public boolean accepts(Instance instance, Connection c) {
        return accepts(instance.spec().securityGroups(), c);
    }

    /**
     * Decides an SSH login to an instance launched in {@code groupNames} with key pair
     * {@code instanceKey} (empty for none), by a client at {@code c} holding the private key of
     * {@code clientKey}.
     */
    public SshDecision ssh(List<String> groupNames, String instanceKey, Connection c, String clientKey) {
        if (c.protocol() != Protocol.TCP || c.port() != SSH_PORT || !accepts(groupNames, c)) {
            return SshDecision.BLOCKED_BY_SECURITY_GROUP;
        }
        if (instanceKey.isEmpty()) {
            return SshDecision.NO_KEY_ON_INSTANCE;
        }
        if (!keyPairs.containsKey(instanceKey)) {
            throw new IllegalArgumentException("unknown key pair '" + instanceKey + "'");
        }
        return instanceKey.equals(clientKey) ? SshDecision.ALLOWED : SshDecision.WRONG_KEY;
    }

    /** Decides an SSH login to an instance. */
    public SshDecision ssh(Instance instance, Connection c, String clientKey) {
        return ssh(instance.spec().securityGroups(), instance.spec().keyName(), c, clientKey);
    }
}
