package io.stratus.network;

/** The outcome of an SSH login attempt. */
public enum SshDecision {
    /** The connection reached port 22 and the key matched. */
    ALLOWED,
    /** No security group of the instance admits TCP 22 from the client. */
    BLOCKED_BY_SECURITY_GROUP,
    /** The instance was launched without a key pair: no key can log in. */
    NO_KEY_ON_INSTANCE,
    /** The client's private key is not of the pair installed on the instance. */
    WRONG_KEY
}
