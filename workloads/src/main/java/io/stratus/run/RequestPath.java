package io.stratus.run;

import io.stratus.lb.LoadBalancer;
import io.stratus.monitor.LatencyRecorder;
import io.stratus.sim.Simulation;
import io.stratus.workload.CacheTier;
import io.stratus.workload.RequestSink;
import java.util.function.LongSupplier;

/**
 * The path of a service's requests and their latency: in through the load balancer, CPU work on an
 * instance, then the I/O stage if any, then the cache tier if the service is a cache (a miss waits
 * for the backend); done. Records each request's latency for the run and for the current period,
 * and integrates the number of requests in the system over time (L, exact), for the Little's law
 * check.
 */
final class RequestPath {

    private final Simulation sim;
    private final LoadBalancer loadBalancer;
    private ServiceIo io;
    private CacheTier cache;
    private final LatencyRecorder latency = new LatencyRecorder();
    private LatencyRecorder periodLatency = new LatencyRecorder();
    private final LongSupplier beyondCpuLimit;
    private long backendInFlight;
    private long overloaded;
    private long inSystem;
    private long inSystemSince;
    private double inSystemIntegral;

    /**
     * @param beyondCpuLimit the most requests that may be in I/O or at the cache's backend at once
     *                       (asked at each arrival); an arrival beyond is refused as overloaded
     */
    RequestPath(Simulation sim, LoadBalancer loadBalancer, LongSupplier beyondCpuLimit) {
        this.sim = sim;
        this.loadBalancer = loadBalancer;
        this.beyondCpuLimit = beyondCpuLimit;
    }

    /** Gives requests an I/O stage after their CPU work. */
    void io(ServiceIo stage) {
        this.io = stage;
    }

    /** Puts a cache tier after the I/O stage; it hands each request back to {@link #finished}. */
    void cache(CacheTier tier) {
        this.cache = tier;
    }

    CacheTier cache() {
        return cache;
    }

    /**
     * Where requests enter: the load balancer, counting each accepted request into the system until
     * it completes. With an I/O stage or a cache, a request is first refused as overloaded when the
     * requests beyond the CPUs already reach their limit.
     */
    RequestSink entrance() {
        return work -> {
            if ((io != null || cache != null) && beyondCpu() >= beyondCpuLimit.getAsLong()) {
                overloaded++;
                return false;
            }
            if (!loadBalancer.accept(work)) {
                return false;
            }
            inSystemChanged(+1);
            return true;
        };
    }

    /** A request finished its CPU work: its I/O stage, if any, comes next. */
    void cpuCompleted(int instance, long arrival, long now) {
        if (io == null) {
            served(instance, arrival, now);
        } else {
            io.submit(instance, arrival);
        }
    }

    /** A request finished its I/O stage. */
    void ioCompleted(int instance, long arrival, long now) {
        io.completed();
        served(instance, arrival, now);
    }

    private void served(int instance, long arrival, long now) {
        if (cache != null) {
            backendInFlight++; // until the cache tier hands it on (at once on a hit, later on a miss)
            cache.completed(instance, arrival, now);
        } else {
            finished(instance, arrival, now);
        }
    }

    /** A request is done: out of the system, its latency recorded. */
    void finished(int instance, long arrival, long now) {
        if (cache != null) {
            backendInFlight--;
        }
        inSystemChanged(-1);
        latency.completed(instance, arrival, now);
        periodLatency.completed(instance, arrival, now);
    }

    /** {@code n} requests left the system unserved: dropped with the instance running them. */
    void lost(int n) {
        if (n > 0) {
            inSystemChanged(-n);
        }
    }

    private void inSystemChanged(int delta) {
        long now = sim.now();
        inSystemIntegral += (double) inSystem * (now - inSystemSince);
        inSystemSince = now;
        inSystem += delta;
    }

    /** Requests in I/O or at the cache's backend now (those on CPUs are the instances' to count). */
    long beyondCpu() {
        return (io == null ? 0 : io.inFlight()) + backendInFlight;
    }

    /** Requests refused because the I/O stage and the cache's backend held their limit. */
    long overloaded() {
        return overloaded;
    }

    /** Time-average number of requests in the system over {@code [0, end]}. */
    double meanInSystem(long end) {
        return end == 0 ? 0 : (inSystemIntegral + (double) inSystem * (end - inSystemSince)) / end;
    }

    /** Latencies over the whole run. */
    LatencyRecorder latency() {
        return latency;
    }

    /** Latencies of the period ending now; the next period starts empty. */
    LatencyRecorder endPeriod() {
        LatencyRecorder done = periodLatency;
        periodLatency = new LatencyRecorder();
        return done;
    }
}
