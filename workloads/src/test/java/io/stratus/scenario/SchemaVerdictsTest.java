package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.stratus.compute.InstanceCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's verdict on every file of the bad-scenario corpus is recorded in
 * {@code bad-scenarios/schema-verdicts.csv} ({@code file,verdict,reason}) and agrees with it:
 * the loader refuses every file; the schema refuses every file too, except those recorded as
 * {@code accepted}, each with the rule the schema cannot express (a reference between keys, a
 * trace's contents, a sum over the file...). Files the YAML parser itself refuses are
 * {@code malformed}. Regenerate the verdict column after a schema change by running this test and
 * reading its message; write the reasons by hand.
 */
class SchemaVerdictsTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "bad-scenarios");
    private static final Path VERDICTS = CORPUS.resolve("schema-verdicts.csv");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The schema's verdict: refused, accepted, or malformed when the text is not YAML. */
    static String verdict(JsonSchema schema, Path file) {
        JsonNode node;
        try {
            node = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "malformed";
        }
        if (node == null || node.isMissingNode()) {
            return "refused"; // an empty document is not an object
        }
        return schema.validate(node).isEmpty() ? "accepted" : "refused";
    }

    private static Map<String, String[]> recorded() throws IOException {
        Map<String, String[]> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(VERDICTS, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("file,verdict,reason");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 3);
            out.put(f[0], f);
        }
        return out;
    }

    @Test
    void schemaVerdictOnEveryBadFileIsTheRecordedOne() throws IOException {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("scenario.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Map<String, String[]> recorded = recorded();
        List<String> wrong = new ArrayList<>();
        StringBuilder actual = new StringBuilder();
        for (Path file : corpus()) {
            String name = file.getFileName().toString();
            String verdict = verdict(schema, file);
            String[] row = recorded.remove(name);
            actual.append(name).append(',').append(verdict).append('\n');
            if (row == null) {
                wrong.add(name + ": not in schema-verdicts.csv (the schema says " + verdict + ")");
            } else if (!row[1].equals(verdict)) {
                wrong.add(name + ": recorded " + row[1] + ", the schema says " + verdict);
            } else if (verdict.equals("accepted") == (row.length < 3 || row[2].isBlank())) {
                wrong.add(name + ": a file the schema accepts needs the semantic rule it cannot express as its "
                        + "reason, and only such a file has one");
            }
        }
        recorded.keySet().forEach(name -> wrong.add(name + ": recorded but not in the corpus"));
        assertThat(wrong).as("actual verdicts:\n" + actual).isEmpty();
    }

    @Test
    void loaderRefusesEveryBadFile() throws IOException {
        ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());
        List<String> accepted = new ArrayList<>();
        for (Path file : corpus()) {
            try {
                loader.load(file);
                accepted.add(file.getFileName().toString());
            } catch (ScenarioException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(accepted).isEmpty();
    }
}
