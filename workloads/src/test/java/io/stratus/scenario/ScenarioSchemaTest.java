package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema for editors ({@code workloads/scenario.schema.json}) agrees with the loader: every
 * bundled scenario passes it, and scenarios with an unknown key or a unit-less duration fail it.
 */
class ScenarioSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("scenario.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void bundledScenariosPassTheSchema(Path file) throws IOException {
        JsonNode node = YAML.readTree(file.toFile());
        Set<ValidationMessage> errors = schema().validate(node);
        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRefusesWhatTheLoaderRefuses() throws IOException {
        JsonSchema schema = schema();
        String valid = ScenarioLoaderTest.VALID_TEXT;
        assertThat(schema.validate(YAML.readTree(valid))).isEmpty();
        assertThat(schema.validate(YAML.readTree(valid.replace("instances: 2", "instance: 2")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(valid.replace("duration: 2h", "duration: '2'")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(valid.replace("rate: 10/s", "rate: 10")))).isNotEmpty();
    }

    @Test
    void gpuClustersNeedNoRegionAndTheSchemaKnowsTheirPolicies() throws IOException {
        JsonSchema schema = schema();
        String gpu = String.join("\n", "name: g", "duration: 1h", "gpu-clusters:", "  c:",
                "    nodes: { path: n.csv }", "    pods: { path: p.csv, departures: never }",
                "    policies: [fgd, best-fit]", "");
        assertThat(schema.validate(YAML.readTree(gpu))).isEmpty();
        assertThat(schema.validate(YAML.readTree(gpu.replace("best-fit", "bestfit")))).isNotEmpty();
        assertThat(schema.validate(YAML.readTree(gpu.replace("never", "forever")))).isNotEmpty();
        // a service still needs a region
        String noRegion = ScenarioLoaderTest.VALID_TEXT.replace("region:\n  zones: [a, b]\n  hosts: { family: m5, count: 1 }\n", "");
        assertThat(noRegion).doesNotContain("region");
        assertThat(schema.validate(YAML.readTree(noRegion))).isNotEmpty();
    }
}
