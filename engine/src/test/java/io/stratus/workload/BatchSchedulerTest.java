package io.stratus.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
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
import org.junit.jupiter.api.Test;

/** Hand-worked AWS Batch schedules and bills; each expected number is derived in a comment. */
class BatchSchedulerTest {

    // 4 vCPUs, 16 GiB, $0.20 per hour; boots in 10 s, shuts down in 5 s
    static final InstanceType FOUR = new InstanceType("test.four", "test", InstanceCategory.GENERAL_PURPOSE,
            "four", 4, 16.0, 0, 0, 0, 0, 0.20);
    static final LaunchSpec SPEC = new LaunchSpec(FOUR, -1, Time.seconds(10), Time.seconds(5));

    private Simulation sim;
    private Fleet fleet;
    private OnDemandBilling billing;
    private HostTable hosts;

    private void region(int hostCount, int threads) {
        sim = new Simulation(1);
        hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", threads, threads * 4L * 1024), 0, hostCount);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        billing = new OnDemandBilling();
        fleet.addListener(billing);
    }

    private static ComputeEnvironmentSpec environment(int min, int max, long scaleDown) {
        return new ComputeEnvironmentSpec("ce", SPEC, min, max, scaleDown);
    }

    private BatchScheduler scheduler(ComputeEnvironmentSpec env, BatchJob... jobs) {
        BatchScheduler s = new BatchScheduler(sim, fleet, hosts, List.of(env),
                List.of(new JobQueueSpec("q", 1, new int[] {0})), List.of(new ArrayDeque<>(List.of(jobs))::poll));
        fleet.addListener(s);
        s.start();
        return s;
    }

    private static BatchJob job(long id, long submitS, long runS, int vcpus, long memoryMib) {
        return new BatchJob(id, Time.seconds(submitS), Time.seconds(runS), vcpus, memoryMib);
    }

    @Test
    void handWorkedBillWithPackingAndScaleIn() {
        // Scale-in after 60 s idle. A (2 vCPUs, 100 s) and B (2 vCPUs, 50 s) at 0: A launches I1, B packs
        // beside it; I1 runs at 10 s, both start. B ends at 60 s, A at 110 s; I1 idle from 110 s, ended at
        // 170 s: billed 10..170 = 160 s. C (4 vCPUs, 30 s) at 200 s: I2 launched, runs 210..240 s, ended
        // at 300 s: billed 90 s. 250 s x $0.20 / 3600 s = $0.013889.
        region(1, 8);
        BatchScheduler s = scheduler(environment(0, 8, Time.seconds(60)),
                job(1, 0, 100, 2, 0), job(2, 0, 50, 2, 0), job(3, 200, 30, 4, 0));
        sim.run();
        billing.close(sim.now());
        assertThat(s.completed()).isEqualTo(3);
        assertThat(s.instanceIds().size()).isEqualTo(2);
        assertThat(billing.billedSecondsByType()).containsEntry("test.four", 250L);
        assertThat(billing.totalUsd()).isCloseTo(250 * 0.20 / 3600, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.waits().meanMicros()).isEqualTo(Time.seconds(10)); // each waited for one boot
        assertThat(s.lastCompletion()).isEqualTo(Time.seconds(240));
        // one instance per job (the baseline) bills A 100 s, B 60 s (minimum), C 60 s (minimum): 220 s.
        region(1, 8);
        ArrayDeque<BatchJob> same = new ArrayDeque<>(List.of(job(1, 0, 100, 2, 0), job(2, 0, 50, 2, 0),
                job(3, 200, 30, 4, 0)));
        BatchComputeEnvironment baseline = new BatchComputeEnvironment(sim, fleet, hosts, SPEC, same::poll);
        fleet.addListener(baseline);
        baseline.start();
        sim.run();
        assertThat(billing.billedSecondsByType()).containsEntry("test.four", 220L);
    }

    @Test
    void anIdleInstanceIsReusedWithoutBoot() {
        // A (4 vCPUs, 100 s) on I1: runs 10..110 s. B (4 vCPUs, 50 s) at 130 s, within the 60 s idle
        // window: reuses I1 at once (wait 0), ends at 180 s; I1 ended at 240 s. One instance, billed 230 s.
        region(1, 8);
        BatchScheduler s = scheduler(environment(0, 8, Time.seconds(60)), job(1, 0, 100, 4, 0), job(2, 130, 50, 4, 0));
        sim.run();
        billing.close(sim.now());
        assertThat(s.instanceIds().size()).isEqualTo(1);
        assertThat(s.waits().maxMicros()).isEqualTo(Time.seconds(10));
        assertThat(s.waits().meanMicros()).isEqualTo(Time.seconds(5)); // (10 + 0) / 2
        assertThat(billing.billedSecondsByType()).containsEntry("test.four", 230L);
    }

