package io.stratus.compute;

import java.util.EnumSet;
import java.util.Set;

/**
 * The EC2 instance lifecycle:
 * <pre>
 * launch:     pending -> running
 * stop:       running -> stopping -> stopped
 * start:      stopped -> pending -> running
 * terminate:  running|stopped -> shutting-down -> terminated
 * </pre>
 * An instance is billed (on-demand) only while {@link #RUNNING}.
 *
 * <p>One more edge, pending to shutting-down, exists for an instance whose host fails while it
 * boots; {@link Fleet#terminate} does not offer it (terminate needs running or stopped). Another,
 * running to pending, is EC2 automatic recovery ({@link Fleet#setAutoRecovery}): the same
 * instance, moved to new hardware when its host fails, boots again there (not billed meanwhile).
 */
public enum InstanceState {
    PENDING("pending"),
    RUNNING("running"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    SHUTTING_DOWN("shutting-down"),
    TERMINATED("terminated");

    private final String apiName;

    InstanceState(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API uses, such as {@code shutting-down}. */
    public String apiName() {
        return apiName;
    }

    /** The states this one may move to. */
    public Set<InstanceState> successors() {
        switch (this) {
            case PENDING:
                return EnumSet.of(RUNNING, SHUTTING_DOWN);
            case RUNNING:
                return EnumSet.of(STOPPING, SHUTTING_DOWN, PENDING);
            case STOPPING:
                return EnumSet.of(STOPPED);
            case STOPPED:
                return EnumSet.of(PENDING, SHUTTING_DOWN);
            case SHUTTING_DOWN:
                return EnumSet.of(TERMINATED);
            case TERMINATED:
                return EnumSet.noneOf(InstanceState.class);
            default:
                throw new AssertionError(this);
        }
    }

    /** Whether the lifecycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(InstanceState next) {
        return successors().contains(next);
    }
}
