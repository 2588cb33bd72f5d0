package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlibabaNodeReaderTest extends TraceReaderContract<AlibabaNode> {

    @Override
    TraceFormat format() {
        return TraceFormat.ALIBABA_GPU_NODES;
    }

    @Override
    String fileName() {
        return "openb_node_list_all_node.csv";
    }

    @Override
    String header() {
        return "sn,cpu_milli,memory_mib,gpu,model\n";
    }

    @Override
    List<String> lines() {
        return List.of("openb-node-0000,32000,262144,0,", "openb-node-0123,64000,262144,2,P100");
    }

    @Override
    List<AlibabaNode> records() {
        return List.of(new AlibabaNode("openb-node-0000", 32000, 262144, 0, ""),
                new AlibabaNode("openb-node-0123", 64000, 262144, 2, "P100"));
    }

    @Override
    List<BadLine> badLines() {
        String noModel = "openb-node-0124,64000,262144,2,";
        String modelWithoutGpu = "openb-node-0124,64000,262144,0,T4";
        String noCpu = "openb-node-0124,0,262144,0,";
        String memory = "openb-node-0124,64000,256G,0,";
        return List.of(
                new BadLine(noModel, pastEnd(noModel), "must name the GPU model"),
                new BadLine(modelWithoutGpu, column(modelWithoutGpu, ',', 4), "must be empty on a node without GPUs"),
                new BadLine(noCpu, column(noCpu, ',', 1), "must be positive"),
                new BadLine(memory, column(memory, ',', 2), "not an integer"));
    }

    @Test
    void realExcerptByHand() throws IOException {
        List<AlibabaNode> nodes = readAll(resource("alibaba/alibaba_gpu2023_openb_node_list_excerpt.csv"));
        assertThat(nodes).hasSize(9);
        assertThat(nodes.get(0)).isEqualTo(new AlibabaNode("openb-node-0000", 32000, 262144, 0, ""));
        // line 7 of the excerpt, line 125 of the source: "openb-node-0123,64000,262144,2,P100"
        assertThat(nodes.get(5)).isEqualTo(new AlibabaNode("openb-node-0123", 64000, 262144, 2, "P100"));
    }
}
