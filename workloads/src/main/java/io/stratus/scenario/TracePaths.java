package io.stratus.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Trace file paths in scenario files: relative to the scenario's folder, checked to exist and to be allowed ({@link TraceRoots}). */
final class TracePaths {

    private TracePaths() {
    }

    /** The existing regular file named at {@code key}, or null after recording a problem. */
    static Path existing(ConfigNode node, String key, TraceRoots baseDir) {
        return existing(node, key, baseDir, Files::isRegularFile, "trace file");
    }

    /**
     * The existing regular file or directory named at {@code key} (a trace of one file per VM), or
     * null after recording a problem.
     */
    static Path existingFileOrDirectory(ConfigNode node, String key, TraceRoots baseDir) {
        return existing(node, key, baseDir, path -> Files.isRegularFile(path) || Files.isDirectory(path),
                "trace file or directory");
    }

    /**
     * The path named at {@code key}, resolved against {@code baseDir}, if {@code accepted} holds for
     * it; otherwise null after recording a problem that says there is no {@code what} there.
     */
    private static Path existing(ConfigNode node, String key, TraceRoots baseDir, Predicate<Path> accepted,
                                 String what) {
        String text = node.string(key, null, true);
        if (text == null) {
            return null;
        }
        Path path;
        try {
            path = baseDir.dir().resolve(text).normalize();
        } catch (InvalidPathException e) {
            node.problem(key, "'" + text + "' is not a valid path");
            return null;
        }
        if (!accepted.test(path)) {
            node.problem(key, "no " + what + " at " + path + " (paths are relative to the scenario file's folder)");
            return null;
        }
        if (!baseDir.allows(path)) {
            node.problem(key, path + " is outside the folders a scenario's traces may be read from ("
                    + baseDir.describe() + "); give --allow-path DIR to read traces from another folder");
            return null;
        }
        return path;
    }
}
