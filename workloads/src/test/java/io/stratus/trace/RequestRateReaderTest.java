package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RequestRateReaderTest extends TraceReaderContract<RequestCount> {

    @Override
    TraceFormat format() {
        return TraceFormat.REQUEST_RATE;
    }

    @Override
    String fileName() {
        return "requests_per_second.txt";
    }

    @Override
    String header() {
        return "";
    }

    @Override
    List<String> lines() {
        return List.of("1", "0", "3");
    }

    @Override
    List<RequestCount> records() {
        return List.of(new RequestCount(0, Time.SECOND, 1), new RequestCount(Time.SECOND, Time.SECOND, 0),
                new RequestCount(2 * Time.SECOND, Time.SECOND, 3));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("x", 1, "\"request count\" is \"x\": not an integer"),
                new BadLine("-2", 1, "must not be negative"),
                new BadLine("1.5", 1, "not an integer"),
                new BadLine("99999999999999999999", 1, "out of the 64-bit integer range"));
    }

    @Test
    void manyCountsOnOneLineKeepTheirColumns() throws IOException {
        Path file = write(fileName(), "1 0  2\t3\n4 x 5");
        List<Long> counts = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (RequestRateReader reader = new RequestRateReader(file)) {
                for (RequestCount c = reader.next(); c != null; c = reader.next()) {
                    counts.add(c.count());
                }
            }
        }).isInstanceOfSatisfying(TraceFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
        });
        assertThat(counts).containsExactly(1L, 0L, 2L, 3L, 4L);
    }

    @Test
    void binWidthIsAParameter() throws IOException {
        Path file = write(fileName(), "5 6");
        try (RequestRateReader reader = new RequestRateReader(file, Time.MINUTE)) {
            assertThat(reader.next()).isEqualTo(new RequestCount(0, Time.MINUTE, 5));
            assertThat(reader.next()).isEqualTo(new RequestCount(Time.MINUTE, Time.MINUTE, 6));
        }
    }

    /**
     * A trace of the NASA KSC trace's shape (5,059,950 one-second bins on a single gzipped line),
     * generated here with counts from a fixed-seed generator, streams whole: every bin, every
     * request, the last bin's end. (The NASA file itself has no stated licence, so it is not in
     * the project.)
     */
    @Test
    void millionsOfCountsOnOneGzippedLineStream() throws IOException {
        int n = 5_059_950;
        Path file = dir.resolve("requests_per_second.txt.gz");
        SplittableRandom random = new SplittableRandom(1995);
        long expected = 0;
        long[] firstTwenty = new long[20];
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.US_ASCII)) {
            for (int i = 0; i < n; i++) {
                int count = random.nextInt(4);
                expected += count;
                if (i < firstTwenty.length) {
                    firstTwenty[i] = count;
                }
                w.write(i == 0 ? "" : " ");
                w.write(Integer.toString(count));
            }
            w.write("\n");
        }
        long bins = 0;
        long requests = 0;
        long[] read = new long[20];
        RequestCount last = null;
        try (RequestRateReader reader = new RequestRateReader(file)) {
            for (RequestCount c = reader.next(); c != null; c = reader.next()) {
                if (bins < read.length) {
                    read[(int) bins] = c.count();
                }
                bins++;
                requests += c.count();
                last = c;
            }
        }
        assertThat(bins).isEqualTo(n);
        assertThat(requests).isEqualTo(expected);
        assertThat(last.end()).isEqualTo(Time.seconds(n));
        assertThat(read).containsExactly(firstTwenty);
    }
}
