package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The trace formats Stratus reads, by name: each constant opens a streaming {@link TraceReader}
 * for a file in its format, and its {@link #id()} is the name used in scenario files, on the
 * command line ({@code format:path}, see {@link TraceSpec}) and in messages.
 */
public enum TraceFormat {

    /** Standard Workload Format logs: batch jobs with processors and run times. */
    SWF("swf", SwfJob.class, "Standard Workload Format job log (Parallel Workloads Archive)",
            SwfReader::new),
    /** PlanetLab CPU traces (a file, or a directory of one file per VM). */
    PLANETLAB("planetlab", PlanetLabSample.class, "PlanetLab VM CPU %, 5-minute steps (CloudSim)",
            PlanetLabReader::new),
    /** Azure Public Dataset VM table: VM arrivals with sizes and lifetimes. */
    AZURE_VMTABLE("azure-vmtable", AzureVm.class, "Azure Public Dataset VM table",
            AzureVmTableReader::new),
    /** Azure Public Dataset CPU readings: VM utilisation series. */
    AZURE_CPU("azure-cpu", AzureCpuReading.class, "Azure Public Dataset VM CPU readings",
            AzureCpuReader::new),
    /** Google cluster trace 2011 task events. */
    GOOGLE_TASK_EVENTS("google-task-events", GoogleTaskEvent.class, "Google cluster trace 2011 task events",
            GoogleTaskEventReader::new),
    /** Bitbrains GWA-T-12 VM files: utilisation series. */
    BITBRAINS("bitbrains", BitbrainsSample.class, "Bitbrains GWA-T-12 VM performance file",
            BitbrainsReader::new),
    /** Alibaba GPU cluster trace 2023 node list: host capacities. */
    ALIBABA_GPU_NODES("alibaba-gpu-nodes", AlibabaNode.class, "Alibaba GPU cluster 2023 node list",
            AlibabaNodeReader::new),
    /** Alibaba GPU cluster trace 2023 pod list: container arrivals with sizes and lifetimes. */
    ALIBABA_GPU_PODS("alibaba-gpu-pods", AlibabaPod.class, "Alibaba GPU cluster 2023 pod list",
            AlibabaPodReader::new),
    /** Requests per second, blank-separated counts (NASA KSC 1995). */
    REQUEST_RATE("request-rate", RequestCount.class, "request counts per second, blank-separated",
            RequestRateReader::new),
    /** Requests per minute with periods, {@code period,count} (WorldCup98). */
    REQUEST_RATE_CSV("request-rate-csv", RequestCount.class, "request counts per minute, period,count",
            RequestRateCsvReader::new),
    /** Azure LLM inference trace 2023: individual request arrivals. */
    AZURE_LLM("azure-llm", LlmRequest.class, "Azure LLM inference 2023 requests",
            AzureLlmReader::new),
    /** Azure Functions 2019: per-minute invocation counts per function. */
    AZURE_FUNCTIONS("azure-functions", FunctionInvocations.class, "Azure Functions 2019 invocations per minute",
            AzureFunctionsReader::new),
    /** Azure Functions 2019: execution-time percentiles per function. */
    AZURE_FUNCTIONS_DURATIONS("azure-functions-durations", FunctionDurations.class,
            "Azure Functions 2019 execution-time percentiles", AzureFunctionDurationsReader::new);

    /** Opens a reader on a file. */
    @FunctionalInterface
    interface Opener {
        TraceReader<?> open(Path file) throws IOException;
    }

    private final String id;
    private final Class<?> recordType;
    private final String description;
    private final Opener opener;

    TraceFormat(String id, Class<?> recordType, String description, Opener opener) {
        this.id = id;
        this.recordType = recordType;
        this.description = description;
        this.opener = opener;
    }

    /** The format's name, such as {@code azure-vmtable}. */
    public String id() {
        return id;
    }

    /** The type of the records its reader yields. */
    public Class<?> recordType() {
        return recordType;
    }

    /** A one-line description, for help texts. */
    public String description() {
        return description;
    }

    /** A new reader streaming the records of {@code file} (gzip when its name ends in .gz). */
    public TraceReader<?> open(Path file) throws IOException {
        return opener.open(file);
    }

    /**
     * A new reader of {@code file} whose records are of {@code type}.
     *
     * @throws IllegalArgumentException if this format yields other records
     */
    @SuppressWarnings("unchecked")
    public <R> TraceReader<R> open(Path file, Class<R> type) throws IOException {
        if (!type.isAssignableFrom(recordType)) {
            throw new IllegalArgumentException("format " + id + " yields " + recordType.getSimpleName()
                    + ", not " + type.getSimpleName());
        }
        return (TraceReader<R>) opener.open(file);
    }

    /** The format named {@code id} (its {@link #id()}; case and {@code _} for {@code -} ignored). */
    public static TraceFormat named(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (TraceFormat format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown trace format \"" + id + "\"; known formats: " + ids());
    }

    /** The names of all formats, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(TraceFormat::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
