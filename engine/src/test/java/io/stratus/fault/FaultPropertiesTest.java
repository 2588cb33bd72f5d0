package io.stratus.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.Instance;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.RandomStream;
import io.stratus.sim.Time;
import io.stratus.storage.InstanceStore;
import io.stratus.testkit.Rig;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Under random launches, terminations, requests, host failures and repairs (with automatic
 * recovery for some instances): no request disappears without a counted cause, no instance is
 * billed while its host is down, and instance-store data never survives the loss of its host.
 */
class FaultPropertiesTest {

    private static final InstanceType EBS_ONLY = InstanceCatalog.bundled().get("m5.large");
    private static final InstanceType WITH_STORE = InstanceCatalog.bundled().get("m5d.large");

    /** A running interval of an instance on a host, [start, end). */
    private record Interval(int id, int host, long start, long end) {
    }

    @Property(tries = 40, seed = "20261203")
    void requestsAreAccountedBillingStopsWithTheHostAndInstanceStoresDie(
            @ForAll @IntRange(min = 50, max = 400) int opCount, @ForAll long seed) {
        Rig rig = new Rig(seed, 3);
        HostDowntime downtime = new HostDowntime(rig.sim, rig.fleet, rig.hosts);
        rig.fleet.setAutoRecovery(instance -> instance.id() % 2 == 0);
        InstanceStore store = new InstanceStore(rig.fleet);
        OnDemandBilling billing = new OnDemandBilling();
        rig.fleet.addListener(billing);
        TargetGroup tg = rig.targetGroup("web", RoutingAlgorithms.NAMES.get(0),
                new HealthCheckSettings(Time.seconds(10), Time.seconds(2), 2, 2, Time.MILLISECOND), Time.seconds(30));
        long[] completed = new long[1];
        rig.completions.add((instance, arrival, now) -> completed[0]++);

        List<String> violations = new ArrayList<>();
        List<Interval> running = new ArrayList<>();
        Int2LongOpenHashMap runningSince = new Int2LongOpenHashMap();
        Int2IntOpenHashMap runningOn = new Int2IntOpenHashMap();
        rig.fleet.addListener((instance, from, to, now) -> {
            if (to == InstanceState.RUNNING) {
                runningSince.put(instance.id(), now);
                runningOn.put(instance.id(), instance.host());
            } else if (from == InstanceState.RUNNING) {
                running.add(new Interval(instance.id(), runningOn.get(instance.id()), runningSince.remove(instance.id()),
                        now));
            }
        });
        List<long[]> downs = new ArrayList<>(); // host, from, to
        long[] downSince = new long[rig.hosts.hostCount()];
        Int2IntOpenHashMap storeWrittenOn = new Int2IntOpenHashMap();
        storeWrittenOn.defaultReturnValue(-1);
        downtime.addListener(new HostDowntime.Listener() {
            @Override
            public void hostDown(int host, long now) {
                downSince[host] = now;
                for (var e : storeWrittenOn.int2IntEntrySet()) {
                    if (e.getIntValue() == host && store.read(e.getIntKey()) != InstanceStore.BLANK) {
                        violations.add("instance store of " + e.getIntKey() + " survived host " + host);
                    }
                }
                storeWrittenOn.values().removeIf(h -> h == host);
            }

            @Override
            public void hostUp(int host, long now) {
                downs.add(new long[] {host, downSince[host], now});
            }
        });

        List<Integer> ids = new ArrayList<>();
        long[] arrived = new long[1];
        RandomStream random = rig.sim.random().stream("test/ops");
        int opKind = rig.sim.registerKind("test-op", (op, d) -> {
            if (op < 15) {
                InstanceType type = op % 2 == 0 ? EBS_ONLY : WITH_STORE;
                int id = rig.fleet.launch(new LaunchSpec(type, op % 3 == 0 ? 1 : 0, Time.seconds(30), Time.seconds(5)));
                if (id >= 0) {
                    tg.register(id);
                    ids.add(id);
                }
            } else if (op < 55) {
                arrived[0]++;
                tg.route(Time.seconds(1 + random.nextInt(30)));
            } else if (op < 65 && !ids.isEmpty()) {
                int id = ids.get(random.nextInt(ids.size()));
                if (rig.fleet.state(id) == InstanceState.RUNNING && rig.fleet.instance(id).type() == WITH_STORE) {
                    store.write(id, 1 + random.nextInt(1000));
                    storeWrittenOn.put(id, rig.fleet.instance(id).host());
                }
            } else if (op < 80) {
                int host = random.nextInt(rig.hosts.hostCount());
                if (!downtime.isDown(host)) {
                    downtime.down(host);
                }
            } else if (op < 92) {
                int host = random.nextInt(rig.hosts.hostCount());
                if (downtime.isDown(host)) {
                    downtime.up(host);
                }
            } else if (!ids.isEmpty()) {
                int id = ids.get(random.nextInt(ids.size()));
                if (rig.fleet.state(id) == InstanceState.RUNNING) {
                    rig.fleet.terminate(id);
                }
            }
        });
        long t = 0;
        RandomStream opRandom = rig.sim.random().stream("test/op-kinds");
        for (int k = 0; k < opCount; k++) {
            int op = opRandom.nextInt(100);
            t += Time.seconds(1 + opRandom.nextInt(17));
            rig.sim.schedule(t, opKind, op, 0);
        }
        long end = t + Time.MINUTE;
        rig.sim.runUntil(end);
        billing.close(end);
        for (var e : runningSince.int2LongEntrySet()) {
            running.add(new Interval(e.getIntKey(), runningOn.get(e.getIntKey()), e.getLongValue(), end));
        }
        for (int h = 0; h < rig.hosts.hostCount(); h++) {
            if (downtime.isDown(h)) {
                downs.add(new long[] {h, downSince[h], Long.MAX_VALUE});
            }
        }

        // no request lost without a cause: served, in progress, lost with its instance, or refused
        long active = 0;
        for (int id : ids) {
            active += rig.cpus.isAttached(id) ? rig.cpus.active(id) : 0;
        }
        assertThat(arrived[0]).isEqualTo(completed[0] + active + rig.cpus.dropped() + tg.refused() + tg.overloaded()
                + tg.blocked());
        // no instance runs, so none is billed, while its host is down
        long expectedSeconds = 0;
        for (Interval i : running) {
            expectedSeconds += OnDemandBilling.billableSeconds(i.end() - i.start());
            for (long[] d : downs) {
                if (d[0] == i.host() && d[1] < i.end() && i.start() < d[2]) {
                    violations.add("instance " + i.id() + " running on host " + i.host() + " from "
                            + Time.format(i.start()) + " to " + Time.format(i.end()) + " while it was down from "
                            + Time.format(d[1]));
                }
            }
        }
        long billed = billing.billedSecondsByType().values().stream().mapToLong(Long::longValue).sum();
        assertThat(billed).isEqualTo(expectedSeconds);
        assertThat(violations).isEmpty();
    }

    /** The property can fail: an instance left running on a downed host would be caught. */
    @Property(tries = 1, seed = "1")
    void instancesOnADownHostAreNeverLeftRunning() {
        Rig rig = new Rig(1, 1);
        HostDowntime downtime = new HostDowntime(rig.sim, rig.fleet, rig.hosts);
        int id = rig.fleet.launch(new LaunchSpec(EBS_ONLY, 0, Time.seconds(30), 0));
        rig.sim.runUntil(Time.MINUTE);
        Instance instance = rig.fleet.instance(id);
        downtime.down(instance.host());
        assertThat(rig.fleet.state(id)).isEqualTo(InstanceState.TERMINATED);
        assertThat(downtime.instancesLost()).isEqualTo(1);
    }
}
