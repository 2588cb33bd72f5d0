package io.stratus.trace;

import io.stratus.sim.Time;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Streams whole traces and prints what they hold: record count, total requests (for request
 * series), time span and the reader's documented skips, plus the heap in use sampled along the
 * way, to show that reading is streaming. Usage:
 * {@code java -Xmx256m -cp CLASSPATH io.stratus.trace.TraceStats format:path...}.
 *
 * <p>Exit codes: 0 done, 1 the file could not be read, 2 bad arguments or bad trace content.
 */
public final class TraceStats {

    private static final long SAMPLE_EVERY = 1 << 20;
    private static final double MIB = 1024.0 * 1024.0;

    private final PrintStream out;
    private long records;
    private long requests;
    private boolean countsRequests;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long heapMin = Long.MAX_VALUE;
    private long heapMax;

    private TraceStats(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs on {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: TraceStats format:path...   formats: " + TraceFormat.ids());
            return 2;
        }
        for (String arg : args) {
            try {
                new TraceStats(out).scan(TraceSpec.parse(arg));
            } catch (TraceFormatException | IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("error: cannot read " + arg + ": " + e);
                return 1;
            }
        }
        return 0;
    }

    private void scan(TraceSpec spec) throws IOException {
        try (TraceReader<?> reader = spec.open()) {
            for (Object record = reader.next(); record != null; record = reader.next()) {
                add(record);
                if (records % SAMPLE_EVERY == 0) {
                    sampleHeap();
                }
            }
            sampleHeap();
            print(spec, reader.skips());
        }
    }

    private void add(Object record) {
        records++;
        if (record instanceof RequestCount bin) {
            countsRequests = true;
            requests += bin.count();
            span(bin.start(), bin.end());
        } else if (record instanceof FunctionInvocations f) {
            countsRequests = true;
            requests += f.total();
            span(0, f.minutes() * Time.MINUTE);
        } else if (record instanceof Timed timed) {
            span(timed.time(), timed.time());
        }
    }

    private void span(long start, long end) {
        first = Math.min(first, start);
        last = Math.max(last, end);
    }

    private void sampleHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        heapMin = Math.min(heapMin, used);
        heapMax = Math.max(heapMax, used);
    }

    private void print(TraceSpec spec, Map<String, Long> skips) {
        out.println("trace:    " + spec);
        out.println("records:  " + records);
        if (countsRequests) {
            out.println("requests: " + requests);
        }
        if (first <= last) {
            long span = last - first;
            out.printf("duration: %s s (%s), from %d us to %d us%n",
                    span % Time.SECOND == 0 ? Long.toString(span / Time.SECOND) : Double.toString(Time.toSeconds(span)),
                    Time.format(span), first, last);
        }
        if (skips.isEmpty()) {
            out.println("skipped:  none");
        } else {
            skips.forEach((reason, n) -> out.println("skipped:  " + n + " " + reason));
        }
        out.printf("heap:     used %.1f to %.1f MiB (sampled every %d records), max heap %.0f MiB%n",
                heapMin / MIB, heapMax / MIB, SAMPLE_EVERY, Runtime.getRuntime().maxMemory() / MIB);
    }
}
