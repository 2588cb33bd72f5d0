package io.stratus.scenario;

import io.stratus.compute.Architecture;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.serverless.FunctionSpec;
import io.stratus.serverless.LambdaAccount;
import io.stratus.serverless.Runtime;
import io.stratus.sim.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lambda:} (the account's concurrency limit) and {@code functions:} (AWS Lambda
 * functions and what invokes them: arrivals directly, or messages through an SQS queue).
 *
 * <p>A full Lambda vCPU runs at the single-thread speed of an m5.large vCPU on x86_64 (the
 * reference; AWS does not name Lambda's x86 processors) and of an m6g.large (Graviton2, which
 * AWS names for arm64 functions) on arm64, from the bundled CoreMark figures.
 */
final class FunctionSection {

    private static final Pattern MEGABYTES = Pattern.compile("(\\d{1,9})\\s*MB");
    private static final String MEMORY_RANGE = "allowed from 128MB to 10240MB (Lambda's range, in 1 MB steps)";

    private FunctionSection() {
    }

    /** The account limit and the functions; problems reported on {@code root}'s nodes. */
    static FunctionsConfig read(ConfigNode root, InstanceCatalog catalog, TraceRoots baseDir) {
        ConfigNode lambda = root.child("lambda", false);
        lambda.allowOnly("concurrency");
        long limit = lambda.integer("concurrency", LambdaAccount.DEFAULT_LIMIT, 1, 1_000_000, false);
        ConfigNode node = root.child("functions", false);
        Map<String, ConfigNode> children = node.children();
        if (node.isMapping() && children.isEmpty()) {
            root.problem("functions", "functions: needs at least one function; leave the key out if there is none");
        }
        List<FunctionConfig> out = new ArrayList<>();
        long reserved = 0;
        for (Map.Entry<String, ConfigNode> e : children.entrySet()) {
            FunctionConfig f = function(e.getKey(), e.getValue(), catalog, baseDir);
            if (f != null) {
                reserved += Math.max(f.spec().reservedConcurrency(), f.spec().reservedConcurrency() < 0
                        ? f.spec().provisioned() : 0);
                if (reserved > limit) {
                    e.getValue().problem(f.spec().reservedConcurrency() >= 0 ? "reserved-concurrency"
                            : "provisioned-concurrency", "the functions reserve " + reserved + " of the account's "
                            + "concurrency, more than its limit of " + limit + " (lambda.concurrency)");
                }
                out.add(f);
            }
        }
        return new FunctionsConfig((int) limit, out);
    }

    private static FunctionConfig function(String name, ConfigNode node, InstanceCatalog catalog, TraceRoots baseDir) {
        node.allowOnly("memory", "architecture", "runtime", "init", "keep-warm", "timeout", "reserved-concurrency",
                "provisioned-concurrency", "invocations");
        Long memory = node.unit("memory", null, true, FunctionSection::megabytes, (long) FunctionSpec.MIN_MEMORY_MB,
                (long) FunctionSpec.MAX_MEMORY_MB, MEMORY_RANGE);
        Architecture architecture = Architecture.named(node.oneOf("architecture", Architecture.X86_64.id(),
                Architecture.names()));
        Runtime runtime = Runtime.named(node.oneOf("runtime", Runtime.PYTHON.id(), Runtime.names()));
        long init = node.unit("init", runtime.baseInitMicros(), false, Units::duration, 0L, 10 * Time.SECOND,
                "allowed from 0s to 10s (Lambda's init limit)");
        long keepWarm = node.unit("keep-warm", 10 * Time.MINUTE, false, Units::duration, 0L, 12 * Time.HOUR,
                "allowed from 0s to 12h");
        long timeout = node.unit("timeout", 3 * Time.SECOND, false, Units::duration, Time.MILLISECOND,
                15 * Time.MINUTE, "allowed from 1ms to 15m (Lambda's maximum)");
        long reserved = node.integer("reserved-concurrency", -1, 0, 1_000_000, false);
        long provisioned = node.integer("provisioned-concurrency", 0, 0, 1_000_000, false);
        if (reserved >= 0 && provisioned > reserved) {
            node.problem("provisioned-concurrency", "provisioned concurrency (" + provisioned + ") is above the "
                    + "reserved concurrency (" + reserved + "); it must fit in it");
        }
        ConfigNode inv = node.child("invocations", true);
        inv.allowOnly("arrival", "cpu", "measured-on", "distribution", "queue", "response-size");
        ArrivalSpec arrivals = ArrivalSection.read(inv.child("arrival", true), baseDir);
        long cpu = inv.unit("cpu", Time.MILLISECOND, true, Units::duration, 1L, 15 * Time.MINUTE,
                "allowed from 1us to 15m");
        cpu = CpuWork.onReference(inv, cpu, catalog);
        String distribution = inv.oneOf("distribution", "exponential", List.of("fixed", "exponential"));
        double response = inv.unit("response-size", 2000.0, false, Units::bytes, 0.0, 6e6,
                "allowed from 0B to 6MB (Lambda's response payload limit)");
        int batch = 0;
        int maxConcurrency = 0;
        if (inv.has("queue")) {
            ConfigNode q = inv.child("queue", true);
            q.allowOnly("batch-size", "max-concurrency");
            batch = (int) q.integer("batch-size", 10, 1, 10_000, false);
            maxConcurrency = (int) q.integer("max-concurrency", 1000, 2, 1000, false);
            if (inv.has("response-size")) {
                inv.problem("response-size", "a function reading a queue returns nothing to a caller: remove "
                        + "response-size or queue");
            }
        }
        if (memory == null || arrivals == null || (reserved >= 0 && provisioned > reserved)) {
            return null;
        }
        String reference = architecture == Architecture.ARM64 ? "m6g.large" : PerformanceCatalog.REFERENCE_TYPE;
        double speed = PerformanceCatalog.bundled().speedOf(catalog.get(reference)).speed();
        FunctionSpec spec = new FunctionSpec(name, memory.intValue(), architecture,
                Runtime.initMicros(init, memory.intValue()), keepWarm, (int) reserved, (int) provisioned, speed,
                timeout);
        return new FunctionConfig(spec, arrivals, cpu, distribution, batch, maxConcurrency, batch > 0 ? 0 : response);
    }

    /** A Lambda memory size, {@code 1024MB} (Lambda's MB are MiB). */
    static Long megabytes(String text) {
        Matcher m = MEGABYTES.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Lambda memory size; write whole MB such as "
                    + "1024MB (" + MEMORY_RANGE + ")");
        }
        return Long.parseLong(m.group(1));
    }
}
