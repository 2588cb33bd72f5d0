package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.network.Cidr;
import io.stratus.network.InboundRule;
import io.stratus.network.Protocol;
import io.stratus.network.RuleSource;
import io.stratus.network.SecurityGroup;
import io.stratus.util.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code network.security-groups}: each group's inbound allow rules, each a protocol
 * ({@code tcp} by default, {@code udp}, {@code icmp} or {@code all}), a port or port range
 * ({@code 80}, {@code 8000-8100}; none for icmp and all) and a source, {@code from}: an address
 * block ({@code 0.0.0.0/0}) or the name of a security group of the scenario.
 */
final class SecurityGroupSection {

    static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp", "all");

    private SecurityGroupSection() {
    }

    static List<SecurityGroup> read(ConfigNode network) {
        ConfigNode node = network.child("security-groups", false);
        Map<String, ConfigNode> groups = node.children();
        List<String> names = new ArrayList<>(groups.keySet());
        List<SecurityGroup> out = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : groups.entrySet()) {
            ConfigNode g = e.getValue();
            g.allowOnly("inbound");
            JsonNode list = g.raw("inbound");
            List<InboundRule> rules = new ArrayList<>();
            if (list != null && !list.isArray()) {
                g.problem("inbound", "give a list of rules such as [{ port: 80, from: alb }]");
            } else if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    InboundRule r = rule(g, list.get(i), g.pointerOf("inbound").appendIndex(i), names);
                    if (r != null) {
                        rules.add(r);
                    }
                }
            }
            out.add(new SecurityGroup(e.getKey(), rules));
        }
        return out;
    }

    private static InboundRule rule(ConfigNode parent, JsonNode item, JsonPointer at, List<String> groups) {
        ConfigNode r = parent.nodeAt(item, at);
        if (!r.isMapping()) {
            parent.problemAt(at, "a rule is a mapping such as { port: 80, from: alb }");
            return null;
        }
        r.allowOnly("protocol", "port", "from");
        String protocolName = r.oneOf("protocol", "tcp", PROTOCOLS);
        Protocol protocol = protocolName.equals("all") ? Protocol.ALL : Protocol.valueOf(protocolName.toUpperCase(java.util.Locale.ROOT));
        String from = r.string("from", null, true);
        int[] ports = {0, 65_535};
        boolean portless = protocol == Protocol.ALL || protocol == Protocol.ICMP;
        if (r.has("port") && portless) {
            r.problem("port", "a " + protocolName + " rule has no port; leave port out");
        } else if (!portless) {
            ports = ports(r, r.string("port", null, true));
        }
        RuleSource source = from == null ? null : source(r, from, groups);
        if (ports == null || source == null) {
            return null;
        }
        return new InboundRule(protocol, ports[0], ports[1], source);
    }

    private static int[] ports(ConfigNode r, String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("-", -1);
        try {
            int lo = Integer.parseInt(parts[0].trim());
            int hi = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : lo;
            if (parts.length <= 2 && lo >= 0 && hi <= 65_535 && lo <= hi) {
                return new int[] {lo, hi};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        r.problem("port", "'" + text + "' is not a port; give a port from 0 to 65535 or a range such as 8000-8100");
        return null;
    }

    private static RuleSource source(ConfigNode r, String from, List<String> groups) {
        if (from.indexOf('/') >= 0) {
            try {
                return new RuleSource.Block(Cidr.parse(from));
            } catch (IllegalArgumentException e) {
                r.problem("from", e.getMessage() + "; give an address block such as 0.0.0.0/0 or a security group");
                return null;
            }
        }
        if (!groups.contains(from)) {
            String hint = Suggestions.closest(from, groups);
            r.problem("from", "no security group is named '" + from + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?")
                    + " (known: " + String.join(", ", groups) + "; or an address block such as 10.0.0.0/16)");
            return null;
        }
        return new RuleSource.Group(from);
    }
}
