package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.NetworkLimits;
import io.stratus.lb.TargetGroup;
import io.stratus.lb.TrafficFilter;
import io.stratus.messaging.MessageQueue;
import io.stratus.messaging.QueueWorkers;
import io.stratus.network.Connection;
import io.stratus.network.NetworkAccess;
import io.stratus.network.Protocol;
import io.stratus.network.SubnetAddresses;
import io.stratus.network.VpcAddressing;
import io.stratus.scenario.NetworkConfig;
import io.stratus.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario's VPC during a run: installs the address accounting and launch checks
 * ({@link VpcAddressing}) on the fleet, filters each attached service's load-balancer traffic
 * (requests and health checks alike) through its instances' security groups, gives each attached
 * queue's workers what their role allows, and at the end says what went wrong in words
 * ({@link NetworkDiagnosis}).
 *
 * <p>Every instance of a workload shares its security groups, so whether the balancer reaches a
 * target on the target port is decided once per service, and the filter allocates nothing per
 * request. The balancer's source address is its node's, the first usable address of the service's
 * first subnet.
 */
final class NetworkRun {

    /** SQS actions a queue worker needs. */
    static final String RECEIVE = "sqs:ReceiveMessage";
    static final String DELETE = "sqs:DeleteMessage";

    private final NetworkConfig config;
    private final List<String> zones;
    private final VpcAddressing vpc;
    private final NetworkAccess access = new NetworkAccess();
    private final Map<String, TargetGroup> targetGroups = new LinkedHashMap<>();
    private final Map<String, Boolean> balancerReaches = new LinkedHashMap<>();
    private final Map<String, QueueWorkers> workers = new LinkedHashMap<>();
    private final Map<String, MessageQueue> queues = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    private NetworkRun(Scenario scenario, Fleet fleet) {
        this.config = scenario.network();
        this.zones = scenario.region().zones();
        this.vpc = new VpcAddressing(new SubnetAddresses(config.subnets()), NetworkLimits.bundled(),
                Set.copyOf(config.keyPairs()));
        config.securityGroups().forEach(access::addGroup);
        Set<String> services = new HashSet<>(scenario.services().stream().map(s -> s.name()).toList());
        Set<String> queues = new HashSet<>(scenario.queues().stream().map(q -> q.name()).toList());
        config.attachments().forEach((name, a) -> {
            if (services.contains(name) || queues.contains(name)) {
                tags.put(name, tag(name, services));
                vpc.attach(new VpcAddressing.Attachment(tags.get(name), a.subnets().stream()
                        .map(config::subnetIndex).toList(), a.pods(), a.keyPair()));
            }
        });
        fleet.setLaunchAdmission(vpc);
        fleet.addLaunchListener(vpc);
        fleet.addListener(vpc);
    }

    /** The run's VPC, or null when the scenario has none (nothing is installed then). */
    static NetworkRun attach(Scenario scenario, Fleet fleet) {
        return scenario.network().present() ? new NetworkRun(scenario, fleet) : null;
    }

    private static String tag(String name, Set<String> services) {
        return (services.contains(name) ? "service/" : "queue/") + name;
    }

    /**
     * Wires a service's balancer into the VPC: one address per zone for its nodes, and its target
     * group's traffic filtered by the instances' security groups.
     */
    void service(String name, TargetGroup targetGroup) {
        NetworkConfig.Attachment a = config.attachments().get(name);
        if (a == null) {
            return;
        }
        for (int z = 0; z < zones.size(); z++) {
            vpc.reserve("service/" + name, z, 1);
        }
        if (a.securityGroups().isEmpty()) {
            return;
        }
        int lbAddress = config.subnets().get(config.subnetIndex(a.subnets().get(0))).cidr().network() + 4;
        boolean reaches = access.accepts(a.securityGroups(), new Connection(Protocol.TCP, targetGroup.port(),
                lbAddress, Set.copyOf(a.balancerGroups())));
        targetGroups.put(name, targetGroup);
        balancerReaches.put(name, reaches);
        targetGroup.setTrafficFilter(reaches ? TrafficFilter.ALLOW_ALL : (instance, port) -> false);
    }

    /** Gives a queue's workers what their role allows (nothing without a role). */
    void queue(String name, QueueWorkers queueWorkers, MessageQueue queue) {
        NetworkConfig.Attachment a = config.attachments().get(name);
        if (a == null) {
            return;
        }
        boolean receive = config.role(a.role()).map(r -> r.allows(RECEIVE)).orElse(false);
        boolean delete = config.role(a.role()).map(r -> r.allows(DELETE)).orElse(false);
        queueWorkers.setAccess(receive, delete);
        workers.put(name, queueWorkers);
        queues.put(name, queue);
    }

    /** What happened, after the run: subnet use and findings. */
    NetworkResult result(long end) {
        List<NetworkResult.SubnetUse> use = new ArrayList<>();
        SubnetAddresses addresses = vpc.addresses();
        for (int s = 0; s < config.subnets().size(); s++) {
            var subnet = config.subnets().get(s);
            use.add(new NetworkResult.SubnetUse(subnet.name(), subnet.cidr().toString(), zones.get(subnet.zone()),
                    subnet.usable(), addresses.peak(s), addresses.taken(s)));
        }
        NetworkDiagnosis d = new NetworkDiagnosis(config);
        List<String> findings = new ArrayList<>();
        config.attachments().forEach((name, a) -> {
            String tag = tags.get(name);
            if (tag != null) {
                findings.addAll(d.refusals(name, vpc.refusals(tag)));
            }
            if (Boolean.FALSE.equals(balancerReaches.get(name))) {
                findings.add(d.blockedHealthChecks(name, a, targetGroups.get(name)));
            }
            QueueWorkers w = workers.get(name);
            if (w != null && w.accessDenied() > 0) {
                findings.add(d.deniedQueue(name, a, w, queues.get(name)));
            }
        });
        return new NetworkResult(use, findings);
    }
}
