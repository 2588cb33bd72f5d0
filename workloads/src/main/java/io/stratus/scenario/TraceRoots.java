package io.stratus.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a scenario's trace paths are resolved from and where they may lead. A path is relative to
 * the scenario file's folder; when the load is confined (the command line always confines), the
 * file it names must lie, after following links, inside the scenario's folder, inside the project
 * holding it (the nearest folder above with a {@code pom.xml} or {@code .git}, so that the
 * bundled {@code workloads/scenarios} reach {@code workloads/traces}), or inside a folder given
 * with {@code --allow-path}. So a scenario from elsewhere cannot make Stratus read
 * {@code /etc/passwd}, {@code /proc/...} or a file beside it in the user's home.
 *
 * @param dir     the scenario file's folder (absolute)
 * @param allowed the folders paths may lead into (real paths), or null when not confined
 */
public record TraceRoots(Path dir, List<Path> allowed) {

    /** Paths relative to {@code dir}, anywhere (a library caller that trusts its scenarios). */
    static TraceRoots anywhere(Path dir) {
        return new TraceRoots(dir, null);
    }

    /** Paths relative to {@code dir}, confined to its folder, its project and {@code extra}. */
    static TraceRoots confined(Path dir, List<Path> extra) {
        List<Path> roots = new ArrayList<>();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml")) || Files.exists(p.resolve(".git"))) {
                roots.add(real(p));
                break;
            }
        }
        roots.add(real(dir));
        extra.forEach(e -> roots.add(real(e.toAbsolutePath())));
        return new TraceRoots(dir, List.copyOf(roots));
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.normalize();
        }
    }

    /** Whether the existing file or folder at {@code path} lies inside an allowed folder. */
    boolean allows(Path path) {
        if (allowed == null) {
            return true;
        }
        Path target = real(path);
        return allowed.stream().anyMatch(target::startsWith);
    }

    /** The allowed folders, for a message. */
    String describe() {
        return allowed == null ? "anywhere" : String.join(", ", allowed.stream().map(Path::toString).toList());
    }
}
