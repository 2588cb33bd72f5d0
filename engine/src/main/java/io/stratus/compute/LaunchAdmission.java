package io.stratus.compute;

/**
 * Checks a launch against what EC2 validates before it looks for capacity: the subnet has free
 * addresses, the key pair exists. A refused launch fails as {@code RunInstances} does (the fleet
 * returns -1 and counts it in {@link Fleet#refusedAtLaunch()}); the admission records why.
 *
 * <p>It is asked before placement and must not change state: the launch may still fail for want
 * of a host, so whatever it takes is taken when the instance is launched
 * ({@link LaunchListener}).
 */
@FunctionalInterface
public interface LaunchAdmission {

    /** Admits everything. */
    LaunchAdmission ALL = (spec, now) -> true;

    /** Whether EC2 would accept the launch of {@code spec} at {@code now}; records the reason if not. */
    boolean admits(LaunchSpec spec, long now);
}
