package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BitbrainsReaderTest extends TraceReaderContract<BitbrainsSample> {

    private static final String HEADER = "Timestamp [ms];\tCPU cores;\tCPU capacity provisioned [MHZ];\t"
            + "CPU usage [MHZ];\tCPU usage [%];\tMemory capacity provisioned [KB];\tMemory usage [KB];\t"
            + "Disk read throughput [KB/s];\tDisk write throughput [KB/s];\tNetwork received throughput [KB/s];\t"
            + "Network transmitted throughput [KB/s]\n";

    @Override
    TraceFormat format() {
        return TraceFormat.BITBRAINS;
    }

    @Override
    String fileName() {
        return "42.csv";
    }

    @Override
    String header() {
        return HEADER;
    }

    @Override
    List<String> lines() {
        return List.of(
                "1376314846;\t1;\t2599.999309;\t19.06666159933333;\t0.7333333333333333;\t2097152.0;\t110448.53333333334;\t0.0;\t1.4666666666666666;\t0.0;\t0.0",
                "1376315146;\t2;\t5200;\t2600;\t50;\t4194304;\t1000;\t1.5;\t2;\t3;\t4");
    }

    @Override
    List<BitbrainsSample> records() {
        return List.of(
                new BitbrainsSample("42", 1_376_314_846_000_000L, 1, 2599.999309, 19.06666159933333,
                        0.7333333333333333, 2097152.0, 110448.53333333334, 0.0, 1.4666666666666666, 0.0, 0.0),
                new BitbrainsSample("42", 1_376_315_146_000_000L, 2, 5200, 2600, 50, 4194304, 1000, 1.5, 2, 3, 4));
    }

    @Override
    List<BadLine> badLines() {
        String repeated = "1376314846;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1";
        String noCores = "1376315146;\t0;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1";
        String shortLine = "1376315146;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1";
        String comma = "1376315146;\t1;\t2599,9;\t1;\t1;\t1;\t1;\t1;\t1;\t1;\t1";
        return List.of(
                new BadLine(repeated, 1, "equal to the previous record's"),
                new BadLine(noCores, column(noCores, ';', 1) + 1, "must be at least 1"),
                new BadLine(shortLine, pastEnd(shortLine), "expected 11 fields, found 10"),
                new BadLine(comma, column(comma, ';', 2) + 1, "not a number"));
    }

    @Test
    void aWrongHeaderNamesItsColumn() throws IOException {
        Path file = write(fileName(), HEADER.replace("CPU cores", "cores") + lines().get(0));
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("Timestamp [ms];\t".length() + 1);
                    assertThat(e.reason()).contains("expected \"CPU cores\"");
                });
    }

    @Test
    void realExcerptByHand() throws IOException {
        List<BitbrainsSample> samples = readAll(resource("bitbrains/bitbrains_gwa-t-12_fastStorage_single_vm_excerpt.csv"));
        assertThat(samples).hasSize(12);
        // line 13: "1376318146;	1;	2599.999309;	17.333328726666668;	0.6666666666666667;	2097152.0;
        //           95069.06666666667;	0.06666666666666667;	1.6;	0.06666666666666667;	0.13333333333333333"
        BitbrainsSample last = samples.get(11);
        assertThat(last).isEqualTo(new BitbrainsSample("bitbrains_gwa-t-12_fastStorage_single_vm_excerpt",
                1_376_318_146_000_000L, 1, 2599.999309, 17.333328726666668, 0.6666666666666667, 2097152.0,
                95069.06666666667, 0.06666666666666667, 1.6, 0.06666666666666667, 0.13333333333333333));
        // seconds, not milliseconds: 12 readings five minutes apart
        assertThat(last.time() - samples.get(0).time()).isEqualTo(11 * 300 * 1_000_000L);
    }
}
