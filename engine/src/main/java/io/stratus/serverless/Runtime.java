package io.stratus.serverless;

import io.stratus.sim.Time;
import java.util.List;
import java.util.Objects;

/**
 * A Lambda runtime and its cold-start init duration: how long a new execution environment takes
 * to start before the function's handler runs.
 *
 * <p>Simplified model: the init of a minimal ("hello world") function at 1,024 MB, per runtime,
 * taken from published cold-start measurements (p50 of hivebook.wiki's table of April 2026 and
 * the singledigit/lambda-benchmark runtimes: Node.js and Python 150-300 ms, Go and other
 * compiled runtimes 100-200 ms, .NET 300-700 ms, Java without SnapStart 1-3 s), scaled by
 * {@code sqrt(1024 / min(memory, 1769))} because a smaller function gets a smaller CPU share
 * (the init's CPU part slows down less than linearly: part of it is downloading and starting the
 * sandbox). A function's own dependencies add to this; a scenario can give its own base.
 */
public enum Runtime {
    NODEJS("nodejs", 200 * Time.MILLISECOND),
    PYTHON("python", 200 * Time.MILLISECOND),
    JAVA("java", 1_500 * Time.MILLISECOND),
    DOTNET("dotnet", 450 * Time.MILLISECOND),
    GO("go", 120 * Time.MILLISECOND),
    RUBY("ruby", 250 * Time.MILLISECOND);

    private final String id;
    private final long baseInitMicros;

    Runtime(String id, long baseInitMicros) {
        this.id = id;
        this.baseInitMicros = baseInitMicros;
    }

    /** The name scenarios use. */
    public String id() {
        return id;
    }

    /** The init duration of a minimal function at 1,024 MB. */
    public long baseInitMicros() {
        return baseInitMicros;
    }

    /** The names accepted by {@link #named}. */
    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(Runtime::id).toList();
    }

    /** The runtime called {@code id}. */
    public static Runtime named(String id) {
        Objects.requireNonNull(id, "id");
        for (Runtime r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown runtime " + id + "; allowed: " + names());
    }

    /** The init duration at {@code memoryMb} of a function whose init at 1,024 MB is {@code baseMicros}. */
    public static long initMicros(long baseMicros, int memoryMb) {
        double scale = Math.sqrt(1024.0 / Math.min(memoryMb, FunctionSpec.FULL_VCPU_MB));
        return Math.round(baseMicros * scale);
    }
}
