package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureLlmReaderTest extends TraceReaderContract<LlmRequest> {

    /** 2023-11-16T18:17:03Z in microseconds since the epoch (1,700,158,623 s). */
    private static final long AT_18_17_03 = 1_700_158_623_000_000L;

    @Override
    TraceFormat format() {
        return TraceFormat.AZURE_LLM;
    }

    @Override
    String fileName() {
        return "AzureLLMInferenceTrace_code.csv";
    }

    @Override
    String header() {
        return "TIMESTAMP,ContextTokens,GeneratedTokens\n";
    }

    @Override
    List<String> lines() {
        return List.of("2023-11-16 18:17:03.9799600,4808,10", "2023-11-16 18:17:04.0319600,3180,8",
                "2023-11-16 18:17:04.0319600,10,1");
    }

    @Override
    List<LlmRequest> records() {
        return List.of(new LlmRequest(AT_18_17_03 + 979_960, 4808, 10),
                new LlmRequest(AT_18_17_03 + 1_031_960, 3180, 8),
                new LlmRequest(AT_18_17_03 + 1_031_960, 10, 1));
    }

    @Override
    List<BadLine> badLines() {
        return List.of(
                new BadLine("2023-11-16 18:17:03.0000000,1,1", 1, "before the previous record's"),
                new BadLine("2023-11-16 18:17:0x.1,1,1", 1, "not a date-time"),
                new BadLine("2023-11-16 18:17:05.1234567891,1,1", 1, "at most nine fraction digits"),
                new BadLine("2023-11-16 24:17:05,1,1", 1, "not a valid time of day"),
                new BadLine("2023-11-16 18:17:05,1,-1", 23, "must not be negative"));
    }

    @Test
    void fractionsRoundHalfUpToTheMicrosecond() throws IOException {
        Path file = write(fileName(), header()
                + "2023-11-16 18:17:03.0000004,1,1\n"
                + "2023-11-16 18:17:03.0000005,1,1\n"
                + "2023-11-16 18:17:03.9999995,1,1\n"
                + "2023-11-16 18:17:04.5,1,1\n");
        assertThat(readAll(file)).extracting(LlmRequest::time).containsExactly(
                AT_18_17_03, AT_18_17_03 + 1, AT_18_17_03 + 1_000_000, AT_18_17_03 + 1_500_000);
    }

    @Test
    void theHeaderMustMatchWhenPresent() throws IOException {
        Path file = write(fileName(), "TIMESTAMP,ContextTokens,Tokens\n" + lines().get(0));
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(25);
                });
    }

    @Test
    void realExcerptByHand() throws IOException {
        List<LlmRequest> requests = readAll(resource("azure-llm/AzureLLMInferenceTrace_code_excerpt.csv"));
        assertThat(requests).hasSize(20);
        assertThat(requests.get(0)).isEqualTo(new LlmRequest(AT_18_17_03 + 979_960, 4808, 10));
        // line 21: "2023-11-16 18:17:34.4626860,6587,18"
        assertThat(requests.get(19)).isEqualTo(new LlmRequest(AT_18_17_03 + 31_462_686, 6587, 18));
    }
}
