package io.stratus.monitor;

/** Something an alarm does: notify a topic, invoke a scaling policy. */
@FunctionalInterface
public interface AlarmAction {

    /** {@code alarm} is (or just became) {@code state} at {@code now}. */
    void invoke(Alarm alarm, AlarmState state, long now);
}
