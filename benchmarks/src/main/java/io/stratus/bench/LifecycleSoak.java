package io.stratus.bench;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.lb.HealthCheckSettings;
import io.stratus.lb.RoundRobinRouting;
import io.stratus.lb.RoutingAlgorithms;
import io.stratus.lb.TargetGroup;
import io.stratus.pricing.UsageMeter;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * The lifecycle soak: runs many instance launches and terminations through one {@link Fleet}
 * with the components a service run wires to it (CPU sharing serving requests, a target group
 * that each instance joins at launch and leaves at termination as an auto scaling group does,
 * routing {@code requests} requests of 300 ms of CPU per simulated second, and a usage meter
 * billing every instance) and prints the retained heap (used heap right after a full GC) at the
 * start, at intervals and at the end.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.stratus.bench.LifecycleSoak [lifecycles] [live] [reports] [requests]
 * </pre>
 *
 * Each simulated second one instance is launched and, once more than {@code live} are running,
 * the oldest running one is terminated: {@code live} instances stay up while ids keep growing.
 * A memory that is O(instances live) stays flat; one that is O(instances ever launched) climbs
 * by a fixed number of bytes per lifecycle, which the last column shows.
 */
public final class LifecycleSoak {

    private LifecycleSoak() {
    }

    public static void main(String[] args) {
        long lifecycles = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int live = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int reports = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        Simulation sim = new Simulation(42);
        HostTable hosts = new HostTable(List.of(new Zone(0, "soak-a")));
        hosts.addHosts(new HostSpec("m5-host", "m5", 96, 384 * 1024), 0, live / 40 + 2);
        CompletionFanout completions = new CompletionFanout();
        CpuSharing cpus = new CpuSharing(sim, completions);
        Fleet fleet = new Fleet(sim, hosts, "first-fit", cpus);
        TargetGroup tg = new TargetGroup(sim, "soak", 80, cpus,
                RoutingAlgorithms.create(RoundRobinRouting.NAME, sim.random().stream("soak/routing")),
                HealthCheckSettings.albDefaults(), Time.seconds(30));
        fleet.addListener(tg);
        completions.add(tg);
        UsageMeter meter = new UsageMeter();
        fleet.addListener(meter);
        InstanceType type = InstanceCatalog.bundled().get("m5.large");
        LaunchSpec spec = new LaunchSpec(type, 0, Time.seconds(30), Time.seconds(5));

        IntArrayFIFOQueue running = new IntArrayFIFOQueue();
        fleet.addListener((instance, from, to, now) -> {
            if (to == InstanceState.RUNNING) {
                running.enqueue(instance.id());
            } else if (to == InstanceState.SHUTTING_DOWN) {
                tg.deregister(instance.id());
            }
        });
        long[] launched = {0};
        int[] tick = {-1};
        tick[0] = sim.registerKind("soak-tick", (s, d) -> {
            int id = fleet.launch(spec);
            if (id < 0) {
                throw new IllegalStateException("no room: the soak's hosts are sized for " + live + " instances");
            }
            tg.register(id);
            launched[0]++;
            while (running.size() > live) {
                fleet.terminate(running.dequeueInt());
            }
            for (int r = 0; r < requests; r++) {
                tg.route(300 * Time.MILLISECOND);
            }
            if (launched[0] < lifecycles) {
                sim.scheduleIn(Time.SECOND, tick[0], 0, 0);
            }
        });

        System.out.printf(Locale.ROOT, "# %s %s, max heap %d MiB; %d lifecycles, %d live, %d requests/s%n",
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20, lifecycles, live, requests);
        System.out.println("lifecycles\tlive\tretained_MiB\twall_s\tbytes_per_lifecycle_since_start");
        long start = System.nanoTime();
        sim.schedule(0, tick[0], 0, 0);
        long base = retained();
        report(0, fleet.liveCount(), base, start, base);
        long step = Math.max(1, lifecycles / reports);
        for (long next = step; ; next = Math.min(lifecycles, next + step)) {
            while (launched[0] < next && sim.pendingEvents() > 0) {
                sim.runUntil(sim.now() + Time.SECOND);
            }
            report(launched[0], fleet.liveCount(), retained(), start, base);
            if (next >= lifecycles) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "# requests routed %d, completed %d, refused %d; billed instance-hours %.1f; "
                + "CPU slots %d, target-group slots %d, instances kept by the meter %d%n", tg.routed(),
                cpus.completed(), tg.refused(), (meter.ledger().retiredInstanceMicros()
                        + sumKept(meter, fleet.size())) / (double) Time.HOUR,
                cpus.slotCapacity(), tg.slotCapacity(), meter.ledger().instancesKept());
    }

    private static long sumKept(UsageMeter meter, int ids) {
        long total = 0;
        for (int id = 0; id < ids; id++) {
            total += meter.ledger().instanceMicros(id);
        }
        return total;
    }

    private static void report(long done, int live, long bytes, long start, long base) {
        System.out.printf(Locale.ROOT, "%d\t%d\t%.1f\t%.1f\t%s%n", done, live, bytes / 1048576.0,
                (System.nanoTime() - start) / 1e9, done == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                        (bytes - base) / (double) done));
    }

    /** Used heap right after a full collection. */
    private static long retained() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
