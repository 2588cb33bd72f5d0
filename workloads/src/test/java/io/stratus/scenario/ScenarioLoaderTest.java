package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stratus.compute.InstanceCatalog;
import io.stratus.sim.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ScenarioLoaderTest {

    /** A small valid scenario that other tests reuse. */
    public static final String VALID_TEXT = String.join("\n",
            "name: tiny",
            "seed: 7",
            "duration: 2h",
            "region:",
            "  zones: [a, b]",
            "  hosts: { family: m5, count: 1 }",
            "services:",
            "  web:",
            "    instances: 2",
            "    launch: { type: m5.large }",
            "    requests:",
            "      arrival: { poisson: { rate: 10/s } }",
            "      service: { cpu: 20ms }",
            "");
    static final String VALID = VALID_TEXT;

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private List<Problem> problems(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.parse("s.yaml", yaml));
        assertThat(e).as("expected the scenario to be refused").isNotNull();
        return e.problems();
    }

    @Test
    void loadsAValidScenarioWithDefaults() throws ScenarioException {
        Scenario s = loader.parse("s.yaml", VALID);
        assertThat(s.name()).isEqualTo("tiny");
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.durationMicros()).isEqualTo(2 * Time.HOUR);
        assertThat(s.region().zones()).containsExactly("a", "b");
        assertThat(s.region().host().threads()).isEqualTo(96);
        ServiceConfig web = s.services().get(0);
        assertThat(web.type().name()).isEqualTo("m5.large");
        assertThat(web.launch().bootMicros()).isEqualTo(40 * Time.SECOND);
        assertThat(web.meanWorkMicros()).isEqualTo(20 * Time.MILLISECOND);
        assertThat(web.workDistribution()).isEqualTo("exponential");
        assertThat(web.arrivals().meanRatePerSecond()).hasValue(10.0);
    }

    @Test
    void unknownKeyNamesLineColumnPathAndSuggestion() {
        List<Problem> p = problems(VALID.replace("    instances: 2", "    instance: 2"));
        assertThat(p).anySatisfy(x -> {
            assertThat(x.line()).isEqualTo(9);
            assertThat(x.column()).isEqualTo(5);
            assertThat(x.path()).isEqualTo("services.web.instance");
            assertThat(x.message()).contains("unknown key 'instance'").contains("did you mean 'instances'");
        });
    }

    @Test
    void unknownInstanceTypeSuggestsCloseNames() {
        List<Problem> p = problems(VALID.replace("m5.large", "m5.lrage"));
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.toString()).startsWith("s.yaml:10:");
            assertThat(x.path()).isEqualTo("services.web.launch.type");
            assertThat(x.message()).contains("unknown instance type 'm5.lrage'").contains("m5.large");
        });
    }

    @Test
    void collectsEveryProblemInFileOrder() {
        String bad = VALID.replace("duration: 2h", "duration: 2")
                .replace("instances: 2", "instances: many")
                .replace("rate: 10/s", "rate: -3/s");
        List<Problem> p = problems(bad);
        assertThat(p).extracting(Problem::path)
                .containsExactly("duration", "services.web.instances", "services.web.requests.arrival.poisson.rate");
        assertThat(p.get(0).message()).contains("unit");
        assertThat(p.get(1).message()).contains("whole number");
    }

    @Test
    void instanceTooBigForTheHostIsRefused() {
        List<Problem> p = problems(VALID.replace("family: m5", "family: t3").replace("m5.large", "m5.24xlarge"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("does not fit on a t3-host"));
    }

    @Test
    void missingRequiredKeysAreNamed() {
        List<Problem> p = problems("name: x\n");
        assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("'duration'"))
                .anySatisfy(m -> assertThat(m).contains("'region'"))
                .anySatisfy(m -> assertThat(m).contains("at least one service (services:), batch workload (batch:) or queue (queues:)"));
    }

    @Test
    void malformedYamlAndDuplicateKeysGivePositions() {
        Problem p = problems("name: [unclosed\nduration: 1h\n").get(0);
        assertThat(p.message()).startsWith("not valid YAML");
        assertThat(p.line()).isPositive();
        Problem dup = problems(VALID + "seed: 8\n").get(0);
        assertThat(dup.message()).contains("duplicate key").contains("seed");
    }

    @Test
    void emptyAndNonMappingFilesAreRefused() {
        assertThat(problems("").get(0).message()).contains("empty");
        assertThat(problems("- a\n- b\n").get(0).message()).contains("mapping");
    }

    @Test
    void hugeHostCountsAreRefusedBeforeAllocating() {
        List<Problem> p = problems(VALID.replace("count: 1", "count: 1000000000"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("out of range"));
    }

    @Test
    void filesThatAreNotScenariosAreRefused(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat((int) ScenarioLimits.MAX_FILE_BYTES) + "\n");
        for (Path file : List.of(binary, big, dir.resolve("missing.yaml"), dir)) {
            ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.load(file));
            assertThat(e).as(file.toString()).isNotNull();
            assertThat(e.problems().get(0).file()).isEqualTo(file.toString());
        }
    }
}
