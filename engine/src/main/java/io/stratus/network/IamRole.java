package io.stratus.network;

import java.util.Objects;
import java.util.Set;

/**
 * An IAM role given to instances through an instance profile: the actions its policies allow
 * (such as {@code sqs:ReceiveMessage}). Anything not allowed is denied, as in IAM. Simplification:
 * actions only, on every resource; a {@code service:*} entry allows every action of the service.
 *
 * @param name    the role's name
 * @param actions the allowed actions
 */
public record IamRole(String name, Set<String> actions) {

    public IamRole {
        Objects.requireNonNull(name, "name");
        actions = Set.copyOf(actions);
    }

    /** Whether the role allows {@code action} ({@code service:Action}). */
    public boolean allows(String action) {
        int colon = action.indexOf(':');
        return actions.contains(action) || actions.contains("*")
                || colon > 0 && actions.contains(action.substring(0, colon) + ":*");
    }
}