    @Test
    void jobsPackByCpuAndByMemory() {
        // four 1-vCPU jobs fill one 4-vCPU instance; four 1-vCPU, 10 GiB jobs need one 16 GiB instance each
        region(4, 16);
        BatchScheduler byCpu = scheduler(environment(0, 64, 0),
                job(1, 0, 10, 1, 0), job(2, 0, 10, 1, 0), job(3, 0, 10, 1, 0), job(4, 0, 10, 1, 0));
        sim.run();
        assertThat(byCpu.instanceIds().size()).isEqualTo(1);
        region(4, 16);
        BatchScheduler byMemory = scheduler(environment(0, 64, 0), job(1, 0, 10, 1, 10240),
                job(2, 0, 10, 1, 10240), job(3, 0, 10, 1, 10240), job(4, 0, 10, 1, 10240));
        sim.run();
        assertThat(byMemory.instanceIds().size()).isEqualTo(4);
        assertThat(byMemory.completed()).isEqualTo(4);
    }

    @Test
    void higherPriorityQueueGoesFirst() {
        // One instance at most (max 4 vCPUs). L1 (low) runs 10..110 s. At 50 s L2 (low, 30 s) and H
        // (high, 100 s) queue. At 110 s the high queue goes first: H 110..210 s, then L2 210..240 s.
        // Responses: L1 110 s, H 160 s, L2 190 s: mean 460 / 3 s. (Low first would give L2 90 s,
        // H 190 s: mean 130 s.)
        region(1, 8);
        BatchScheduler s = new BatchScheduler(sim, fleet, hosts, List.of(environment(0, 4, Time.seconds(60))),
                List.of(new JobQueueSpec("low", 1, new int[] {0}), new JobQueueSpec("high", 10, new int[] {0})),
                List.of(new ArrayDeque<>(List.of(job(1, 0, 100, 4, 0), job(2, 50, 30, 4, 0)))::poll,
                        new ArrayDeque<>(List.of(job(3, 50, 100, 4, 0)))::poll));
        fleet.addListener(s);
        s.start();
        sim.run();
        assertThat(s.completed()).isEqualTo(3);
        assertThat(s.responses().meanMicros()).isEqualTo(Time.seconds(460) / 3.0);
        assertThat(s.lastCompletion()).isEqualTo(Time.seconds(240));
    }

    @Test
    void multiNodeJobStartsWhenAllItsInstancesRun() {
        // 8 vCPUs on 4-vCPU instances: 2 nodes, 2 instances, both running at 10 s; ends at 110 s.
        // A 12-vCPU job needs 3 instances, more than max 8 vCPUs (2 instances) allows: rejected.
        region(1, 16);
        BatchScheduler s = scheduler(environment(0, 8, 0), job(1, 0, 100, 8, 0), job(2, 0, 100, 12, 0));
        sim.run();
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(s.instanceIds().size()).isEqualTo(2);
        assertThat(s.lastCompletion()).isEqualTo(Time.seconds(110));
    }

    @Test
    void minimumVcpusAreKeptRunningAndTakeJobsWithoutBoot() {
        // min 4 vCPUs: one instance from 0 (running at 10 s), never scaled in. A job at 100 s starts at once.
        region(1, 8);
        BatchScheduler s = scheduler(environment(4, 8, 0), job(1, 100, 50, 2, 0));
        sim.runUntil(Time.seconds(1000));
        assertThat(s.waits().maxMicros()).isZero();
        assertThat(s.liveInstances(0)).isEqualTo(1);
        assertThat(s.instanceIds().size()).isEqualTo(1);
    }

    @Test
    void aJobOnALostInstanceRunsAgainFromTheStart() {
        // Two hosts of 4 threads. A (4 vCPUs, 100 s) runs on host 0 from 10 s; host 0 fails at 50 s: A
        // goes back to its queue, a new instance on host 1 runs at 60 s, A ends at 160 s. Its wait
        // counts once (10 s).
        region(2, 4);
        BatchScheduler s = scheduler(environment(0, 8, 0), job(1, 0, 100, 4, 0));
        fleet.scheduleHostFailure(0, Time.seconds(50));
        sim.run();
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.interrupted()).isEqualTo(1);
        assertThat(s.lastCompletion()).isEqualTo(Time.seconds(160));
        assertThat(s.waits().count()).isEqualTo(1);
        assertThat(s.waits().maxMicros()).isEqualTo(Time.seconds(10));
    }

    @Test
    void arrayJobChildrenPackTogether() {
        // an array of 4 children of a 1-vCPU job: one 4-vCPU instance runs them all at once
        region(1, 8);
        ArrayDeque<BatchJob> parents = new ArrayDeque<>(List.of(job(1, 0, 30, 1, 0), job(2, 100, 30, 1, 0)));
        ArrayJobs children = new ArrayJobs(parents::poll, 4);
        List<Long> ids = new ArrayList<>();
        BatchScheduler s = new BatchScheduler(sim, fleet, hosts, List.of(environment(0, 8, Time.seconds(60))),
                List.of(new JobQueueSpec("q", 1, new int[] {0})), List.of(() -> {
                    BatchJob j = children.next();
                    if (j != null) {
                        ids.add(j.id());
                    }
                    return j;
                }));
        fleet.addListener(s);
        s.start();
        sim.run();
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(s.completed()).isEqualTo(8);
        assertThat(s.instanceIds().size()).isEqualTo(1); // the second array reuses the idle instance at 100 s
    }
}
