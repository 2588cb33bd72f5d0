package io.stratus.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * One function's invocations over a day of the Azure Functions trace 2019: how many times it was
 * called in each minute. A per-minute request-count series for one function, which
 * {@link #bins()} hands to a rate replay.
 *
 * @param owner     anonymised owner hash
 * @param app       anonymised application hash
 * @param function  anonymised function hash
 * @param trigger   what invokes it: http, queue, event, timer, orchestration, storage, others
 * @param perMinute invocations in minute {@code k} of the day (minute 0 is 00:00 to 00:01); the
 *                  array is copied in and out, so the record is immutable
 */
public record FunctionInvocations(String owner, String app, String function, String trigger, int[] perMinute) {

    public FunctionInvocations {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(trigger, "trigger");
        perMinute = perMinute.clone();
        for (int count : perMinute) {
            if (count < 0) {
                throw new IllegalArgumentException("invocation counts must not be negative");
            }
        }
    }

    /** Invocations per minute (a copy). */
    @Override
    public int[] perMinute() {
        return perMinute.clone();
    }

    /** The number of minutes covered. */
    public int minutes() {
        return perMinute.length;
    }

    /** Invocations in minute {@code k}. */
    public int count(int minute) {
        return perMinute[minute];
    }

    /** All invocations over the day. */
    public long total() {
        long total = 0;
        for (int count : perMinute) {
            total += count;
        }
        return total;
    }

    /** The series as one-minute bins starting at time 0, for a rate replay. */
    public RecordSource<RequestCount> bins() {
        return RequestCount.minuteBins(perMinute.length, minute -> perMinute[minute]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionInvocations f
                && owner.equals(f.owner) && app.equals(f.app) && function.equals(f.function)
                && trigger.equals(f.trigger) && Arrays.equals(perMinute, f.perMinute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, app, function, trigger, Arrays.hashCode(perMinute));
    }

    @Override
    public String toString() {
        return "FunctionInvocations[owner=" + owner + ", app=" + app + ", function=" + function
                + ", trigger=" + trigger + ", minutes=" + perMinute.length + ", total=" + total() + "]";
    }
}
