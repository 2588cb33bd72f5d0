package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random mutations of the valid bundled scenarios (lines deleted, duplicated or cut, values and
 * characters replaced by hostile tokens) must load or be refused with a {@link ScenarioException}:
 * never another exception.
 */
class ScenarioMutationPropertyTest {

    private static final List<String> TOKENS = List.of("", "-1", "0", "abc", "1e999", "[", "{", "}", "~", "null",
            "0s", "-5m", "999999999999999999999", "&a", "*a", "!!binary AAAA", "? x", "'", "\"", ": :", "\t",
            "\u0000", "\ufffd", "m5.lrage", "40/s", "12:00", "true", "[a, a]", "{x: 1}", "1000000000", "3650d");

    private static final List<String> VALID = loadValid();

    private static List<String> loadValid() {
        List<String> texts = new ArrayList<>();
        texts.add(ScenarioLoaderTest.VALID_TEXT);
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** One edit: kind, position (as a fraction of the text) and a token. */
    record Mutation(int kind, double where, String token) {

        String apply(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int line = Math.min(lines.size() - 1, (int) (where * lines.size()));
            int at = Math.min(text.length(), (int) (where * text.length()));
            switch (kind) {
                case 0:
                    lines.remove(line);
                    return String.join("\n", lines);
                case 1:
                    lines.add(line, lines.get(line));
                    return String.join("\n", lines);
                case 2:
                    return text.substring(0, at);
                case 3: {
                    String l = lines.get(line);
                    int colon = l.indexOf(": ");
                    lines.set(line, colon < 0 ? token : l.substring(0, colon + 2) + token);
                    return String.join("\n", lines);
                }
                case 4:
                    return text.substring(0, at) + token + text.substring(at);
                default:
                    return text.substring(0, at) + text.substring(Math.min(text.length(), at + 3));
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.doubles().between(0, 0.999).ofScale(4), Arbitraries.of(TOKENS)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 400, seed = "20261123")
    void mutatedScenariosLoadOrAreRefusedCleanly(@ForAll("mutations") List<Mutation> edits,
                                                  @ForAll("indexes") int which) {
        String text = VALID.get(which);
        for (Mutation m : edits) {
            text = m.apply(text);
        }
        ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());
        try {
            Scenario s = loader.parse("mutant.yaml", text);
            assertThat(s.services().size() + s.batches().size() + s.queues().size()).isPositive();
        } catch (ScenarioException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, VALID.size() - 1);
    }
}
