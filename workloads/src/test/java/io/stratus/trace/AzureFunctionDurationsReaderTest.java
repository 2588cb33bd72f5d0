package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureFunctionDurationsReaderTest extends TraceReaderContract<FunctionDurations> {

    static final Path BUNDLED = Path.of("traces", "azure-functions-2019", "durations.csv");

    @Override
    TraceFormat format() {
        return TraceFormat.AZURE_FUNCTIONS_DURATIONS;
    }

    @Override
    String fileName() {
        return "durations.csv";
    }

    @Override
    String header() {
        return String.join(",", AzureFunctionDurationsReader.HEADER) + "\n";
    }

    @Override
    List<String> lines() {
        return List.of("o1,a1,f1,306,7726495,0.0,144874.0,1,247,269,282,304,481,130686",
                "o2,a2,f2,1.5,10,0.25,3.0,0.5,1,1,1.5,2,2.5,3");
    }

    @Override
    List<FunctionDurations> records() {
        return List.of(
                new FunctionDurations("o1", "a1", "f1", 306, 7726495, 0, 144874, new double[] {1, 247, 269, 282, 304, 481, 130686}),
                new FunctionDurations("o2", "a2", "f2", 1.5, 10, 0.25, 3, new double[] {0.5, 1, 1, 1.5, 2, 2.5, 3}));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("o3,a3,f3,306,10,0,9,1,2,3,4,5,6", 32, "expected 14 fields, found 13"),
                new BadLine("o3,a3,f3,306,10,0,9,1,2,3,4,5,6,7,8", 35, "expected 14 fields, found 15"),
                new BadLine("o3,a3,f3,306,10,0,9,1,2,3,4,5,6,x", 33, "\"percentile_Average_100\" is \"x\""),
                new BadLine("o3,a3,f3,306,10,0,9,1,2,3,4,5,4,7", 31, "smaller than percentile_Average_75"),
                new BadLine("o3,a3,f3,306,-10,0,9,1,2,3,4,5,6,7", 14, "must not be negative"));
    }

    @Test
    void theHeaderIsRequiredColumnByColumn() throws IOException {
        Path file = write(fileName(), header().replace("percentile_Average_25", "percentile_Average_20") + lines().get(0) + "\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("header column 10 is \"percentile_Average_20\"")
                            .contains("expected \"percentile_Average_25\"");
                });
        Path noHeader = write(fileName(), lines().get(0) + "\n");
        // a first column that is not the header's: the file is not shown to be this format, so nothing is quoted
        assertThatThrownBy(() -> readAll(noHeader)).hasMessageContaining(":1:1: header column 1 is not what this format "
                + "expects (its content is not shown").hasMessageNotContaining("o1");
    }

    @Test
    void theBundledSampleHasTenFunctions() throws IOException {
        List<FunctionDurations> all = readAll(BUNDLED);
        assertThat(all).hasSize(10);
        FunctionDurations first = all.get(0);
        assertThat(first.function()).startsWith("47658c9c");
        assertThat(first.averageMs()).isEqualTo(306);
        assertThat(first.count()).isEqualTo(7_726_495);
        assertThat(first.maximumMs()).isEqualTo(144_874);
        assertThat(first.percentiles()).containsExactly(1, 247, 269, 282, 304, 481, 130686);
    }
}
