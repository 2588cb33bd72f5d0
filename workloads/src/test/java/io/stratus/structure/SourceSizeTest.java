package io.stratus.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Size rules of issue 12, checked by scanning the sources: no class file in {@code workloads/src/main}
 * over {@value #MAX_CLASS_LINES} lines, and no method of {@code ScenarioRunner} over
 * {@value #MAX_RUNNER_METHOD_LINES} lines (signature to closing brace). The scanner is simple: a
 * method is a line indented four spaces that looks like a declaration and ends with {@code {},
 * and it ends at the next line that is exactly four spaces and a closing brace. Its own tests
 * below show it catches a long method and a long file.
 */
class SourceSizeTest {

    static final int MAX_CLASS_LINES = 300;
    static final int MAX_RUNNER_METHOD_LINES = 60;

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path RUNNER = MAIN.resolve("io/stratus/run/ScenarioRunner.java");
    private static final Pattern METHOD = Pattern.compile(
            "^    (?:(?:public|protected|private|static|final|synchronized|abstract|default)\\s+)*"
                    + "(?:<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\(.*");

    @Test
    void noClassInWorkloadsMainIsOverThreeHundredLines() throws IOException {
        assertThat(Files.isDirectory(MAIN)).as("run from the workloads module").isTrue();
        Map<Path, Integer> tooLong = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                int lines = Files.readAllLines(f).size();
                if (lines > MAX_CLASS_LINES) {
                    tooLong.put(MAIN.relativize(f), lines);
                }
            }
        }
        assertThat(tooLong).as("files over " + MAX_CLASS_LINES + " lines").isEmpty();
    }

    @Test
    void noMethodOfTheScenarioRunnerIsOverSixtyLines() throws IOException {
        Map<String, Integer> methods = methodLengths(Files.readAllLines(RUNNER));
        assertThat(methods).as("the scanner finds the runner's methods").containsKey("run");
        assertThat(methods).allSatisfy((name, length) ->
                assertThat(length).as(name).isLessThanOrEqualTo(MAX_RUNNER_METHOD_LINES));
    }

    @Test
    void theScannerMeasuresAMethodFromSignatureToClosingBrace() {
        List<String> source = new ArrayList<>();
        source.add("final class A {");
        source.add("    private static int shortOne(int x) {");
        source.add("        return x;");
        source.add("    }");
        source.add("");
        source.add("    public List<String> longOne() throws IOException {");
        for (int i = 0; i < 70; i++) {
            source.add("        call(" + i + ");");
        }
        source.add("    }");
        source.add("}");
        Map<String, Integer> lengths = methodLengths(source);
        assertThat(lengths).containsEntry("shortOne", 3).containsEntry("longOne", 72);
        assertThat(lengths.get("longOne")).isGreaterThan(MAX_RUNNER_METHOD_LINES);
    }

    /** Each method's length in lines, by name (the longest of overloads). */
    static Map<String, Integer> methodLengths(List<String> lines) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = METHOD.matcher(line);
            if (!m.matches() || line.contains(" class ") || line.contains(" record ") || line.contains(" interface ")
                    || line.trim().startsWith("return ") || line.contains(" = ")) {
                continue;
            }
            int j = i;
            while (j < lines.size() && !lines.get(j).trim().endsWith("{") && !lines.get(j).trim().endsWith(";")) {
                j++; // a signature over several lines
            }
            if (j == lines.size() || lines.get(j).trim().endsWith(";")) {
                continue; // abstract or interface method
            }
            int end = j + 1;
            while (end < lines.size() && !lines.get(end).equals("    }")) {
                end++;
            }
            out.merge(m.group(1), end - i + 1, Math::max);
            i = end;
        }
        return out;
    }
}
