package io.stratus.scenario;

import io.stratus.compute.InstanceType;
import io.stratus.compute.NetworkLimits;
import io.stratus.network.Cidr;
import io.stratus.network.IamRole;
import io.stratus.network.PodNetworking;
import io.stratus.network.SecurityGroup;
import io.stratus.network.Subnet;
import io.stratus.util.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code network:}: the VPC block, its subnets (each inside the VPC, none overlapping
 * another, each in a zone of the region), key pairs, security groups
 * ({@link SecurityGroupSection}), IAM roles and each workload's attachment. Absent: {@link NetworkConfig#NONE}.
 */
final class NetworkSection {

    static final List<String> POD_MODES = List.of("secondary-ip", "prefix-delegation");

    private NetworkSection() {
    }

    /** The section, for the scenario's services and queues (the workloads a VPC may attach). */
    static NetworkConfig read(ConfigNode root, RegionConfig region, List<ServiceConfig> services,
                              List<QueueConfig> queues) {
        Map<String, List<InstanceType>> types = new LinkedHashMap<>();
        services.forEach(s -> types.put(s.name(), launchedTypes(s)));
        queues.forEach(q -> types.put(q.name(), List.of(q.type())));
        Set<String> queueNames = new HashSet<>(queues.stream().map(QueueConfig::name).toList());
        if (!root.has("network")) {
            root.child("network", false);
            return NetworkConfig.NONE;
        }
        ConfigNode node = root.child("network", false);
        if (region == null) {
            root.problem("network", "a VPC needs the region's zones: add region:");
            return NetworkConfig.NONE;
        }
        node.allowOnly("vpc", "subnets", "key-pairs", "security-groups", "roles", "attach");
        Cidr vpc = cidr(node, "vpc", node.string("vpc", null, true));
        List<String> zones = region.zones();
        List<Subnet> subnets = subnets(node, vpc, zones);
        List<String> keyPairs = node.strings("key-pairs", false);
        List<SecurityGroup> groups = SecurityGroupSection.read(node);
        List<IamRole> roles = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : node.child("roles", false).children().entrySet()) {
            e.getValue().allowOnly("allow");
            roles.add(new IamRole(e.getKey(), new HashSet<>(e.getValue().strings("allow", true))));
        }
        Map<String, NetworkConfig.Attachment> attachments = new LinkedHashMap<>();
        Context c = new Context(subnets, zones, groups.stream().map(SecurityGroup::name).toList(),
                roles.stream().map(IamRole::name).toList(), types, queueNames);
        for (Map.Entry<String, ConfigNode> e : node.child("attach", false).children().entrySet()) {
            NetworkConfig.Attachment a = attachment(e.getKey(), e.getValue(), node, c);
            if (a != null) {
                attachments.put(e.getKey(), a);
            }
        }
        return vpc == null ? NetworkConfig.NONE : new NetworkConfig(vpc, subnets, keyPairs, groups, roles, attachments);
    }

    private record Context(List<Subnet> subnets, List<String> zones, List<String> groups, List<String> roles,
                           Map<String, List<InstanceType>> types, Set<String> queues) {
    }

    /** The types a service may launch: its own and its mixed instances policy's. */
    private static List<InstanceType> launchedTypes(ServiceConfig s) {
        List<InstanceType> out = new ArrayList<>(List.of(s.type()));
        if (s.autoScaling() != null && s.autoScaling().mixedInstances() != null) {
            s.autoScaling().mixedInstances().types().stream().filter(t -> !out.contains(t)).forEach(out::add);
        }
        return out;
    }

    private static Cidr cidr(ConfigNode node, String key, String text) {
        if (text == null) {
            return null;
        }
        try {
            Cidr c = Cidr.parse(text);
            if (c.prefix() < Subnet.MIN_PREFIX || c.prefix() > Subnet.MAX_PREFIX) {
                node.problem(key, "'" + text + "': a VPC or subnet block is /16 to /28");
                return null;
            }
            return c;
        } catch (IllegalArgumentException e) {
            node.problem(key, e.getMessage() + "; give an address block such as 10.0.0.0/16");
            return null;
        }
    }

    private static List<Subnet> subnets(ConfigNode node, Cidr vpc, List<String> zones) {
        List<Subnet> out = new ArrayList<>();
        ConfigNode all = node.child("subnets", true);
        for (Map.Entry<String, ConfigNode> e : all.children().entrySet()) {
            ConfigNode s = e.getValue();
            s.allowOnly("cidr", "zone");
            Cidr block = cidr(s, "cidr", s.string("cidr", null, true));
            String zone = s.string("zone", null, true);
            if (zone != null && !zones.contains(zone)) {
                s.problem("zone", "'" + zone + "' is not a zone of the region; allowed: " + String.join(", ", zones));
                zone = null;
            }
            if (block == null || zone == null) {
                continue;
            }
            if (vpc != null && !vpc.contains(block)) {
                s.problem("cidr", block + " is outside the VPC's block " + vpc + "; a subnet's block lies inside it");
                continue;
            }
            Subnet overlapped = out.stream().filter(o -> o.cidr().overlaps(block)).findFirst().orElse(null);
            if (overlapped != null) {
                s.problem("cidr", block + " overlaps subnet " + overlapped.name() + " (" + overlapped.cidr()
                        + "); subnets of a VPC may not share addresses");
                continue;
            }
            out.add(new Subnet(e.getKey(), block, zones.indexOf(zone)));
        }
        if (all.isMapping() && all.children().isEmpty()) {
            node.problem("subnets", "a VPC needs at least one subnet");
        }
        return out;
    }

    private static NetworkConfig.Attachment attachment(String name, ConfigNode a, ConfigNode node, Context c) {
        a.allowOnly("subnets", "security-groups", "load-balancer-security-groups", "key-pair", "role", "pods");
        if (!c.types().containsKey(name)) {
            String hint = Suggestions.closest(name, new ArrayList<>(c.types().keySet()));
            node.child("attach", false).problem(name, "no service or queue is named '" + name + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?"));
            return null;
        }
        List<String> given = a.strings("subnets", true);
        if (given.isEmpty() && a.has("subnets")) {
            a.problem("subnets", "name at least one subnet, one in every zone of the region");
        }
        List<String> subnets = names(a, "subnets", given, c.subnets().stream().map(Subnet::name).toList(), "subnet");
        Set<Integer> zonesCovered = new HashSet<>();
        c.subnets().stream().filter(s -> subnets.contains(s.name())).forEach(s -> zonesCovered.add(s.zone()));
        for (int z = 0; z < c.zones().size(); z++) {
            if (!subnets.isEmpty() && !zonesCovered.contains(z)) {
                a.problem("subnets", "'" + name + "' launches in every zone of the region: give it a subnet in "
                        + c.zones().get(z));
            }
        }
        List<String> groups = names(a, "security-groups", a.strings("security-groups", false), c.groups(),
                "security group");
        List<String> lbGroups = names(a, "load-balancer-security-groups",
                a.strings("load-balancer-security-groups", false), c.groups(), "security group");
        String keyPair = a.string("key-pair", "", false);
        String role = a.string("role", "", false);
        if (!role.isEmpty() && !c.roles().contains(role)) {
            a.problem("role", "no role is named '" + role + "' (known: " + String.join(", ", c.roles()) + ")");
        }
        PodNetworking pods = pods(a, c.types().get(name), c.queues().contains(name));
        return new NetworkConfig.Attachment(subnets, groups, lbGroups, keyPair, role, pods);
    }

    private static List<String> names(ConfigNode a, String key, List<String> given, List<String> known, String what) {
        for (int i = 0; i < given.size(); i++) {
            if (!known.contains(given.get(i))) {
                String hint = Suggestions.closest(given.get(i), known);
                a.problemAt(a.pointerOf(key).appendIndex(i), "no " + what + " is named '" + given.get(i) + "'"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + " (known: " + String.join(", ", known) + ")");
            }
        }
        return given.stream().filter(known::contains).toList();
    }

    private static PodNetworking pods(ConfigNode a, List<InstanceType> types, boolean queue) {
        if (!a.has("pods")) {
            a.child("pods", false).allowOnly("mode", "per-node", "warm");
            return PodNetworking.NONE;
        }
        ConfigNode p = a.child("pods", false);
        p.allowOnly("mode", "per-node", "warm");
        String mode = p.oneOf("mode", "secondary-ip", POD_MODES);
        PodNetworking.Mode m = mode.equals("prefix-delegation") ? PodNetworking.Mode.PREFIX_DELEGATION
                : PodNetworking.Mode.SECONDARY_IP;
        long perNode = p.integer("per-node", 1, 1, 10_000, true);
        long warm = p.integer("warm", 1, 0, 16, false);
        if (queue) {
            a.problem("pods", "queue workers run no pods; pods: is for a service's EKS nodes");
            return PodNetworking.NONE;
        }
        int least = Integer.MAX_VALUE;
        for (InstanceType type : types) {
            int capacity = PodNetworking.podCapacity(m, type, NetworkLimits.bundled());
            if (capacity < 0) {
                a.problem("pods", type.name() + " has no ENI limits bundled; types with them: "
                        + String.join(", ", NetworkLimits.bundled().typesWithEniSplit()));
                return PodNetworking.NONE;
            }
            if (perNode > capacity) {
                p.problem("per-node", perNode + " pods exceed what a " + type.name() + " node gives addresses to in "
                        + mode + " mode (" + capacity + ": max pods less the 2 host-network pods)");
            }
            least = Math.min(least, capacity);
        }
        return new PodNetworking(m, (int) Math.min(perNode, least), (int) warm);
    }
}
