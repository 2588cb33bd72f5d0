package io.stratus.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's stored real data ({@code shared/data/}, beside the repository), for tests that
 * read files which may not be copied into the project (GPL-3.0 or no stated licence). Looked up
 * from the system property {@code stratus.data}, else {@code ../shared/data} from the repository
 * root; a test that needs a missing file is skipped, not failed.
 */
final class SharedData {

    private SharedData() {
    }

    /** The file at {@code relative} under shared/data; skips the calling test if it is absent. */
    static Path require(String relative) {
        for (Path root : roots()) {
            Path file = root.resolve(relative);
            if (Files.exists(file)) {
                return file;
            }
        }
        assumeTrue(false, "shared data file not present: " + relative);
        throw new AssertionError("unreachable");
    }

    private static Path[] roots() {
        String property = System.getProperty("stratus.data");
        Path cwd = Path.of("").toAbsolutePath();
        // tests run in the module directory; the repository root is its parent
        return new Path[] {
            property == null ? cwd.resolve("no-such-dir") : Path.of(property),
            cwd.resolve("../../shared/data").normalize(),
            cwd.resolve("../shared/data").normalize(),
        };
    }
}
