package io.stratus.lb;

/**
 * The health of a registered target, with the names ELB uses.
 *
 * <ul>
 *   <li>{@link #UNUSED}: registered, but its instance is not running.</li>
 *   <li>{@link #INITIAL}: running, has not passed a health check yet; gets no traffic.</li>
 *   <li>{@link #HEALTHY}: in rotation.</li>
 *   <li>{@link #UNHEALTHY}: failed {@code unhealthyThreshold} checks in a row; gets traffic only
 *       when the group fails open.</li>
 *   <li>{@link #DRAINING}: deregistered; in-flight requests finish, no new ones arrive.</li>
 *   <li>{@link #NOT_REGISTERED}: not a target (never registered, or deregistration finished).</li>
 * </ul>
 */
public enum TargetHealth {
    NOT_REGISTERED("unavailable"),
    UNUSED("unused"),
    INITIAL("initial"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy"),
    DRAINING("draining");

    private final String apiName;

    TargetHealth(String apiName) {
        this.apiName = apiName;
    }

    /** The name the ELB API uses. */
    public String apiName() {
        return apiName;
    }
}
