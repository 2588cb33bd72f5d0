package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRateCsvReaderTest extends TraceReaderContract<RequestCount> {

    /** 1998-04-30T21:30:00Z in microseconds since the epoch (893,971,800 s). */
    private static final long START = 893_971_800_000_000L;

    @Override
    TraceFormat format() {
        return TraceFormat.REQUEST_RATE_CSV;
    }

    @Override
    String fileName() {
        return "per_minute.csv";
    }

    @Override
    String header() {
        return "period,count\n";
    }

    @Override
    List<String> lines() {
        return List.of("1998-04-30 21:30:00,2", "1998-04-30 21:31:00,11");
    }

    @Override
    List<RequestCount> records() {
        return List.of(new RequestCount(START, Time.MINUTE, 2), new RequestCount(START + Time.MINUTE, Time.MINUTE, 11));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("1998-04-30 21:30:30,5", 1, "less than one bin"),
                new BadLine("1998-04-30 21:32:30,5", 1, "not a whole number of bins"),
                new BadLine("1998-04-31 21:32:00,5", 1, "not a valid date"),
                new BadLine("1998/04/30 21:32:00,5", 1, "not a date-time"),
                new BadLine("1998-04-30 21:32:00,-1", 21, "must not be negative"),
                new BadLine("1998-04-30 21:32:00", 20, "expected 2 fields, found 1"));
    }

    @Test
    void periodsMayBeSeconds() throws IOException {
        Path file = write(fileName(), "0,5\n60,7\n");
        assertThat(readAll(file)).containsExactly(new RequestCount(0, Time.MINUTE, 5),
                new RequestCount(Time.MINUTE, Time.MINUTE, 7));
    }

    @Test
    void realHeadByHand() throws IOException {
        List<RequestCount> bins = readAll(resource("worldcup98/worldcup98_requests_per_minute_head.csv"));
        assertThat(bins).hasSize(60);
        // "1998-04-30 21:30:00,2", "1998-04-30 21:31:00,11", "1998-04-30 21:32:00,16"
        assertThat(bins.subList(0, 3)).extracting(RequestCount::count).containsExactly(2L, 11L, 16L);
        assertThat(bins.get(59).start()).isEqualTo(START + 59 * Time.MINUTE);
        assertThat(bins.stream().mapToLong(RequestCount::count).sum()).isEqualTo(28_340);
    }

    @Test
    void realGapIsCountedAsAbsentMinutes() throws IOException {
        Path file = resource("worldcup98/worldcup98_requests_per_minute_gap_1998-05-08.csv");
        try (RequestRateCsvReader reader = new RequestRateCsvReader(file)) {
            long n = 0;
            RequestCount before = null;
            for (RequestCount c = reader.next(); c != null; c = reader.next()) {
                n++;
                if (c.count() == 79) {
                    // 03:21 is followed by 03:23: 03:22 is absent in the source
                    assertThat(c.start() - before.start()).isEqualTo(2 * Time.MINUTE);
                }
                before = c;
            }
            assertThat(n).isEqualTo(8);
            assertThat(reader.skips()).containsExactly(entry(RequestRateCsvReader.ABSENT, 1L));
        }
    }
}
