package io.stratus.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.NetworkLimits;
import io.stratus.network.PodNetworking.Mode;
import org.junit.jupiter.api.Test;

/** Addresses per node, worked by hand from m5.large's 3 ENIs of 10 addresses and m5.xlarge's 4 of 15. */
class PodNetworkingTest {

    private final NetworkLimits limits = NetworkLimits.bundled();
    private final InstanceType m5large = InstanceCatalog.bundled().get("m5.large");
    private final InstanceType m5xlarge = InstanceCatalog.bundled().get("m5.xlarge");

    @Test
    void aPlainInstanceTakesOneAddress() {
        assertThat(PodNetworking.NONE.addresses(m5large, limits)).isEqualTo(1);
    }

    @Test
    void secondaryIpModeAttachesWholeEnisPlusTheWarmOne() {
        // 9 pods fit one ENI's 9 secondary slots; the warm ENI makes 2 x 10
        assertThat(new PodNetworking(Mode.SECONDARY_IP, 9, 1).addresses(m5large, limits)).isEqualTo(20);
        // 10 pods need 2 ENIs, + 1 warm = 3 (the type's most): 30
        assertThat(new PodNetworking(Mode.SECONDARY_IP, 10, 1).addresses(m5large, limits)).isEqualTo(30);
        // 27 pods need 3 ENIs; the warm one cannot attach: still 30
        assertThat(new PodNetworking(Mode.SECONDARY_IP, 27, 1).addresses(m5large, limits)).isEqualTo(30);
        // no warm pool: ceil(10 / 9) = 2 ENIs
        assertThat(new PodNetworking(Mode.SECONDARY_IP, 10, 0).addresses(m5large, limits)).isEqualTo(20);
        // m5.xlarge, 20 pods: ceil(20 / 14) = 2 ENIs + 1 warm = 3 x 15
        assertThat(new PodNetworking(Mode.SECONDARY_IP, 20, 1).addresses(m5xlarge, limits)).isEqualTo(45);
    }

    @Test
    void prefixDelegationTakesSixteenPerPrefixPlusEniPrimaries() {
        // 20 pods: ceil(20 / 16) = 2 prefixes + 1 warm = 3 on one ENI: 1 + 48
        assertThat(new PodNetworking(Mode.PREFIX_DELEGATION, 20, 1).addresses(m5large, limits)).isEqualTo(49);
        // 110 pods: 7 prefixes + 1 = 8 on one ENI (9 slots): 1 + 128
        assertThat(new PodNetworking(Mode.PREFIX_DELEGATION, 110, 1).addresses(m5large, limits)).isEqualTo(129);
        // 150 pods: 10 + 1 = 11 prefixes need 2 ENIs: 2 + 176
        assertThat(new PodNetworking(Mode.PREFIX_DELEGATION, 150, 1).addresses(m5large, limits)).isEqualTo(178);
    }

    @Test
    void podCapacityIsMaxPodsLessTheTwoHostNetworkPods() {
        assertThat(PodNetworking.podCapacity(Mode.SECONDARY_IP, m5large, limits)).isEqualTo(27);
        assertThat(PodNetworking.podCapacity(Mode.PREFIX_DELEGATION, m5large, limits)).isEqualTo(108);
        assertThat(PodNetworking.podCapacity(Mode.SECONDARY_IP, InstanceCatalog.bundled().get("a1.large"), limits))
                .as("no ENI split bundled").isEqualTo(-1);
    }
}
