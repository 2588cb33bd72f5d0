package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InstanceCatalogTest {

    private final InstanceCatalog catalog = InstanceCatalog.bundled();

    @Test
    void holdsTheRealCatalogue() {
        assertThat(catalog.size()).isEqualTo(1363);
        InstanceType m5large = catalog.get("m5.large");
        assertThat(m5large.vcpus()).isEqualTo(2);
        assertThat(m5large.memoryGib()).isEqualTo(8.0);
        assertThat(m5large.onDemandUsdPerHour()).isEqualTo(0.096);
        assertThat(m5large.category()).isEqualTo(InstanceCategory.GENERAL_PURPOSE);
        assertThat(catalog.get("t3.micro").onDemandUsdPerHour()).isEqualTo(0.0104);
        assertThat(catalog.get("t3.micro").isBurstable()).isTrue();
        assertThat(catalog.all().stream().filter(InstanceType::isPriced).count()).isEqualTo(1345);
    }

    @Test
    void hostShapeIsTheMetalSize() {
        InstanceType host = catalog.hostShapeOf("m5");
        assertThat(host.name()).isEqualTo("m5.metal");
        assertThat(host.vcpus()).isEqualTo(96);
        assertThat(host.memoryGib()).isEqualTo(384.0);
    }

    @Test
    void unknownTypeSuggestsCloseNames() {
        assertThatThrownBy(() -> catalog.get("m5.larg"))
                .hasMessageContaining("unknown instance type 'm5.larg'")
                .hasMessageContaining("m5.large");
    }

    @Test
    void badCatalogueNamesTheLine() {
        String csv = "instance_type,family,category,generation,size,vcpu,memory_gib,instance_storage_nvme_gib,"
                + "network_bandwidth_mbps,ebs_bandwidth_mbps,gpu_count,gpu_name,gpu_memory_mib,accelerator_count,"
                + "accelerator_name,cpu_manufacturer,sustained_clock_mhz,hypervisor,arch,"
                + "on_demand_usd_per_hour_us_east_1\nm5.large,m5,m,5,large,2,8.0\n";
        assertThatThrownBy(() -> InstanceCatalog.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "bad.csv"))
                .hasMessageContaining("bad.csv:2")
                .hasMessageContaining("20 columns");
    }
}
