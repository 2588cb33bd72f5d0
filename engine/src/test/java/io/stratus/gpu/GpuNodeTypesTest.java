package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import org.junit.jupiter.api.Test;

/** The catalogue type chosen for trace nodes, worked by hand from the bundled catalogue. */
class GpuNodeTypesTest {

    static final InstanceCatalog CATALOG = InstanceCatalog.bundled();
    final GpuNodeTypes types = new GpuNodeTypes(CATALOG);

    private String closest(int cpuMilli, long memoryMib, int gpus, String model) {
        return types.closest(new GpuNode("n", cpuMilli, memoryMib, gpus, model)).name();
    }

    @Test
    void theCatalogueCarriesGpuModelAndMemory() {
        InstanceType p4d = CATALOG.get("p4d.24xlarge");
        assertThat(p4d.gpus()).isEqualTo(8);
        assertThat(p4d.gpuModel()).isEqualTo("a100");
        assertThat(p4d.gpuMemoryMib()).isEqualTo(40_960);
        assertThat(CATALOG.get("m5.large").gpuModel()).isEmpty();
    }

    @Test
    void theCheapestTypeOfTheSameModelThatCoversTheNode() {
        // t4 exactly: g4dn.xlarge (4 vCPUs, 16 GiB, 1 GPU, $0.526) covers; t4g (g5g) is another model
        assertThat(closest(4000, 16_384, 1, "T4")).isEqualTo("g4dn.xlarge");
        // 16 cores, 60,000 MiB: g5.4xlarge (16, 64 GiB, $1.624); g5.2xlarge has 8 vCPUs
        assertThat(closest(16_000, 60_000, 1, "A10")).isEqualTo("g5.4xlarge");
    }

    @Test
    void aModelNamePrefixMatches() {
        // V100M16 is a v100: the catalogue's only v100 type
        assertThat(closest(8000, 32_768, 1, "V100M16")).isEqualTo("p3dn.24xlarge");
    }

    @Test
    void withoutACoveringTypeTheLargestOfTheModel() {
        // 104 cores, 2 T4: no t4 type has 104 vCPUs; the largest is g4dn.metal (8 GPUs, 96 vCPUs)
        assertThat(closest(104_000, 524_288, 2, "T4")).isEqualTo("g4dn.metal");
    }

    @Test
    void anUnknownModelTakesTheCheapestCoveringGpuTypeAndACpuNodeACpuType() {
        InstanceType gpu = types.closest(new GpuNode("n", 96_000, 393_216, 8, "G2"));
        InstanceType cpu = types.closest(new GpuNode("n", 32_000, 262_144, 0, ""));
        assertThat(cpu.gpus()).isZero();
        // the naive oracle: the cheapest priced type of the right kind with enough of everything
        for (InstanceType t : CATALOG.all()) {
            if (!t.isPriced() || t.vcpus() < 32 && t.gpus() == 0 || t.memoryMib() < 262_144) {
                continue;
            }
            if (t.gpus() == 0 && t.gpuModel().isEmpty() && t.vcpus() >= 32) {
                assertThat(cpu.onDemandUsdPerHour()).isLessThanOrEqualTo(t.onDemandUsdPerHour());
            }
        }
        for (InstanceType t : CATALOG.all()) {
            if (t.isPriced() && t.gpus() >= 8 && !t.gpuModel().isEmpty() && t.vcpus() >= 96
                    && t.memoryMib() >= 393_216) {
                assertThat(gpu.onDemandUsdPerHour()).as(t.name()).isLessThanOrEqualTo(t.onDemandUsdPerHour());
            }
        }
        assertThat(gpu.name()).isEqualTo("g4dn.metal");
    }
}
