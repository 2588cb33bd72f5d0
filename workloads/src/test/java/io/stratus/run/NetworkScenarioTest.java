package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Scenarios with a VPC: address accounting worked by hand, and each misconfiguration with its fix. */
class NetworkScenarioTest {

    private static final String TINY = """
            name: tiny-vpc
            seed: 1
            duration: 1h
            region:
              zones: [a]
              hosts: { family: m5, count: 1 }
            services:
              web:
                instances: 4
                launch: { type: m5.large }
                requests:
                  arrival: { poisson: { rate: 5/s } }
                  service: { cpu: 10ms }
            network:
              vpc: 10.0.0.0/16
              subnets:
                small: { cidr: 10.0.0.0/27, zone: a }
              attach:
                web: { subnets: [small]PODS }
            """;

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private RunResult run(String name, String text) throws Exception {
        return new ScenarioRunner().run(loader.parse(name, text), (a, b, c) -> { }).result();
    }

    @Test
    void aSlash27HoldsOneNodeOfNinePodsAndRefusesTheOtherThree() throws Exception {
        // /27: 32 - 5 reserved = 27 usable; the balancer's node takes 1; an m5.large node with 9 pods
        // attaches 1 ENI for them + 1 warm = 2 x 10 addresses: the first takes 20 (6 left), the
        // other three need 20 each and are refused
        RunResult r = run("tiny.yaml", TINY.replace("PODS", ", pods: { per-node: 9 }"));
        NetworkResult.SubnetUse small = r.network().subnets().get(0);
        assertThat(small.usable()).isEqualTo(27);
        assertThat(small.peak()).isEqualTo(21);
        assertThat(small.takenEnd()).isEqualTo(21);
        assertThat(r.services().get(0).peakRunning()).isEqualTo(1);
        assertThat(r.network().findings()).singleElement().asString()
                .startsWith("web: 3 launch attempts were refused with InsufficientFreeAddressesInSubnet")
                .contains("one m5.large node needs 20 addresses; subnet small (10.0.0.0/27, 27 usable) has 6 free");
    }

    @Test
    void plainInstancesTakeOneAddressEach() throws Exception {
        RunResult r = run("tiny.yaml", TINY.replace("PODS", ""));
        assertThat(r.network().subnets().get(0).peak()).isEqualTo(5); // 4 instances + the balancer's node
        assertThat(r.network().findings()).isEmpty();
        assertThat(r.services().get(0).peakRunning()).isEqualTo(4);
    }

    @Test
    void eachMisconfigurationIsDiagnosedAndItsOneLineFixClearsIt() throws Exception {
        String text = Files.readString(Path.of("scenarios", "misconfigured.yaml"), StandardCharsets.UTF_8);
        RunResult broken = run("misconfigured.yaml", text);
        assertThat(broken.network().findings()).hasSize(3);
        assertThat(broken.network().findings().get(0)).startsWith("shop: its security groups (shop-sg) admit no TCP 80")
                .contains("{ port: 80, from: alb }");
        assertThat(broken.network().findings().get(1)).startsWith("admin: 1 launch was refused with "
                + "InvalidKeyPair.NotFound");
        assertThat(broken.network().findings().get(2)).startsWith("orders: its workers have no IAM role");
        ServiceResult shop = broken.services().get(0);
        assertThat(shop.completed()).isZero();
        assertThat(shop.refused()).isEqualTo(shop.requests());
        assertThat(broken.services().get(1).peakRunning()).isZero();
        QueueResult orders = broken.queues().get(0);
        assertThat(orders.deleted()).isZero();
        assertThat(orders.waitingAtEnd()).isEqualTo(orders.sent());

        String fixed = text.replace("shop-sg: { inbound: [ { port: 80, from: 198.51.100.0/24 }",
                        "shop-sg: { inbound: [ { port: 80, from: alb }")
                .replace("key-pair: ops-2025", "key-pair: ops")
                .replace("orders: { subnets: [private-a, private-b] }",
                        "orders: { subnets: [private-a, private-b], role: order-worker }");
        RunResult ok = run("misconfigured.yaml", fixed);
        assertThat(ok.network().findings()).isEmpty();
        assertThat(ok.services().get(0).completed()).isGreaterThan(ok.services().get(0).requests() * 99 / 100);
        assertThat(ok.services().get(1).peakRunning()).isEqualTo(1);
        assertThat(ok.queues().get(0).deleted()).isGreaterThan(ok.queues().get(0).sent() * 99 / 100);
    }
}
