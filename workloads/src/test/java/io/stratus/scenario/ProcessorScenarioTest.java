package io.stratus.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.PerformanceCatalog;
import org.junit.jupiter.api.Test;

/** The scenario side of per-type CPU performance: {@code service.measured-on} and host processors. */
class ProcessorScenarioTest {

    private final ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());

    private static String scenario(String hosts, String type, String service) {
        return "name: t\nduration: 1h\nregion:\n  zones: [a]\n  hosts: " + hosts + "\nservices:\n  web:\n"
                + "    instances: 1\n    launch: { type: " + type + " }\n    requests:\n"
                + "      arrival: { poisson: { rate: 10/s } }\n      service: " + service + "\n";
    }

    @Test
    void cpuIsReferenceTimeUnlessMeasuredOnAnotherType() throws ScenarioException {
        Scenario plain = loader.parse("s.yaml", scenario("{ family: m5, count: 1 }", "m5.large", "{ cpu: 20ms }"));
        assertThat(plain.services().get(0).meanWorkMicros()).isEqualTo(20_000);
        Scenario measured = loader.parse("s.yaml", scenario("{ family: m5, count: 1 }", "m5.large",
                "{ cpu: 20ms, measured-on: c7i.large }"));
        // 20 ms on a c7i.large vCPU is 20 ms times its single-thread speed on the reference
        double c7i = PerformanceCatalog.bundled().speedOf(InstanceCatalog.bundled().get("c7i.large")).speed();
        assertThat(c7i).isGreaterThan(1.1);
        assertThat(measured.services().get(0).meanWorkMicros()).isEqualTo(Math.round(20_000 * c7i));
    }

    @Test
    void aTypeOfAnotherProcessorIsRefusedUnlessAnyFamilyIsAllowed() throws ScenarioException {
        ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> loader.parse("s.yaml",
                scenario("{ family: m5, count: 1 }", "m7g.large", "{ cpu: 20ms }")));
        assertThat(e.getMessage()).contains("services.web.launch.type").contains("Graviton3")
                .contains("allow-any-family");
        // same processor, other family: r5 hosts run c5 (both Xeon Scalable 1st/2nd gen)
        loader.parse("s.yaml", scenario("{ family: r5, count: 1 }", "c5.large", "{ cpu: 20ms }"));
        Scenario any = loader.parse("s.yaml", scenario("{ family: m5, count: 1, allow-any-family: true }",
                "m7g.large", "{ cpu: 20ms }"));
        assertThat(any.region().allowAnyFamily()).isTrue();
    }
}
