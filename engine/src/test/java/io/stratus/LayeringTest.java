package io.stratus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's layering, as the README states it: each package depends only on the packages
 * before it in {@link #LAYERS} (a package's subpackages belong to its layer), every engine
 * package is listed, and nothing in the engine refers to a {@code workloads} package.
 *
 * <p>Adding an engine package is one line in {@link #LAYERS}, at its place in the order (and
 * the README's order line gets the same word); a new {@code workloads} package is one word in
 * {@link #WORKLOADS_PACKAGES}.
 */
class LayeringTest {

    /** Engine packages under {@code io.stratus}, lowest first; keep in step with the README. */
    static final List<String> LAYERS = List.of(
            "util",
            "sim",
            "infra",
            "placement",
            "hypervisor",
            "compute",
            "storage",
            "network",
            "monitor",
            "workload",
            "lb",
            "messaging",
            "spot",
            "scaling",
            "pricing",
            "gpu",
            "fault",
            "serverless",
            "cloud");

    /** Packages of the {@code workloads} module, which the engine must never refer to. */
    static final List<String> WORKLOADS_PACKAGES = List.of(
            "scenario", "trace", "synthetic", "report", "sweep", "cli", "run");

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stratus");

    private static String[] packages(List<String> names) {
        return names.stream().map(n -> "io.stratus." + n + "..").toArray(String[]::new);
    }

    @Test
    void eachPackageDependsOnlyOnThoseBeforeIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            noClasses().that().resideInAPackage("io.stratus." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(LAYERS.subList(i + 1, LAYERS.size())))
                    .because("the README's package order puts " + LAYERS.get(i) + " below "
                            + String.join(", ", LAYERS.subList(i + 1, LAYERS.size())))
                    .check(ENGINE);
        }
    }

    @Test
    void everyEnginePackageHasItsPlaceInTheOrder() {
        classes().should().resideInAnyPackage(packages(LAYERS))
                .because("a new engine package needs its line in LayeringTest.LAYERS and the README's order")
                .check(ENGINE);
    }

    @Test
    void theEngineNeverRefersToTheWorkloadsModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(packages(WORKLOADS_PACKAGES))
                .because("dependencies point one way: engine <- workloads <- benchmarks")
                .check(ENGINE);
    }
}
