package io.stratus.cloud;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.lb.LeastOutstandingRequestsRouting;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.ScalingPolicy;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import io.stratus.workload.ArrivalProcess;
import io.stratus.workload.PoissonArrivals;
import io.stratus.workload.RateProfile;
import io.stratus.workload.ServiceDemand;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Describes one load-balanced service of a {@link CloudBuilder}: its instance type, a fixed fleet
 * or an Auto Scaling group with its policies, its arrivals and the CPU work of each request.
 * Nothing is built until {@link CloudBuilder#build()}, which checks the description with
 * {@link #problems}.
 *
 * <p>Defaults, as in scenario files: a 40 s AMI boot, a 10 s shutdown, least-outstanding-requests
 * routing, ALB default health checks, requests from time 0 (those arriving before any instance
 * serves are refused and counted).
 */
public final class ServiceBuilder {

    final String name;
    String type;
    int fixedCount = -1;
    int min = -1;
    int max = -1;
    final List<Function<GroupMetrics, ScalingPolicy>> policies = new ArrayList<>();
    Function<RandomStream, ArrivalProcess> arrivals;
    Function<RandomStream, ServiceDemand> work;
    String routing = LeastOutstandingRequestsRouting.NAME;
    long bootMicros = Time.seconds(40);
    long shutdownMicros = Time.seconds(10);
    long trafficFrom;

    ServiceBuilder(String name) {
        this.name = name;
    }

    /** The EC2 instance type by name, from the bundled catalogue (as {@code stratus catalog} lists it). */
    public ServiceBuilder instanceType(String typeName) {
        this.type = Objects.requireNonNull(typeName, "typeName");
        return this;
    }

    /** A fixed fleet of {@code count} instances, spread over the zones in turn, replaced when lost. */
    public ServiceBuilder instances(int count) {
        this.fixedCount = count;
        return this;
    }

    /** An Auto Scaling group of {@code min} to {@code max} instances, starting at {@code min}. */
    public ServiceBuilder autoScaling(int minSize, int maxSize) {
        this.min = minSize;
        this.max = maxSize;
        return this;
    }

    /** Target tracking of the group's average CPU at {@code percent} (AWS's alarm rules). */
    public ServiceBuilder targetCpu(double percent) {
        return policy(metrics -> io.stratus.scaling.TargetTrackingPolicy.aws(metrics.cpuUtilization(),
                io.stratus.monitor.Statistic.AVERAGE, percent));
    }

    /** A scaling policy of the group, built from the group's CloudWatch metrics once they exist. */
    public ServiceBuilder policy(Function<GroupMetrics, ScalingPolicy> factory) {
        policies.add(Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /** Poisson arrivals at the rate of {@code profile} (thinning for a varying rate). */
    public ServiceBuilder poisson(RateProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return arrivals(random -> new PoissonArrivals(profile, random));
    }

    /** Any arrival process, built with the service's own random stream ({@code NAME/arrivals}). */
    public ServiceBuilder arrivals(Function<RandomStream, ArrivalProcess> factory) {
        this.arrivals = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /** Exponential CPU work per request with mean {@code meanMicros} on the reference vCPU (an m5.large's). */
    public ServiceBuilder exponentialWork(long meanMicros) {
        return work(random -> ServiceDemand.exponential(meanMicros, random));
    }

    /** Any CPU work distribution, built with the service's own random stream ({@code NAME/service}). */
    public ServiceBuilder work(Function<RandomStream, ServiceDemand> factory) {
        this.work = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /** The load balancer's routing algorithm by name: round-robin, least-outstanding-requests or random. */
    public ServiceBuilder routing(String algorithm) {
        this.routing = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /** AMI boot time, pending to running (default 40 s). */
    public ServiceBuilder boot(long micros) {
        this.bootMicros = micros;
        return this;
    }

    /** When the first request arrives (default 0). */
    public ServiceBuilder trafficFrom(long micros) {
        this.trafficFrom = micros;
        return this;
    }

    /** What is missing or wrong in this description, each as one sentence naming the call that fixes it. */
    List<String> problems(InstanceCatalog catalog, HostCheck hosts) {
        List<String> p = new ArrayList<>();
        String at = "service '" + name + "': ";
        if (type == null) {
            p.add(at + "no instance type; call instanceType(\"m5.large\")");
        } else if (catalog.find(type).isEmpty()) {
            p.add(at + "unknown instance type '" + type + "'; close names: " + catalog.closeNames(type, 3));
        } else if (hosts != null) {
            String misfit = hosts.misfit(catalog.get(type));
            if (misfit != null) {
                p.add(at + misfit);
            }
        }
        boolean fixed = fixedCount >= 0;
        boolean scaled = min >= 0 || max >= 0;
        if (fixed == scaled) {
            p.add(at + (fixed ? "both instances(n) and autoScaling(min, max); choose one"
                    : "no capacity; call instances(n) for a fixed fleet or autoScaling(min, max)"));
        }
        if (fixed && fixedCount < 1) {
            p.add(at + "instances(" + fixedCount + "): need at least 1");
        }
        if (scaled && (min < 0 || max < min || max < 1)) {
            p.add(at + "autoScaling(" + min + ", " + max + "): need 0 <= min <= max and max >= 1");
        } else if (scaled && min != max && policies.isEmpty()) {
            p.add(at + "an Auto Scaling group whose min and max differ needs a policy; call targetCpu(60) or policy(...)");
        }
        if (fixed && !policies.isEmpty()) {
            p.add(at + "scaling policies need autoScaling(min, max), not instances(n)");
        }
        if (arrivals == null) {
            p.add(at + "no arrivals; call poisson(new ConstantRate(40)) or arrivals(...)");
        }
        if (work == null) {
            p.add(at + "no work per request; call exponentialWork(25 * Time.MILLISECOND) or work(...)");
        }
        if (!RoutingAlgorithms.NAMES.contains(routing)) {
            p.add(at + "unknown routing '" + routing + "'; known: " + String.join(", ", RoutingAlgorithms.NAMES));
        }
        if (bootMicros < 0 || trafficFrom < 0 || shutdownMicros < 0) {
            p.add(at + "boot and trafficFrom must not be negative");
        }
        return p;
    }

    /** Whether an instance type can run on the cloud's hosts. */
    interface HostCheck {
        /** Why {@code type} cannot run on the hosts, or null if it can. */
        String misfit(InstanceType type);
    }
}
