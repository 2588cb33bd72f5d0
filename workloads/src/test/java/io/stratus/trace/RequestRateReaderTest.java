package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
     * The whole NASA KSC trace, streamed: 5,059,950 one-second bins holding 3,461,610 requests
     * (no stated licence, so read in place from shared data, never copied).
     */
    @Test
    void wholeNasaTraceStreams() throws IOException {
        Path file = SharedData.require("requests/nasa_http_1995_jul_aug_requests_per_second.txt.gz");
        long bins = 0;
        long requests = 0;
        long[] firstTwenty = new long[20];
        RequestCount last = null;
        try (RequestRateReader reader = new RequestRateReader(file)) {
            for (RequestCount c = reader.next(); c != null; c = reader.next()) {
                if (bins < firstTwenty.length) {
                    firstTwenty[(int) bins] = c.count();
                }
                bins++;
                requests += c.count();
                last = c;
            }
        }
        assertThat(bins).isEqualTo(5_059_950);
        assertThat(requests).isEqualTo(3_461_610);
        assertThat(last.end()).isEqualTo(Time.seconds(5_059_950));
        assertThat(firstTwenty).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 2, 3, 2, 3, 3, 0, 2, 1, 2, 0);
    }
}
