package io.stratus.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A trace named as {@code format:path}, such as {@code request-rate:nasa.txt.gz}: the way
 * command lines and scenario files point at a trace. The path is everything after the first
 * colon, so it may contain spaces and colons.
 *
 * @param format the file's format
 * @param path   the file (or directory, for PlanetLab)
 */
public record TraceSpec(TraceFormat format, Path path) {

    public TraceSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Parses {@code format:path}.
     *
     * @throws IllegalArgumentException with the known formats, if the text is not of that form
     */
    public static TraceSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected format:path, got \"" + text
                    + "\"; formats: " + TraceFormat.ids());
        }
        return new TraceSpec(TraceFormat.named(text.substring(0, colon)), Path.of(text.substring(colon + 1)));
    }

    /** A new reader of the trace. */
    public TraceReader<?> open() throws IOException {
        return format.open(path);
    }

    @Override
    public String toString() {
        return format.id() + ":" + path;
    }
}
