package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanetLabReaderTest extends TraceReaderContract<PlanetLabSample> {

    private static final String VM = "node_example_edu_ slice";

    @Override
    TraceFormat format() {
        return TraceFormat.PLANETLAB;
    }

    @Override
    String fileName() {
        return VM;
    }

    @Override
    String header() {
        return "";
    }

    @Override
    List<String> lines() {
        return List.of("47", "4", "38");
    }

    @Override
    List<PlanetLabSample> records() {
        return List.of(new PlanetLabSample(VM, 0, 47), new PlanetLabSample(VM, 5 * Time.MINUTE, 4),
                new PlanetLabSample(VM, 10 * Time.MINUTE, 38));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("101", 1, "must be between 0 and 100"),
                new BadLine("-3", 1, "must be between 0 and 100"),
                new BadLine("4x", 1, "not an integer"),
                new BadLine("12 7", 4, "expected 1 field, found 2"),
                new BadLine("  ", 1, "blank line"));
    }

    @Test
    void realFilesInADirectoryByHand() throws IOException {
        Path directory = resource("planetlab/146-179_surfsnel_dsl_internl_net_root").getParent();
        List<PlanetLabSample> samples = readAll(directory);
        assertThat(samples).hasSize(2 * 288);
        // files in name order; the first starts 47, 4, 38 and ends ..., 17, 5
        assertThat(samples.get(0)).isEqualTo(new PlanetLabSample("146-179_surfsnel_dsl_internl_net_root", 0, 47));
        assertThat(samples.get(287)).isEqualTo(
                new PlanetLabSample("146-179_surfsnel_dsl_internl_net_root", 287 * 5 * Time.MINUTE, 5));
        // the second name has a space, kept in the VM id; it starts 62, 76, 76
        assertThat(samples.get(288)).isEqualTo(
                new PlanetLabSample("aladdin_planetlab_extranet_uni-passau_de_ rnp_dcc_ufjf", 0, 62));
        assertThat(samples.get(290).cpuUtilisation()).isEqualTo(0.76);
    }

    @Test
    void wholeBundledDay() throws IOException {
        Path directory = Path.of("traces", "planetlab-20110303");
        long files;
        try (var list = Files.list(directory)) {
            files = list.count();
        }
        long samples = 0;
        try (PlanetLabReader reader = new PlanetLabReader(directory)) {
            for (PlanetLabSample s = reader.next(); s != null; s = reader.next()) {
                samples++;
            }
        }
        assertThat(files).isEqualTo(1052);
        assertThat(samples).isEqualTo(1052 * 288);
    }
}
