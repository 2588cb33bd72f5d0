package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.StopStartSchedule;
import io.stratus.lb.HealthCheckSettings;
import java.util.Objects;

/**
 * A web service: a fixed fleet of identical instances behind a load balancer, and the requests
 * that reach it.
 *
 * @param name             the service's name in the file
 * @param instances        a fixed fleet: instances launched at time 0, spread over the zones in turn (0 with
 *                         auto scaling)
 * @param launch           what each instance is (type, image, tenant, tenancy), for any zone
 * @param balancer         the routing algorithm's name
 * @param arrivals         how requests arrive
 * @param meanWorkMicros   mean CPU work of a request, microseconds of one vCPU
 * @param workDistribution {@code fixed} or {@code exponential}, or {@code azure-functions-durations}
 *                         when {@code traceDemand} gives the work (then {@code meanWorkMicros} is its mean)
 * @param cache            when the service is a cache: its model; null otherwise
 * @param autoScaling      the Auto Scaling group instead of a fixed fleet, or null
 * @param healthChecks     the load balancer's target health checks
 * @param io               the I/O stage of each request after its CPU work, or null for none
 * @param traceDemand      work drawn from real function durations instead of {@code workDistribution},
 *                         or null
 * @param schedule         office hours of a fixed fleet: when its instances run (stopped otherwise), or
 *                         null to run them always
 * @param purchase         the service's on-demand / spot split ({@code purchase:}), applied by its group
 *                         or fixed fleet to its own live instances; a compare strategy replaces it
 * @param maxInFlight      most requests in progress on one instance's CPUs (and, per routable instance,
 *                         beyond them in I/O or at the cache's backend); a request beyond is refused as
 *                         overloaded, so an overloaded run keeps bounded memory
 * @param traffic          what it is billed for beyond instance time (load balancer traffic, addresses,
 *                         outbound bytes, monitoring, snapshots)
 * @param fargate          when the service is an ECS service on AWS Fargate: its task size (then its
 *                         "instances" are its tasks and its bill is Fargate's); null for EC2 instances
 */
public record ServiceConfig(String name, int instances, LaunchSpec launch, String balancer, ArrivalSpec arrivals, long meanWorkMicros, String workDistribution,
                            CacheConfig cache, AutoScalingConfig autoScaling, HealthCheckSettings healthChecks,
                            IoConfig io, FunctionDemandSpec traceDemand, StopStartSchedule schedule,
                            InstancesDistribution purchase, int maxInFlight, ServiceTraffic traffic,
                            FargateSpec fargate) {

    /** A service on EC2 instances. */
    public ServiceConfig(String name, int instances, LaunchSpec launch, String balancer, ArrivalSpec arrivals,
                         long meanWorkMicros, String workDistribution, CacheConfig cache, AutoScalingConfig autoScaling,
                         HealthCheckSettings healthChecks, IoConfig io, FunctionDemandSpec traceDemand,
                         StopStartSchedule schedule, InstancesDistribution purchase, int maxInFlight,
                         ServiceTraffic traffic) {
        this(name, instances, launch, balancer, arrivals, meanWorkMicros, workDistribution, cache, autoScaling,
                healthChecks, io, traceDemand, schedule, purchase, maxInFlight, traffic, null);
    }

    /** A service with the format's default traffic ({@link ServiceTraffic#DEFAULT}). */
    public ServiceConfig(String name, int instances, LaunchSpec launch, String balancer, ArrivalSpec arrivals,
                         long meanWorkMicros, String workDistribution, CacheConfig cache, AutoScalingConfig autoScaling,
                         HealthCheckSettings healthChecks, IoConfig io, FunctionDemandSpec traceDemand,
                         StopStartSchedule schedule, InstancesDistribution purchase, int maxInFlight) {
        this(name, instances, launch, balancer, arrivals, meanWorkMicros, workDistribution, cache, autoScaling,
                healthChecks, io, traceDemand, schedule, purchase, maxInFlight, ServiceTraffic.DEFAULT);
    }

    public ServiceConfig {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(balancer, "balancer");
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(workDistribution, "workDistribution");
        Objects.requireNonNull(healthChecks, "healthChecks");
        Objects.requireNonNull(purchase, "purchase");
    }

    /** The instance type. */
    public InstanceType type() {
        return launch.type();
    }
}
