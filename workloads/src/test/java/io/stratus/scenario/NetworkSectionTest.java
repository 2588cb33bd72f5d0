package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.compute.InstanceCatalog;
import io.stratus.network.PodNetworking;
import org.junit.jupiter.api.Test;

/** The network: section: what it builds, and each problem reported at its field. */
class NetworkSectionTest {

    private static final String BASE = """
            name: vpc
            duration: 1h
            region:
              zones: [a, b]
              hosts: { family: m5, count: 1 }
            services:
              web:
                instances: 2
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 5/s } }
                  service: { cpu: 10ms }
            network:
              vpc: 10.0.0.0/16
              subnets:
                sa: { cidr: 10.0.1.0/24, zone: a }
                sb: { cidr: 10.0.2.0/24, zone: b }
              security-groups:
                alb: { inbound: [ { port: 80, from: 0.0.0.0/0 } ] }
                web: { inbound: [ { port: 8000-8100, from: alb }, { protocol: icmp, from: 10.0.0.0/16 } ] }
              roles:
                r: { allow: ["sqs:*"] }
              attach:
                web: ATTACH
            """;

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private Scenario load(String attach) throws ScenarioException {
        return loader.parse("vpc.yaml", BASE.replace("ATTACH", attach));
    }

    private String problems(String attach) {
        try {
            load(attach);
            throw new AssertionError("accepted");
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    @Test
    void buildsSubnetsGroupsRolesAndTheAttachment() throws ScenarioException {
        NetworkConfig n = load("{ subnets: [sa, sb], security-groups: [web], load-balancer-security-groups: [alb], "
                + "role: r, pods: { mode: prefix-delegation, per-node: 50, warm: 0 } }").network();
        assertThat(n.subnets()).extracting(s -> s.usable() + "@" + s.zone()).containsExactly("251@0", "251@1");
        assertThat(n.securityGroups().get(1).inbound()).hasSize(2);
        assertThat(n.role("r").orElseThrow().allows("sqs:DeleteMessage")).isTrue();
        NetworkConfig.Attachment a = n.attachment("web").orElseThrow();
        assertThat(a.pods()).isEqualTo(new PodNetworking(PodNetworking.Mode.PREFIX_DELEGATION, 50, 0));
        assertThat(a.keyPair()).isEmpty();
    }

    @Test
    void aScenarioWithoutTheSectionHasNoVpc() throws ScenarioException {
        String text = BASE.substring(0, BASE.indexOf("network:"));
        assertThat(loader.parse("plain.yaml", text).network()).isSameAs(NetworkConfig.NONE);
    }

    @Test
    void eachZoneNeedsASubnetOfTheWorkload() {
        assertThat(problems("{ subnets: [sa] }"))
                .contains("network.attach.web.subnets: 'web' launches in every zone of the region: give it a subnet in b");
        assertThat(problems("{ subnets: [] }")).contains("network.attach.web.subnets: name at least one subnet");
        assertThat(problems("{ subnets: [sa, sc] }")).contains("network.attach.web.subnets.1: no subnet is named 'sc'");
    }

    @Test
    void podsBeyondTheTypesAddressesAndUnknownNamesAreRefused() {
        assertThat(problems("{ subnets: [sa, sb], pods: { per-node: 28 } }"))
                .contains("network.attach.web.pods.per-node: 28 pods exceed what a m5.large node gives addresses to "
                        + "in secondary-ip mode (27");
        assertThat(problems("{ subnets: [sa, sb], role: nobody }")).contains("network.attach.web.role: no role is named");
        assertThat(problems("{ subnets: [sa, sb], security-groups: [db] }"))
                .contains("network.attach.web.security-groups.0: no security group is named 'db'");
    }

    @Test
    void badBlocksAndPortsAreRefused() {
        assertThatThrownBy(() -> loader.parse("vpc.yaml", BASE.replace("ATTACH", "{ subnets: [sa, sb] }")
                .replace("10.0.2.0/24", "10.0.2.0/29").replace("8000-8100", "90-80").replace("vpc: 10.0.0.0/16",
                        "vpc: 10.0.0.0/8")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("network.vpc: '10.0.0.0/8': a VPC or subnet block is /16 to /28")
                .hasMessageContaining("network.subnets.sb.cidr: '10.0.2.0/29': a VPC or subnet block is /16 to /28")
                .hasMessageContaining("network.security-groups.web.inbound.0.port: '90-80' is not a port");
    }
}
