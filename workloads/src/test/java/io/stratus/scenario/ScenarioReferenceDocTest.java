package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/scenario-reference.md} is generated from {@code reference.yaml} (every key, its
 * example value and its documentation, by {@link ReferenceDoc}'s reading), and this test fails
 * when the committed file is stale. Regenerate it with
 * {@code mvn -B -o -pl engine,workloads test -Dtest=ScenarioReferenceDocTest -Dstratus.updateDocs=true}.
 */
class ScenarioReferenceDocTest {

    static final Path DOC = Path.of("..", "docs", "scenario-reference.md");

    @Test
    void theScenarioReferenceIsGeneratedFromReferenceYaml() throws Exception {
        String generated = render(ReferenceDoc.read(FormatWalks.REFERENCE, FormatWalks.registry()));
        if (Boolean.getBoolean("stratus.updateDocs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " is missing; run this test with -Dstratus.updateDocs=true").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is stale: reference.yaml changed; run this test with -Dstratus.updateDocs=true")
                .isEqualTo(generated);
    }

    static String render(ReferenceDoc doc) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        for (ReferenceDoc.Key k : doc.keys) {
            String path = k.pattern().isEmpty() ? k.key() : k.pattern() + "." + k.key();
            String line = doc.line(k.line());
            boolean parent = doc.keys.stream().anyMatch(o -> o.pattern().equals(k.key())
                    || o.pattern().startsWith(k.key() + ".") || o.pattern().startsWith(k.key() + "["));
            String section = k.pattern().isEmpty() && !parent ? "top level" : path.split("[.\\[]", 2)[0];
            String value = line.substring(line.indexOf(k.key() + ":") + k.key().length() + 1);
            int comment = value.indexOf(" #");
            value = (comment >= 0 ? value.substring(0, comment) : value).strip();
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add("| `" + path + "` | "
                    + (value.isEmpty() ? "" : "`" + cell(value) + "`") + " | " + cell(k.doc()) + " |");
        }
        StringBuilder b = new StringBuilder("""
                # Scenario reference

                Generated from [`workloads/scenarios/reference.yaml`](../workloads/scenarios/reference.yaml) by
                `ScenarioReferenceDocTest`, which fails when this file is stale: edit `reference.yaml`, never this
                file, then regenerate with
                `mvn -B -o -pl engine,workloads test -Dtest=ScenarioReferenceDocTest -Dstratus.updateDocs=true`.
                `reference.yaml` is itself checked against the loader key by key (`ReferenceYamlTest`): every key the
                loader accepts is here, with its default as the loader has it.

                Paths: `*` stands for a name you choose (a service, a queue, an alarm), `[]` for an item of a list.
                `(required)` marks a key without default; `(default X)` gives the default as written in a scenario.
                Values carry units: `30s`, `7d`, `40/s`, `12:00`, `400GiB`, `60%`. The example column is the value
                `reference.yaml` shows (most keys there are commented-out alternatives).

                """);
        b.append("Sections: ");
        b.append(String.join(", ", sections.keySet().stream().map(s -> "[`" + s + "`](#" + s.replace(' ', '-') + ")").toList()));
        b.append(".\n");
        for (Map.Entry<String, List<String>> e : sections.entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n\n| key | example | what it is, default |\n|---|---|---|\n");
            for (String row : e.getValue()) {
                b.append(row).append('\n');
            }
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "'");
    }
}
