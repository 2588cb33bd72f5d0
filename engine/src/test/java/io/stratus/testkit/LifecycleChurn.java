package io.stratus.testkit;

import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchSpec;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoundRobinRouting;
import io.stratus.lb.TargetGroup;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;

/**
 * Many instance lifecycles through a {@link Rig}'s fleet, as a service's group drives them: each
 * simulated second one m5.large is launched and registered with the target group; once more than
 * {@code running} run, the oldest is terminated (and deregistered as it shuts down, draining the
 * requests it still has); a few requests are routed each second. For the structural memory tests:
 * ids keep growing while the instances alive stay few.
 */
public final class LifecycleChurn {

    private final Rig rig;
    private final TargetGroup targetGroup;
    private final IntArrayFIFOQueue runningIds = new IntArrayFIFOQueue();
    private int peakLive;

    /** Churns {@code rig}'s fleet through a new round-robin target group (ALB health checks, 30 s drain). */
    public LifecycleChurn(Rig rig) {
        this.rig = rig;
        this.targetGroup = rig.targetGroup("web", RoundRobinRouting.NAME, HealthCheckSettings.albDefaults(),
                Time.seconds(30));
        rig.fleet.addListener((instance, from, to, now) -> {
            if (to == InstanceState.RUNNING) {
                runningIds.enqueue(instance.id());
            } else if (to == InstanceState.SHUTTING_DOWN) {
                targetGroup.deregister(instance.id());
            }
        });
    }

    /**
     * Runs {@code lifecycles} launches, keeping {@code running} instances running, routing
     * {@code requestsPerSecond} requests of 300 ms of CPU each second.
     */
    public void run(int lifecycles, int running, int requestsPerSecond) {
        LaunchSpec spec = new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(30), Time.seconds(5));
        for (int i = 0; i < lifecycles; i++) {
            int id = rig.fleet.launch(spec);
            if (id < 0) {
                throw new IllegalStateException("no room for " + running + " running instances");
            }
            targetGroup.register(id);
            while (runningIds.size() > running) {
                rig.fleet.terminate(runningIds.dequeueInt());
            }
            for (int r = 0; r < requestsPerSecond; r++) {
                targetGroup.route(300 * Time.MILLISECOND);
            }
            peakLive = Math.max(peakLive, rig.fleet.liveCount());
            rig.sim.runUntil(rig.sim.now() + Time.SECOND);
        }
    }

    /** The target group every instance joins. */
    public TargetGroup targetGroup() {
        return targetGroup;
    }

    /** The most instances not terminated at once so far. */
    public int peakLive() {
        return peakLive;
    }
}
