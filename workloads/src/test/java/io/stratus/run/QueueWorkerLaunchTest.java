package io.stratus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sim.Time;
import io.stratus.util.ErlangC;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Queue workers are launched as every other group's instances: with their image's user data (run
 * after EC2's running, so billed, and serving only once it is done), their credit specification,
 * and EC2's instance warm-up default (the group's default cooldown, 300 s).
 */
class QueueWorkerLaunchTest {

    private static String scenario(String launch, String workers, String rate, String duration) {
        return """
                name: workers
                seed: 3
                duration: %s
                region:
                  zones: [a]
                  hosts: { family: c5, count: 1 }
                queues:
                  orders:
                    messages:
                      arrival: { poisson: { rate: %s } }
                      work: 500ms
                    workers:
                      launch: %s
                      min: 2
                      max: 2
                %s
                """.formatted(duration, rate, launch, workers.indent(6).stripTrailing());
    }

    private static Scenario parse(String yaml) throws Exception {
        return new ScenarioLoader(InstanceCatalog.bundled()).parse("workers.yaml", yaml);
    }

    private static RunResult run(String yaml) throws Exception {
        return new ScenarioRunner().run(parse(yaml), null).result();
    }

    @Test
    void warmUpDefaultsToTheCooldownAsOnEc2() throws Exception {
        assertThat(parse(scenario("{ type: c5.large }", "", "1/s", "1h")).queues().get(0).warmupMicros())
                .isEqualTo(300 * Time.SECOND);
        assertThat(parse(scenario("{ type: c5.large }", "cooldown: 2m", "1/s", "1h")).queues().get(0).warmupMicros())
                .isEqualTo(120 * Time.SECOND);
        assertThat(parse(scenario("{ type: c5.large }", "warm-up: 45s\ncooldown: 2m", "1/s", "1h")).queues().get(0)
                .warmupMicros()).isEqualTo(45 * Time.SECOND);
    }

    @Test
    void userDataDelaysTheWorkButNotTheBill() throws Exception {
        RunResult plain = run(scenario("{ type: c5.large, ami: { boot: 40s } }", "", "1/s", "1h"));
        RunResult slow = run(scenario("{ type: c5.large, ami: { boot: 40s, user-data: 30m } }", "", "1/s", "1h"));
        QueueResult p = plain.queues().get(0);
        QueueResult s = slow.queues().get(0);
        // the same messages arrive; with 30 minutes of user data, workers take messages only after 30m40s:
        // the half that arrives before waits about 920 s on average, the rest hardly at all (~470 s in all)
        assertThat(s.sent()).isEqualTo(p.sent());
        assertThat(p.meanTimeInQueueS()).isLessThan(5);
        assertThat(s.meanTimeInQueueS()).isBetween(400.0, 700.0);
        // both are billed from EC2's running (40 s) to the end: 2 x $0.085 x 3,560 s, plus the same EBS
        double instances = 2 * 0.085 * (3600 - 40) / 3600.0;
        assertThat(p.costUsd() - plain.ebsUsd()).isCloseTo(instances, within(1e-9));
        assertThat(s.costUsd() - slow.ebsUsd()).isCloseTo(instances, within(1e-9));
    }

    @Test
    void theCreditSpecificationReachesTheWorkers() throws Exception {
        // two t3.micro workers (2 vCPUs each) kept busy on 4 messages/s of 500 ms: far above the 10% baseline
        String busy = "8/s";
        RunResult unlimited = run(scenario("{ type: t3.micro }", "", busy, "2d"));
        RunResult standard = run(scenario("{ type: t3.micro, credit-specification: standard }", "", busy, "2d"));
        assertThat(unlimited.surplusCreditsUsd()).isPositive();
        assertThat(standard.surplusCreditsUsd()).isZero();
        // throttled to the baseline, standard workers process fewer messages
        assertThat(standard.queues().get(0).deleted()).isLessThan(unlimited.queues().get(0).deleted());
    }

    @Test
    void workersOnWholeCoreVcpusAreAnMmcQueueAtTheTypesSpeed() throws Exception {
        // four m6g.medium workers (one Graviton2 core each: no hyperthread sibling), exponential work of
        // 1 s on the reference vCPU, so each serves mu = speed messages per second; rho = 0.75
        InstanceType type = InstanceCatalog.bundled().get("m6g.medium");
        double mu = PerformanceCatalog.bundled().speedOf(type).speed();
        int c = 4;
        double lambda = 0.75 * c * mu;
        String yaml = """
                name: mmc
                seed: 17
                duration: 4d
                region:
                  zones: [a]
                  hosts: { family: m6g, count: 1 }
                queues:
                  orders:
                    messages:
                      arrival: { poisson: { rate: %.6f/s } }
                      work: 1s
                      distribution: exponential
                    workers:
                      launch: { type: m6g.medium, ami: { boot: 0s } }
                      min: 4
                      max: 4
                """.formatted(lambda);
        QueueResult q = run(yaml).queues().get(0);
        // send to delete, by Little's law over the sampled backlog: Erlang C's mean response time
        assertThat(q.meanTimeInQueueS()).isCloseTo(ErlangC.meanResponse(c, lambda, mu), Percentage.withPercentage(3));
    }
}
