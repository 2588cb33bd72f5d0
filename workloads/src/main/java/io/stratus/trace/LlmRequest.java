package io.stratus.trace;

/**
 * One request to a large-language-model inference service (Azure LLM inference trace 2023): a
 * request arriving at an exact instant with its prompt and answer sizes, which a replay may turn
 * into service demand.
 *
 * @param time            arrival, microseconds since the Unix epoch (the trace's timestamps
 *                        read as UTC)
 * @param contextTokens   prompt tokens
 * @param generatedTokens output tokens
 */
public record LlmRequest(long time, int contextTokens, int generatedTokens) implements Timed {
}
