package io.stratus.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.LaunchSpec;
import io.stratus.sim.Time;
import io.stratus.testkit.Rig;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** No request is ever routed to a target that is not in rotation, whatever happens to targets. */
class RoutingPropertiesTest {

    @Property(tries = 60, seed = "20261123")
    void noRequestGoesToAnUnhealthyOrDrainingTargetUnlessFailingOpen(
            @ForAll @IntRange(min = 1, max = 6) int targets,
            @ForAll @IntRange(min = 0, max = 2) int algorithm,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 99) Integer> ops,
            @ForAll long seed) {
        Rig rig = new Rig(seed, 1);
        TargetGroup tg = rig.targetGroup("web", RoutingAlgorithms.NAMES.get(algorithm),
                new HealthCheckSettings(Time.seconds(10), Time.seconds(2), 2, 2, Time.MILLISECOND), Time.seconds(30));
        int[] ids = new int[targets];
        for (int i = 0; i < targets; i++) {
            ids[i] = rig.fleet.launch(new LaunchSpec(Rig.ONE_VCPU, 0, Time.seconds(5L * i), 0));
            tg.register(ids[i]);
        }
        var random = rig.sim.random().stream("test/ops");
        List<String> violations = new ArrayList<>();
        int opKind = rig.sim.registerKind("test-op", (op, d) -> {
            int id = ids[random.nextInt(ids.length)];
            if (op < 60) {
                TargetHealth[] before = new TargetHealth[ids.length];
                long[] routedBefore = new long[ids.length];
                boolean anyHealthy = false;
                for (int i = 0; i < ids.length; i++) {
                    before[i] = tg.health(ids[i]);
                    routedBefore[i] = tg.routedTo(ids[i]);
                    anyHealthy |= before[i] == TargetHealth.HEALTHY;
                }
                tg.route(Time.seconds(1 + random.nextInt(20)));
                for (int i = 0; i < ids.length; i++) {
                    if (tg.routedTo(ids[i]) != routedBefore[i]) {
                        boolean ok = before[i] == TargetHealth.HEALTHY
                                || before[i] == TargetHealth.UNHEALTHY && !anyHealthy;
                        if (!ok) {
                            violations.add("request to " + ids[i] + " in state " + before[i] + " (any healthy: "
                                    + anyHealthy + ") at " + Time.format(rig.sim.now()));
                        }
                    }
                }
            } else if (op < 75) {
                tg.setApplicationFailed(id, random.nextInt(2) == 0);
            } else if (op < 85) {
                tg.deregister(id);
            } else if (op < 95) {
                if (tg.health(id) == TargetHealth.NOT_REGISTERED) {
                    tg.register(id);
                }
            } else {
                tg.setTrafficFilter(random.nextInt(2) == 0 ? TrafficFilter.ALLOW_ALL : (i, port) -> i != id);
            }
        });
        long t = 0;
        for (int op : ops) {
            t += Time.seconds(1 + op % 13);
            rig.sim.schedule(t, opKind, op, 0);
        }
        rig.sim.runUntil(t + Time.MINUTE);
        assertThat(violations).isEmpty();
    }
}
