package io.stratus.scenario;

import io.stratus.compute.InstanceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the {@link KeyRegistry} by loading, with a recorder, every document that together visits
 * every section reader: {@code reference.yaml}, the bundled scenarios and the fixtures of
 * {@code src/test/resources/format/} (valid scenarios reaching the alternatives reference.yaml
 * can only show commented out). A reader visited by none of them would be missing from the
 * registry; {@link ReferenceYamlTest} checks that every {@code allowOnly} call site in the readers
 * was reached.
 */
final class FormatWalks {

    static final Path REFERENCE = Path.of("scenarios", "reference.yaml");
    static final Path FIXTURES = Path.of("src", "test", "resources", "format");

    private static KeyRegistry registry;

    private FormatWalks() {
    }

    /** The registry of every key, built once per test run. */
    static synchronized KeyRegistry registry() {
        if (registry == null) {
            KeyRegistry r = new KeyRegistry();
            ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());
            for (Path file : documents()) {
                try {
                    loader.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), Map.of(), r);
                } catch (ScenarioException e) {
                    if (file.startsWith(Path.of("scenarios")) && !file.equals(REFERENCE)) {
                        continue; // a bundled scenario's own tests report its problems; its keys were recorded
                    }
                    throw new AssertionError("a document walked for the key registry must be a valid scenario:\n"
                            + e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            registry = r;
        }
        return registry;
    }

    /** The documents walked: reference.yaml, every bundled scenario, every fixture. */
    static List<Path> documents() {
        List<Path> out = new ArrayList<>(yamlFiles(Path.of("scenarios")));
        out.addAll(yamlFiles(FIXTURES));
        return out;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
