package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code yaml} block of {@code docs/user-guide.md} is a complete scenario the loader accepts. */
class UserGuideExamplesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyYamlBlockOfTheUserGuideLoads(@TempDir Path dir) throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "user-guide.md"), StandardCharsets.UTF_8);
        Matcher m = YAML_BLOCK.matcher(guide);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            Path file = dir.resolve("example-" + names.size() + ".yaml");
            Files.writeString(file, m.group(1), StandardCharsets.UTF_8);
            try {
                names.add(new ScenarioLoader(InstanceCatalog.bundled()).load(file).name());
            } catch (ScenarioException e) {
                throw new AssertionError("user guide example " + names.size() + " does not load:\n" + m.group(1)
                        + "\n" + e.getMessage(), e);
            }
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates();
    }
}
