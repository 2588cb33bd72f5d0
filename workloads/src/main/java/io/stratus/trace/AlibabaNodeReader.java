package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the node list of the Alibaba GPU cluster trace 2023 ({@code openb_node_list_*.csv}):
 * header {@code sn,cpu_milli,memory_mib,gpu,model}, one {@link AlibabaNode} per row. Checks: 5
 * fields, positive CPU and memory, GPUs not negative, a model named exactly when there are GPUs.
 * The file is a list, not a time series: no ordering is implied.
 */
public final class AlibabaNodeReader extends LineTraceReader<AlibabaNode> {

    private static final String[] HEADER = {"sn", "cpu_milli", "memory_mib", "gpu", "model"};

    public AlibabaNodeReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0', HEADER);
    }

    @Override
    protected AlibabaNode parse() throws IOException {
        cursor.requireFields(HEADER.length);
        if (cursor.isEmpty(0)) {
            throw cursor.badField(0, "sn", "must not be empty");
        }
        int cpu = cursor.intAt(1, "cpu_milli");
        if (cpu <= 0) {
            throw cursor.badField(1, "cpu_milli", "must be positive");
        }
        long memory = cursor.longAt(2, "memory_mib");
        if (memory <= 0) {
            throw cursor.badField(2, "memory_mib", "must be positive");
        }
        int gpus = cursor.nonNegativeIntAt(3, "gpu");
        if (gpus > 0 == cursor.isEmpty(4)) {
            throw cursor.badField(4, "model", gpus > 0 ? "must name the GPU model of a node with GPUs"
                    : "must be empty on a node without GPUs");
        }
        return new AlibabaNode(cursor.text(0), cpu, memory, gpus, cursor.text(4));
    }
}
