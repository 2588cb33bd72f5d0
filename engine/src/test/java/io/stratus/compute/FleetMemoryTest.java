package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import org.junit.jupiter.api.Test;

/**
 * The fleet's per-instance memory follows the instances alive, not those ever launched: a
 * structural check on its arrays' length, not a heap measurement.
 */
class FleetMemoryTest {

    @Test
    void perInstanceArraysStayBoundedByThePeakLiveCountOver200kLifecycles() {
        Rig rig = new Rig(3, 2); // room for 96 m5.large per zone
        Fleet fleet = rig.fleet;
        LaunchSpec spec = new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(30), Time.seconds(5));
        IntArrayFIFOQueue running = new IntArrayFIFOQueue();
        fleet.addListener((instance, from, to, now) -> {
            if (to == InstanceState.RUNNING) {
                running.enqueue(instance.id());
            }
        });
        int target = 20;
        int peakLive = 0;
        int lifecycles = 200_000;
        int previousId = -1;
        for (int i = 0; i < lifecycles; i++) {
            int id = fleet.launch(spec);
            assertThat(id).isEqualTo(previousId + 1); // ids stay unique and increasing
            previousId = id;
            while (running.size() > target) {
                fleet.terminate(running.dequeueInt());
            }
            peakLive = Math.max(peakLive, fleet.liveCount());
            rig.sim.runUntil(rig.sim.now() + Time.SECOND);
        }
        assertThat(fleet.size()).isEqualTo(lifecycles);
        // each second adds one instance; 30 s booting, 5 s shutting down, 20 running
        assertThat(peakLive).isBetween(target, target + 40);
        assertThat(fleet.slotCapacity()).isLessThanOrEqualTo(Math.max(16, 2 * peakLive));
        int live = 0;
        for (InstanceState s : InstanceState.values()) {
            live += s == InstanceState.TERMINATED ? 0 : fleet.count(s);
        }
        assertThat(fleet.liveCount()).isEqualTo(live);
        assertThat(fleet.count(InstanceState.TERMINATED)).isEqualTo(lifecycles - live);
    }

    @Test
    void aTerminatedInstanceIsForgottenButItsStateIsStillKnown() {
        Rig rig = new Rig(3, 1);
        int id = rig.fleet.launch(new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(30), Time.seconds(5)));
        rig.sim.runUntil(Time.seconds(30));
        Instance instance = rig.fleet.instance(id);
        rig.fleet.terminate(id);
        assertThat(rig.fleet.instance(id)).isSameAs(instance); // shutting down: still kept
        rig.sim.runUntil(Time.seconds(35));
        assertThat(instance.state()).isEqualTo(InstanceState.TERMINATED);
        assertThat(rig.fleet.state(id)).isEqualTo(InstanceState.TERMINATED);
        assertThat(rig.fleet.liveCount()).isZero();
        assertThatThrownBy(() -> rig.fleet.instance(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("terminated");
        assertThatThrownBy(() -> rig.fleet.state(id + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no instance");
        int next = rig.fleet.launch(new LaunchSpec(Rig.M5_LARGE, 0, Time.seconds(30), Time.seconds(5)));
        assertThat(next).isEqualTo(id + 1);
        assertThat(rig.fleet.slotCapacity()).isEqualTo(16);
    }
}
