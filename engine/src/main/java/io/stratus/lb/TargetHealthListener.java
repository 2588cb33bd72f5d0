package io.stratus.lb;

/** Told when a target's health changes, and when a deregistered target has finished draining. */
public interface TargetHealthListener {

    /** Target {@code instance} moved from {@code from} to {@code to} at {@code now}. */
    void healthChanged(int instance, TargetHealth from, TargetHealth to, long now);
}
