package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.stratus.report.SummaryJson;
import io.stratus.scenario.ScenarioLoaderTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code summary.json} and {@code compare.json} against their committed JSON Schemas
 * ({@code schemas/*.schema.json} on the classpath): every golden summary (one per bundled
 * scenario, so every optional section) and the compare files of one seed and of several
 * replications validate, carry {@code schemaVersion} first, and a document missing a required key
 * or with the wrong version does not validate (so the schemas are not vacuous).
 */
class OutputSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = OutputSchemaTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void everyGoldenSummaryValidates() throws IOException {
        JsonSchema schema = schema("summary.schema.json");
        List<Path> golden;
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "golden"))) {
            golden = files.filter(p -> p.toString().endsWith(".summary.json")).sorted().toList();
        }
        assertThat(golden).hasSizeGreaterThan(10);
        for (Path p : golden) {
            JsonNode doc = JSON.readTree(p.toFile());
            assertThat(schema.validate(doc)).as(p.toString()).isEmpty();
            assertThat(doc.fieldNames().next()).as(p + ": the version comes first").isEqualTo("schemaVersion");
            assertThat(doc.get("schemaVersion").asInt()).isEqualTo(SummaryJson.SCHEMA_VERSION);
        }
        Path withServices = golden.stream().filter(p -> p.toString().contains("cafe")).findFirst().orElseThrow();
        ObjectNode broken = (ObjectNode) JSON.readTree(withServices.toFile());
        ((ObjectNode) broken.get("services").get(0)).remove("costUsd");
        assertThat(schema.validate(broken)).as("a service without its cost").isNotEmpty();
        ObjectNode future = (ObjectNode) JSON.readTree(golden.get(0).toFile());
        future.put("schemaVersion", SummaryJson.SCHEMA_VERSION + 1);
        assertThat(schema.validate(future)).as("another version").isNotEmpty();
    }

    @Test
    void compareFilesOfOneSeedAndOfReplicationsValidate(@TempDir Path dir) throws IOException {
        JsonSchema schema = schema("compare.schema.json");
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT + "compare:\n  slo: { p99: 500ms }\n"
                + "  strategies: [on-demand, spot, reserved-1y]\n");
        for (String replications : new String[] {"1", "2"}) {
            Path out = dir.resolve("r" + replications);
            StratusCliTest.Result r = StratusCliTest.execute("compare", scenario.toString(), "--quiet", "--set",
                    "duration=20m", "--replications", replications, "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = JSON.readTree(out.resolve("compare.json").toFile());
            assertThat(schema.validate(doc)).as(replications + " replications").isEmpty();
            assertThat(doc.fieldNames().next()).isEqualTo("schemaVersion");
            ObjectNode broken = doc.deepCopy();
            broken.remove("strategies");
            assertThat(schema.validate(broken)).isNotEmpty();
        }
    }
}
