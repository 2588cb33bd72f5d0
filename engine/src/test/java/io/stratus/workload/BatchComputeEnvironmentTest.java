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
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked batch schedules; each expected time is derived in a comment. */
class BatchComputeEnvironmentTest {

    // 2 vCPUs, 8 GiB, $0.10 per hour
    private static final InstanceType TWO = new InstanceType("test.two", "test", InstanceCategory.GENERAL_PURPOSE,
            "two", 2, 8.0, 0, 0, 0, 0, 0.10);

    private Simulation sim;
    private Fleet fleet;
    private OnDemandBilling billing;

    private BatchComputeEnvironment environment(int hostThreads, BatchJob... jobs) {
        sim = new Simulation(1);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", hostThreads, hostThreads * 4L * 1024), 0, 1);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        billing = new OnDemandBilling();
        ArrayDeque<BatchJob> queue = new ArrayDeque<>(List.of(jobs));
        BatchComputeEnvironment env = new BatchComputeEnvironment(sim, fleet, hosts,
                new LaunchSpec(TWO, -1, Time.seconds(10), Time.seconds(5)), queue::poll);
        fleet.addListener(env);
        fleet.addListener(billing);
        env.start();
        return env;
    }

    @Test
    void jobsWaitForBootAndForCapacity() {
        // Host of 4 threads holds two 2-vCPU instances.
        // A: submitted at 0, 4 vCPUs -> 2 instances, running at 10 s, ends at 110 s, hosts free at 115 s.
        // B: submitted at 1 s, 2 vCPUs -> 1 instance, queued until 115 s, running at 125 s, ends at 175 s.
        BatchComputeEnvironment env = environment(4,
                new BatchJob(1, 0, Time.seconds(100), 4, 0),
                new BatchJob(2, Time.seconds(1), Time.seconds(50), 2, 0));
        sim.run();
        assertThat(env.completed()).isEqualTo(2);
        assertThat(env.lastCompletion()).isEqualTo(Time.seconds(175));
        // waits: A 10 s, B 125 - 1 = 124 s; mean 67 s
        assertThat(env.waits().meanMicros()).isEqualTo(Time.seconds(67));
        assertThat(env.waits().maxMicros()).isEqualTo(Time.seconds(124));
        // billed: A's two instances 100 s each, B's one 50 s but the minimum is 60 s: 260 s
        assertThat(billing.billedSecondsByType()).containsEntry("test.two", 260L);
    }

    @Test
    void jobTooBigForTheRegionIsRejected() {
        // 6 vCPUs need 3 instances; an empty 4-thread host holds only 2
        BatchComputeEnvironment env = environment(4, new BatchJob(1, 0, Time.seconds(10), 6, 0),
                new BatchJob(2, 0, Time.seconds(10), 2, 0));
        sim.run();
        assertThat(env.rejected()).isEqualTo(1);
        assertThat(env.completed()).isEqualTo(1);
    }

    @Test
    void failedHostsAreNotCountedAndAJobTheyWouldHaveTakenWaits() {
        // Two 4-thread hosts; host 1 fails before anything is submitted. Job 1 needs 8 vCPUs (4
        // instances): only host 0 works, so it can never fit and is rejected (it used to pass the
        // count of free threads and crash at launch). Job 2 (2 vCPUs, 1 instance) runs at 10 s.
        sim = new Simulation(1);
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        hosts.addHosts(new HostSpec("h", "test", 4, 16L * 1024), 0, 2);
        fleet = new Fleet(sim, hosts, "first-fit", new CpuSharing(sim, (i, a, n) -> { }));
        fleet.failHost(1);
        ArrayDeque<BatchJob> queue = new ArrayDeque<>(List.of(new BatchJob(1, 0, Time.seconds(10), 8, 0),
                new BatchJob(2, 0, Time.seconds(10), 2, 0)));
        BatchComputeEnvironment env = new BatchComputeEnvironment(sim, fleet, hosts,
                new LaunchSpec(TWO, -1, Time.seconds(10), Time.seconds(5)), queue::poll);
        fleet.addListener(env);
        env.start();
        sim.run();
        assertThat(env.rejected()).isEqualTo(1);
        assertThat(env.refusedByPlacement()).isZero();
        assertThat(env.completed()).isEqualTo(1);
        assertThat(env.lastCompletion()).isEqualTo(Time.seconds(20));
    }

    @Test
    void memoryCanDecideTheInstanceCount() {
        // 2 vCPUs but 20 GiB: ceil(20 / 8) = 3 instances of 8 GiB
        BatchComputeEnvironment env = environment(8);
        assertThat(env.instancesFor(new BatchJob(1, 0, 1, 2, 20 * 1024))).isEqualTo(3);
        assertThat(env.instancesFor(new BatchJob(1, 0, 1, 5, 0))).isEqualTo(3);
        assertThat(env.instancesFor(new BatchJob(1, 0, 1, 1, 0))).isEqualTo(1);
    }

    @Test
    void laterSmallJobDoesNotOvertakeTheQueueHead() {
        // Host of 8 threads: 4 instances. A (3 instances) runs 10..110 s; B needs 2, only 1 free: queued.
        // C needs 1 and would fit, but first come first served keeps it behind B.
        // A ends at 110 s, hosts free at 115 s; B and C both launch at 115 s, run from 125 s.
        BatchComputeEnvironment env = environment(8,
                new BatchJob(1, 0, Time.seconds(100), 6, 0),
                new BatchJob(2, Time.seconds(1), Time.seconds(10), 4, 0),
                new BatchJob(3, Time.seconds(2), Time.seconds(10), 2, 0));
        sim.run();
        // waits: A 10 s, B 124 s, C 123 s
        assertThat(env.waits().maxMicros()).isEqualTo(Time.seconds(124));
        assertThat(env.waits().meanMicros()).isEqualTo((10 + 124 + 123) * Time.SECOND / 3.0);
        assertThat(env.lastCompletion()).isEqualTo(Time.seconds(135));
    }
}
