package io.stratus.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GPU models and pod specifications, as the Alibaba trace writes them ({@code V100M16|V100M32}). */
class GpuModelsTest {

    private final GpuModels models = new GpuModels(List.of(
            new GpuNode("cpu", 8000, 1024, 0, ""),
            new GpuNode("a", 8000, 1024, 2, "T4"),
            new GpuNode("b", 8000, 1024, 8, "V100M16"),
            new GpuNode("c", 8000, 1024, 8, "V100M32"),
            new GpuNode("d", 8000, 1024, 2, "T4")));

    @Test
    void modelsAreNumberedInOrderOfFirstAppearance() {
        assertThat(models.count()).isEqualTo(3);
        assertThat(models.name(0)).isEqualTo("T4");
        assertThat(models.id("V100M32")).isEqualTo(2);
        assertThat(models.id("A100")).isEqualTo(-1);
    }

    @Test
    void specificationsBecomeMasks() {
        assertThat(models.mask("")).isEqualTo(GpuModels.ANY);
        assertThat(models.mask("nan")).isEqualTo(GpuModels.ANY);
        assertThat(models.mask("V100M16|V100M32")).isEqualTo(0b110L);
        assertThat(models.mask(" T4 ")).isEqualTo(0b001L);
        assertThat(models.mask("A100")).isZero();          // absent models: the pod can never be placed
        assertThat(models.mask("A100|T4")).isEqualTo(0b001L);
    }

    @Test
    void nodesAreChecked() {
        assertThatThrownBy(() -> new GpuNode("x", 8000, 1024, 2, "")).hasMessageContaining("GPU model");
        assertThatThrownBy(() -> new GpuNode("x", 8000, 1024, 65, "T4")).hasMessageContaining("allowed 0 to 64");
        assertThatThrownBy(() -> new GpuNode("x", 0, 1024, 0, "")).hasMessageContaining("positive");
    }
}
