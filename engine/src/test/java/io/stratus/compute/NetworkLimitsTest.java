package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkLimitsTest {

    private final NetworkLimits limits = NetworkLimits.bundled();
    private final InstanceCatalog catalog = InstanceCatalog.bundled();

    @Test
    void everyBundledEniSplitGivesTheBundledMaxPods() {
        // oracle: the EKS formula ENIs x (IPv4 per ENI - 1) + 2 against Karpenter's independent figure
        assertThat(limits.typesWithEniSplit()).hasSizeGreaterThan(50);
        for (String type : limits.typesWithEniSplit()) {
            int enis = limits.enis(type).orElseThrow();
            int ips = limits.ipv4PerEni(type).orElseThrow();
            assertThat(limits.maxPods(type)).as(type).hasValue(enis * (ips - 1) + 2);
        }
    }

    @Test
    void maxPodsOfCommonTypesAreTheEksFigures() {
        assertThat(limits.maxPods("m5.large")).hasValue(29);   // 3 ENIs x 9 + 2
        assertThat(limits.maxPods("t3.micro")).hasValue(4);    // 2 x 1 + 2
        assertThat(limits.maxPods("c5.18xlarge")).hasValue(737);
        assertThat(limits.maxPods("no.such")).isEmpty();
    }

    @Test
    void prefixDelegationMultipliesSlotsBySixteenAndCapsAt110Or250() {
        // m5.large: 3 x 9 x 16 + 2 = 434, capped at 110 (2 vCPUs < 30)
        assertThat(limits.maxPodsWithPrefixes(catalog.get("m5.large"))).hasValue(110);
        // t3.micro: 2 x 1 x 16 + 2 = 34, under the cap
        assertThat(limits.maxPodsWithPrefixes(catalog.get("t3.micro"))).hasValue(34);
        // m5.24xlarge: 96 vCPUs, cap 250
        assertThat(limits.maxPodsWithPrefixes(catalog.get("m5.24xlarge"))).hasValue(250);
    }
}
