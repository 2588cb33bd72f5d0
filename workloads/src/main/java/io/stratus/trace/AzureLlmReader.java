package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the Azure LLM inference trace 2023 ({@code AzureLLMInferenceTrace_code.csv},
 * {@code _conv.csv}): header {@code TIMESTAMP,ContextTokens,GeneratedTokens}, then one
 * {@link LlmRequest} per row, the timestamp to 100 ns ({@code 2023-11-16 18:17:03.9799600}),
 * rounded to the microsecond.
 *
 * <p>Checks: 3 fields; a valid timestamp; token counts not negative; timestamps never decrease
 * (the files are sorted; several requests may share an instant).
 */
public final class AzureLlmReader extends LineTraceReader<LlmRequest> {

    private final TimeOrder order = new TimeOrder(false);

    public AzureLlmReader(Path file) throws IOException {
        super(file, LineCursor.delimited(file, ','), '\0', "TIMESTAMP", "ContextTokens", "GeneratedTokens");
    }

    @Override
    protected LlmRequest parse() throws IOException {
        cursor.requireFields(3);
        long time = cursor.epochMicrosAt(0, "TIMESTAMP");
        order.accept(cursor, 0, time);
        return new LlmRequest(time, cursor.nonNegativeIntAt(1, "ContextTokens"),
                cursor.nonNegativeIntAt(2, "GeneratedTokens"));
    }
}
