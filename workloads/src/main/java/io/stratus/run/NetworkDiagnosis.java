package io.stratus.run;

import io.stratus.lb.TargetGroup;
import io.stratus.messaging.MessageQueue;
import io.stratus.messaging.QueueWorkers;
import io.stratus.network.LaunchRefusals;
import io.stratus.network.VpcAddressing;
import io.stratus.scenario.NetworkConfig;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Says in words what a scenario's VPC did wrong, each finding with what happened, what it cost
 * and the fix: launches EC2 refused, a security group that blocks the load balancer's health
 * checks, queue workers whose role the queue denies.
 */
final class NetworkDiagnosis {

    private final NetworkConfig config;

    NetworkDiagnosis(NetworkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** One sentence per error code of the workload's refused launches. */
    List<String> refusals(String name, LaunchRefusals refusals) {
        List<String> out = new ArrayList<>();
        for (LaunchRefusals.Refused r : refusals.all()) {
            String fix = switch (r.code()) {
                case VpcAddressing.NO_FREE_ADDRESSES -> "give it a larger subnet (or another subnet in the zone), "
                        + "or fewer addresses per node";
                case VpcAddressing.NO_SUCH_KEY_PAIR -> "create the key pair, or launch without one (key-pair:)";
                default -> "see the error code";
            };
            String when = r.count() == 1 ? "at " + Time.format(r.firstMicros())
                    : "from " + Time.format(r.firstMicros()) + " to " + Time.format(r.lastMicros())
                    + " (an Auto Scaling group retries every minute)";
            out.add(String.format(Locale.ROOT, "%s: %,d launch %s refused with %s %s%s%s. Fix: %s.", name,
                    r.count(), r.count() == 1 ? "was" : "attempts were", r.code(), when,
                    r.count() == 1 ? ": " : "; first: ", r.firstMessage(), fix));
        }
        return out;
    }

    /** The service's security groups refuse its balancer on the target port. */
    String blockedHealthChecks(String name, NetworkConfig.Attachment a, TargetGroup tg) {
        String lb = a.balancerGroups().isEmpty() ? "the load balancer (which has no security group)"
                : "the load balancer's group " + String.join(", ", a.balancerGroups());
        String fix = a.balancerGroups().isEmpty() ? "give the load balancer a security group "
                + "(load-balancer-security-groups:) and admit it"
                : "add to " + a.securityGroups().get(0) + " the inbound rule { port: " + tg.port() + ", from: "
                + a.balancerGroups().get(0) + " }";
        return name + ": its security groups (" + String.join(", ", a.securityGroups()) + ") admit no TCP "
                + tg.port() + " from " + lb + ", so every health check times out, every target is unhealthy, and "
                + "the balancer, failing open, sends requests that the security group drops: "
                + String.format(Locale.ROOT, "%,d", tg.blocked()) + " requests blocked. Fix: " + fix + ".";
    }

    /** The queue's workers get AccessDenied. */
    String deniedQueue(String name, NetworkConfig.Attachment a, QueueWorkers w, MessageQueue q) {
        String who = a.role().isEmpty() ? "its workers have no IAM role (no instance profile)"
                : "its workers' role " + a.role() + " does not allow "
                + (config.role(a.role()).orElseThrow().allows(NetworkRun.RECEIVE) ? NetworkRun.DELETE
                        : NetworkRun.RECEIVE);
        return String.format(Locale.ROOT, "%s: %s, so %,d calls to the queue got AccessDenied; %,d messages were "
                + "processed and deleted, %,d wait in the queue at the end and %,d went to the dead-letter queue. "
                + "Fix: give the workers a role allowing %s and %s.", name, who, w.accessDenied(), w.processed(),
                q.visible() + q.inFlight(), q.movedToDeadLetter(), NetworkRun.RECEIVE, NetworkRun.DELETE);
    }
}
