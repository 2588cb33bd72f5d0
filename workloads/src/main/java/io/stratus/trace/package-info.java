/**
 * Trace readers: one streaming reader per real trace format, named in {@link
 * io.stratus.trace.TraceFormat}, each yielding typed records in file order.
 *
 * <p>What the records mean for the engine: {@link io.stratus.trace.WorkArrival}s are VMs, jobs or
 * pods arriving with a size and a lifetime (SWF, Azure VM table, Alibaba pods; Google task events
 * are the raw events of such lives); {@link io.stratus.trace.UtilisationSample}s are the CPU
 * series that drive a VM (PlanetLab, Azure CPU readings, Bitbrains); {@link
 * io.stratus.trace.RequestCount}s and timestamped requests feed a load balancer (NASA,
 * WorldCup98, Azure Functions, Azure LLM) through the adapters of {@code io.stratus.trace.replay};
 * Azure Functions invocations are summed per minute over the chosen functions by
 * {@link io.stratus.trace.InvocationTotals} (one row at a time, never the function-by-minute
 * matrix), and their execution-time percentiles ({@link io.stratus.trace.FunctionDurations}) give
 * the requests' work.
 *
 * <p>Invariants: a reader never holds more than one line (or one token) of its file; gzip is
 * read transparently when a name ends in {@code .gz}; times are {@code long} microseconds; bad
 * input fails with a {@link io.stratus.trace.TraceFormatException} that names the file, line and
 * column, and the only records left out are the skips a format documents, which its reader counts.
 * All lines are parsed by the shared {@link io.stratus.trace.LineCursor} (or
 * {@link io.stratus.trace.TokenCursor} for one-line series), so the formats differ only in their
 * fields.
 */
package io.stratus.trace;
