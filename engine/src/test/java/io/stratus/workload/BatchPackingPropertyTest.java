package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;

/**
 * Properties of AWS Batch packing against the one-instance-per-job oracle on jobs that each fit one
 * instance, in a region with room for all: packing with immediate scale-in never bills more
 * instance-seconds (an instance bills the union of its jobs' run intervals, at least 60 s, and that
 * is at most the sum of each job's max(60 s, run)); reservations never exceed an instance's vCPUs;
 * every job completes in both.
 */
class BatchPackingPropertyTest {

    /** A job: submission second, run seconds, vCPUs (1-4), memory GiB (0-16). */
    record Spec(long submitS, long runS, int vcpus, int memoryGib) {
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return Combinators.combine(Arbitraries.longs().between(0, 3000), Arbitraries.longs().between(1, 600),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 16))
                .as(Spec::new).list().ofMinSize(1).ofMaxSize(40);
    }

    private static List<BatchJob> jobs(List<Spec> specs) {
        List<Spec> sorted = new ArrayList<>(specs);
        sorted.sort((a, b) -> Long.compare(a.submitS(), b.submitS()));
        List<BatchJob> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Spec s = sorted.get(i);
            out.add(new BatchJob(i + 1, Time.seconds(s.submitS()), Time.seconds(s.runS()), s.vcpus(), s.memoryGib() * 1024L));
        }
        return out;
    }

    private record Outcome(long billedSeconds, long completed, double maxShare) {
    }

    private static Outcome run(List<BatchJob> jobs, boolean packed) {
        Simulation sim = new Simulation(7);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", 256, 1024L * 1024), 0, 4); // room for every job at once
        Fleet fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        OnDemandBilling billing = new OnDemandBilling();
        fleet.addListener(billing);
        ArrayDeque<BatchJob> queue = new ArrayDeque<>(jobs);
        double[] maxShare = {0};
        BatchEnvironment env;
        if (packed) {
            BatchScheduler s = new BatchScheduler(sim, fleet, hosts,
                    List.of(new ComputeEnvironmentSpec("ce", BatchSchedulerTest.SPEC, 0, 4096, 0)),
                    List.of(new JobQueueSpec("q", 1, new int[] {0})), List.of(queue::poll));
            s.onLoad((id, share) -> maxShare[0] = Math.max(maxShare[0], share));
            fleet.addListener(s);
            env = s;
        } else {
            BatchComputeEnvironment b = new BatchComputeEnvironment(sim, fleet, hosts, BatchSchedulerTest.SPEC, queue::poll);
            fleet.addListener(b);
            env = b;
        }
        env.start();
        sim.run();
        billing.close(sim.now());
        return new Outcome(billing.billedSecondsByType().getOrDefault("test.four", 0L), env.completed(), maxShare[0]);
    }

    @Property(seed = "1616", tries = 60)
    void packingNeverBillsMoreThanOneInstancePerJob(@ForAll("specs") List<Spec> specs) {
        List<BatchJob> jobs = jobs(specs);
        Outcome packed = run(jobs, true);
        Outcome baseline = run(jobs, false);
        assertThat(packed.completed()).isEqualTo(jobs.size());
        assertThat(baseline.completed()).isEqualTo(jobs.size());
        assertThat(packed.billedSeconds()).isLessThanOrEqualTo(baseline.billedSeconds());
        assertThat(packed.maxShare()).isLessThanOrEqualTo(1.0);
    }
}
