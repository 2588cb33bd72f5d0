package io.stratus.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkAccessTest {

    private final NetworkAccess access = new NetworkAccess();

    NetworkAccessTest() {
        access.addGroup(new SecurityGroup("lb-sg", List.of(InboundRule.tcp(443, "0.0.0.0/0"))));
        access.addGroup(new SecurityGroup("web-sg", List.of(
                InboundRule.tcpFromGroup(80, "lb-sg"),
                InboundRule.tcp(22, "203.0.113.0/24"))));
        access.addGroup(new SecurityGroup("ping", List.of(
                new InboundRule(Protocol.ICMP, 0, 0, new RuleSource.Block(Cidr.ANYWHERE)))));
        access.addKeyPair(new KeyPair("ops"));
    }

    @Test
    void webInstancesAcceptOnlyTheLoadBalancerOnPort80() {
        List<String> web = List.of("web-sg");
        assertThat(access.accepts(web, Connection.tcpFromGroups(80, "10.0.0.5", Set.of("lb-sg")))).isTrue();
        assertThat(access.accepts(web, Connection.tcp(80, "198.51.100.7"))).isFalse();
        assertThat(access.accepts(web, Connection.tcpFromGroups(8080, "10.0.0.5", Set.of("lb-sg")))).isFalse();
        assertThat(access.accepts(List.of("lb-sg"), Connection.tcp(443, "198.51.100.7"))).isTrue();
    }

    @Test
    void rulesOfSeveralGroupsAddUp() {
        Connection ping = new Connection(Protocol.ICMP, 0, Ipv4.parse("192.0.2.1"), Set.of());
        assertThat(access.accepts(List.of("web-sg"), ping)).isFalse();
        assertThat(access.accepts(List.of("web-sg", "ping"), ping)).isTrue();
        assertThat(access.accepts(List.of(), ping)).isFalse();
    }

    @Test
    void sshNeedsAnOpenPortAndTheLaunchKeyPair() {
        List<String> web = List.of("web-sg");
        Connection fromOffice = Connection.tcp(22, "203.0.113.9");
        assertThat(access.ssh(web, "ops", fromOffice, "ops")).isEqualTo(SshDecision.ALLOWED);
        assertThat(access.ssh(web, "ops", fromOffice, "dev")).isEqualTo(SshDecision.WRONG_KEY);
        assertThat(access.ssh(web, "", fromOffice, "ops")).isEqualTo(SshDecision.NO_KEY_ON_INSTANCE);
        assertThat(access.ssh(web, "ops", Connection.tcp(22, "198.51.100.7"), "ops"))
                .isEqualTo(SshDecision.BLOCKED_BY_SECURITY_GROUP);
    }

    @Test
    void cidrsMatchByPrefix() {
        Cidr block = Cidr.parse("10.1.0.0/16");
        assertThat(block.contains(Ipv4.parse("10.1.255.3"))).isTrue();
        assertThat(block.contains(Ipv4.parse("10.2.0.1"))).isFalse();
        assertThat(Cidr.ANYWHERE.contains(Ipv4.parse("255.255.255.255"))).isTrue();
        assertThat(Cidr.parse("192.0.2.7/32").toString()).isEqualTo("192.0.2.7/32");
        assertThatThrownBy(() -> Cidr.parse("10.1.0.1/16")).hasMessageContaining("host bits");
        assertThatThrownBy(() -> access.accepts(List.of("nope"), Connection.tcp(1, "1.2.3.4")))
                .hasMessageContaining("unknown security group 'nope'");
    }
}
