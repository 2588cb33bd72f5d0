package io.stratus.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.cloud.ServiceRun;
import io.stratus.sim.Time;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Runs every example, as {@code mvn verify} must, and checks its numbers against an oracle. */
class ExamplesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * The café's day: arrivals are Poisson with a daily mean of 40/s, so 3,456,000 requests within
     * 4 standard deviations; at least 2 m5.large run the whole day after their 40 s boot, at
     * $0.096 an hour each; nothing but the first boot refuses requests.
     */
    @Test
    void buildASimulation() {
        BuildASimulation.Result r = BuildASimulation.run(out);
        double expected = 40.0 * 86_400;
        assertThat((double) r.requests()).isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
        assertThat(r.refused()).isLessThan(40 * 60); // the arrivals of the first boot, at most
        assertThat(r.completed()).isBetween(r.requests() - r.refused() - 1_000, r.requests() - r.refused());
        assertThat(r.usd()).isGreaterThanOrEqualTo(2 * 0.096 * (86_400 - 40) / 3600);
        assertThat(r.meanMs()).isGreaterThan(25 * 0.9);
        assertThat(printed()).startsWith("café, one day: ");
    }

    /**
     * Twelve m5.large (2 vCPUs) on four 96-thread m5 hosts per zone, alternating zones: first fit
     * puts each zone's six on its first host; fewest-instances puts at most two on each host, so
     * uses all eight.
     */
    @Test
    void customPlacement() {
        assertThat(CustomPlacement.run(out)).containsExactly(2, 8);
        assertThat(printed()).contains("first-fit uses 2 hosts, fewest-instances 8");
    }

    /**
     * 100 requests/s of 20 ms is 2 busy reference vCPUs; at 50% of an m5.large's 2 vCPUs that is
     * at least 2 instances (hyperthread sharing only adds busy time), and not over the maximum.
     */
    @Test
    void customScaling() {
        ServiceRun api = CustomScaling.run(out);
        assertThat(api.inService()).isBetween(2, 12);
        assertThat(api.refused()).isLessThan(api.requests() / 100);
        assertThat(printed()).startsWith("proportional scaling at 50% CPU: ");
    }

    /**
     * The first day of the World Cup trace, read independently with plain Java: the same minutes,
     * requests and busiest minute; the replay's Poisson arrivals total the trace's requests within 4
     * standard deviations.
     */
    @Test
    void readATrace() throws Exception {
        Path trace = ReadATrace.findTrace();
        ReadATrace.Result r = ReadATrace.run(trace, out);
        long total = 0;
        long peak = 0;
        long lastMinute = 0;
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(trace)), StandardCharsets.UTF_8))) {
            in.readLine(); // header
            LocalDateTime first = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                LocalDateTime t = LocalDateTime.parse(cells[0], f);
                first = first == null ? t : first;
                long minute = ChronoUnit.MINUTES.between(first, t);
                if (minute >= 1440) {
                    break;
                }
                long count = Long.parseLong(cells[1]);
                total += count;
                peak = Math.max(peak, count);
                lastMinute = minute;
            }
        }
        assertThat(r.minutes()).isEqualTo(lastMinute + 1);
        assertThat(r.traceRequests()).isEqualTo(total);
        assertThat(r.peakPerMinute()).isEqualTo(peak);
        assertThat((double) r.simulatedRequests()).isBetween(total - 4 * Math.sqrt(total), total + 4 * Math.sqrt(total));
        assertThat(printed()).contains("worldcup98-requests-per-minute.csv.gz: first day, ");
        assertThat(Time.DAY).isEqualTo(1440 * Time.MINUTE);
    }
}
