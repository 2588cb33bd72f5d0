package io.stratus.compute;

import java.util.List;
import java.util.Objects;

/**
 * A processor architecture as the serverless services price it: AWS Lambda functions and Fargate
 * tasks run on {@code x86_64} or {@code arm64} (Graviton), at different prices.
 */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** The name AWS uses, {@code x86_64} or {@code arm64}. */
    public String id() {
        return id;
    }

    /** The names accepted by {@link #named}. */
    public static List<String> names() {
        return List.of(X86_64.id, ARM64.id);
    }

    /** The architecture called {@code id}. */
    public static Architecture named(String id) {
        Objects.requireNonNull(id, "id");
        for (Architecture a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture " + id + "; allowed: " + names());
    }
}
