package io.stratus.workload;

import io.stratus.sim.Simulation;
import java.util.Objects;

/**
 * Generates requests: at each arrival of its {@link ArrivalProcess} it draws the request's work
 * from its {@link ServiceDemand} and offers it to a {@link RequestSink}. One pending event at a
 * time; nothing allocated per request.
 */
public final class RequestSource {

    private final Simulation sim;
    private final ArrivalProcess arrivals;
    private final ServiceDemand demand;
    private final RequestSink sink;
    private final int arrivalKind;
    private long generated;
    private long refused;

    public RequestSource(Simulation sim, ArrivalProcess arrivals, ServiceDemand demand, RequestSink sink) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.arrivals = Objects.requireNonNull(arrivals, "arrivals");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.arrivalKind = sim.registerKind("request-arrival", (s, d) -> onArrival());
    }

    /** Schedules the first arrival at or after {@code from}. */
    public void start(long from) {
        scheduleNext(from);
    }

    /** Requests generated so far. */
    public long generated() {
        return generated;
    }

    /** Requests the sink refused. */
    public long refused() {
        return refused;
    }

    private void onArrival() {
        generated++;
        if (!sink.accept(demand.nextWorkMicros())) {
            refused++;
        }
        scheduleNext(sim.now());
    }

    private void scheduleNext(long from) {
        long next = arrivals.nextArrival(from);
        if (next != Long.MAX_VALUE) {
            sim.schedule(next, arrivalKind, 0, 0);
        }
    }
}
