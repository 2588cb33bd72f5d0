package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code reference.yaml} and the section readers describe the same format: every key the loader
 * accepts is documented there (as a key or in a commented-out alternative, see {@link ReferenceDoc}),
 * every key documented there is accepted, and each documented default is the reader's. The
 * readers' side comes from {@link FormatWalks}: a key added to a reader without documenting it
 * fails here, by name and path.
 */
class ReferenceYamlTest {

    private static final Pattern ALLOW_ONLY = Pattern.compile("allowOnly\\(([^;]*?)\\);", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    private static ReferenceDoc reference() throws IOException, ScenarioException {
        return ReferenceDoc.read(FormatWalks.REFERENCE, FormatWalks.registry());
    }

    @Test
    void referenceIsAValidScenario() throws ScenarioException {
        Scenario s = new ScenarioLoader(InstanceCatalog.bundled()).load(FormatWalks.REFERENCE);
        assertThat(s.name()).isEqualTo("reference");
    }

    @Test
    void everyKeyOfReferenceIsAcceptedByTheLoader() throws Exception {
        ReferenceDoc doc = reference();
        assertThat(doc.keys).hasSizeGreaterThan(100);
        assertThat(doc.refused).isEmpty();
    }

    @Test
    void everyKeyTheLoaderAcceptsIsInReference() throws Exception {
        KeyRegistry registry = FormatWalks.registry();
        ReferenceDoc reference = reference();
        List<String> missing = new ArrayList<>();
        for (String pattern : registry.mappings()) {
            for (String key : registry.accepted(pattern)) {
                String path = KeyRegistry.child(pattern, key);
                if (!reference.documents(path)) {
                    missing.add(path);
                }
            }
        }
        assertThat(missing).as("keys the loader accepts that reference.yaml does not document (add each, "
                + "with its default, as a key or a commented-out alternative)").isEmpty();
    }

    @Test
    void everyDocumentedDefaultIsTheReaders() throws Exception {
        KeyRegistry registry = FormatWalks.registry();
        List<String> wrong = new ArrayList<>();
        for (ReferenceDoc.Key k : reference().keys) {
            KeyRegistry.Entry e = registry.entry(k.pattern(), k.key());
            String literal = k.literalDefault();
            if (e.alwaysRequired() && !k.saysRequired()) {
                wrong.add(k.where() + ": the loader requires it; document it as (required)");
            } else if (literal != null) {
                Object reader = e.constantDefault();
                Object documented = reader == null ? null : e.parse(literal);
                if (reader == null) {
                    wrong.add(k.where() + ": documents (default " + literal + ") but the reader has no fixed "
                            + "default; describe it as (default: ...)");
                } else if (!Objects.equals(documented, reader)) {
                    wrong.add(k.where() + ": documents (default " + literal + ") = " + documented
                            + " but the reader's default is " + reader);
                }
            } else if (!e.isMapping() && !e.kinds.isEmpty() && !k.saysRequired() && !k.describesDefault()) {
                wrong.add(k.where() + ": says neither (required) nor its default: (default X) or (default: ...)");
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Every {@code allowOnly} call of the readers with literal keys was reached by the walks, so the
     * registry is complete: a new section needs a fixture in {@code src/test/resources/format/}.
     */
    @Test
    void everyReaderWasVisitedByTheWalks() throws IOException {
        KeyRegistry registry = FormatWalks.registry();
        List<String> unreached = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = ALLOW_ONLY.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    Set<String> keys = new LinkedHashSet<>();
                    Matcher lit = LITERAL.matcher(m.group(1));
                    while (lit.find()) {
                        keys.add(lit.group(1));
                    }
                    if (keys.isEmpty()) {
                        continue;
                    }
                    calls++;
                    boolean reached = registry.mappings().stream().anyMatch(p -> registry.accepted(p).containsAll(keys));
                    if (!reached) {
                        unreached.add(file.getFileName() + ": allowOnly" + keys);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(30);
        assertThat(unreached).as("readers no walked document reaches; add a fixture to " + FormatWalks.FIXTURES)
                .isEmpty();
    }
}
