package io.stratus.lb;

import io.stratus.workload.RequestSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An Application Load Balancer: one endpoint (a DNS name in AWS) whose listeners forward the
 * requests arriving on a port to a target group.
 *
 * <p>{@link #accept} sends a request to the first listener (the usual single HTTP or HTTPS
 * listener); {@link #endpoint(int)} gives the sink of a given port. Listener rules (paths,
 * hosts) are not modelled: a listener forwards everything to its default target group.
 */
public final class LoadBalancer implements RequestSink {

    /** A listener: requests on {@code port} ({@code protocol}, such as HTTP) go to {@code targetGroup}. */
    public record Listener(int port, String protocol, TargetGroup targetGroup) implements RequestSink {
        public Listener {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
            }
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(targetGroup, "targetGroup");
        }

        @Override
        public boolean accept(long workMicros) {
            return targetGroup.route(workMicros);
        }
    }

    private final String name;
    private final List<Listener> listeners = new ArrayList<>();

    public LoadBalancer(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The balancer's name. */
    public String name() {
        return name;
    }

    /** Adds a listener on {@code port} forwarding to {@code group}; returns it. */
    public Listener addListener(int port, String protocol, TargetGroup group) {
        for (Listener l : listeners) {
            if (l.port() == port) {
                throw new IllegalArgumentException(name + " already listens on port " + port);
            }
        }
        Listener listener = new Listener(port, protocol, group);
        listeners.add(listener);
        return listener;
    }

    /** The listeners, in the order added. */
    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The sink of requests arriving on {@code port}. */
    public RequestSink endpoint(int port) {
        for (Listener l : listeners) {
            if (l.port() == port) {
                return l;
            }
        }
        throw new IllegalArgumentException(name + " has no listener on port " + port);
    }

    /** Sends a request to the first listener; refused if there is none. */
    @Override
    public boolean accept(long workMicros) {
        return !listeners.isEmpty() && listeners.get(0).targetGroup().route(workMicros);
    }
}
