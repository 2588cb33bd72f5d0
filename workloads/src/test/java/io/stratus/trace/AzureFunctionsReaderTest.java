package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureFunctionsReaderTest extends TraceReaderContract<FunctionInvocations> {

    @Override
    TraceFormat format() {
        return TraceFormat.AZURE_FUNCTIONS;
    }

    @Override
    String fileName() {
        return "invocations_per_function_md.anon.d01.csv";
    }

    @Override
    String header() {
        return "HashOwner,HashApp,HashFunction,Trigger,1,2,3\n";
    }

    @Override
    List<String> lines() {
        return List.of("o1,a1,f1,http,1,0,2", "o2,a2,f2,timer,0,0,1");
    }

    @Override
    List<FunctionInvocations> records() {
        return List.of(new FunctionInvocations("o1", "a1", "f1", "http", new int[] {1, 0, 2}),
                new FunctionInvocations("o2", "a2", "f2", "timer", new int[] {0, 0, 1}));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("o3,a3,f3,http,1,2", 18, "expected 7 fields, found 6"),
                new BadLine("o3,a3,f3,http,1,x,2", 17, "\"invocations in minute 2\" is \"x\""),
                new BadLine("o3,a3,f3,http,1,1,-2", 19, "must not be negative"));
    }

    @Test
    void theHeaderIsRequired() throws IOException {
        Path file = write(fileName(), lines().get(0) + "\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.reason()).contains("expected \"HashOwner\"");
                });
    }

    @Test
    void minutesMustBeNumberedFromOne() throws IOException {
        Path file = write(fileName(), "HashOwner,HashApp,HashFunction,Trigger,1,3\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo(42);
                    assertThat(e.reason()).contains("expected minute 2");
                });
    }

    @Test
    void aFunctionIsAPerMinuteRateSeries() throws IOException {
        RecordSource<RequestCount> bins = records().get(0).bins();
        List<RequestCount> out = new ArrayList<>();
        for (RequestCount c = bins.next(); c != null; c = bins.next()) {
            out.add(c);
        }
        assertThat(out).containsExactly(new RequestCount(0, Time.MINUTE, 1),
                new RequestCount(Time.MINUTE, Time.MINUTE, 0), new RequestCount(2 * Time.MINUTE, Time.MINUTE, 2));
    }

    @Test
    void realExcerptByHand() throws IOException {
        List<FunctionInvocations> functions = readAll(resource("azure-functions/invocations_excerpt.csv"));
        assertThat(functions).hasSize(2);
        FunctionInvocations http = functions.get(0);
        assertThat(http.owner()).isEqualTo("104f438d72947b49216b97034e44c8f80e90b58c41c08afdad10f25a6eb1af7d");
        assertThat(http.trigger()).isEqualTo("http");
        assertThat(http.minutes()).isEqualTo(1440);
        // the row begins "...,http,197,196,196" and ends "...,196"
        assertThat(http.count(0)).isEqualTo(197);
        assertThat(http.count(1)).isEqualTo(196);
        assertThat(http.count(1439)).isEqualTo(196);
        assertThat(http.total()).isEqualTo(281_962);
        assertThat(functions.get(1).trigger()).isEqualTo("event");
        assertThat(functions.get(1).total()).isEqualTo(1_093_671);
    }
}
