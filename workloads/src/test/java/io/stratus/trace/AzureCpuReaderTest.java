package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureCpuReaderTest extends TraceReaderContract<AzureCpuReading> {

    @Override
    TraceFormat format() {
        return TraceFormat.AZURE_CPU;
    }

    @Override
    String fileName() {
        return "vm_cpu_readings-file-1-of-1.csv";
    }

    @Override
    String header() {
        return "";
    }

    @Override
    List<String> lines() {
        return List.of("0,vmA,2.052803,3.911587,2.86979", "0,vmB,1,2,1.5", "300,vmA,0.3,2.04,0.97");
    }

    @Override
    List<AzureCpuReading> records() {
        return List.of(new AzureCpuReading(0, "vmA", 2.052803, 3.911587, 2.86979),
                new AzureCpuReading(0, "vmB", 1, 2, 1.5),
                new AzureCpuReading(Time.seconds(300), "vmA", 0.3, 2.04, 0.97));
    }

    @Override
    List<BadLine> badLines() {
        String negativeTime = "-300,vmA,1,2,1.5";
        String shortLine = "300,vmA,1,2";
        String notNumber = "300,vmA,1,2,NaN";
        String negative = "300,vmA,-1,2,1.5";
        return List.of(
                new BadLine(negativeTime, 1, "must not be negative"),
                new BadLine(shortLine, pastEnd(shortLine), "expected 5 fields, found 4"),
                new BadLine(notNumber, column(notNumber, ',', 4), "not a number"),
                new BadLine(negative, column(negative, ',', 2), "must not be negative"));
    }

    @Test
    void timestampsMustNotGoBack() throws IOException {
        Path file = write(fileName(), "600,vmA,1,2,1.5\n300,vmB,1,2,1.5\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.reason()).contains("before the previous record's");
                });
    }

    @Test
    void realSampleFirstRowByHand() throws IOException {
        List<AzureCpuReading> readings = readAll(resource("azure/azure2017_v1_vm_cpu_readings_sample100.csv"));
        assertThat(readings).hasSize(100);
        // "0,+ZcrOp5/c/fJ6mVgP5qMZlOAGDwyjaaDNM0WoWOt2IDb47gT0UwK9lFwkPQv3C7Q,2.052803,3.911587,2.86979"
        assertThat(readings.get(0)).isEqualTo(new AzureCpuReading(0,
                "+ZcrOp5/c/fJ6mVgP5qMZlOAGDwyjaaDNM0WoWOt2IDb47gT0UwK9lFwkPQv3C7Q", 2.052803, 3.911587, 2.86979));
        assertThat(readings.get(0).cpuUtilisation()).isCloseTo(0.0286979, org.assertj.core.data.Offset.offset(1e-15));
    }
}
