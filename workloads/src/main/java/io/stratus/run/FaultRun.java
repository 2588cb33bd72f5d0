package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.fault.HostDowntime;
import io.stratus.fault.HostFailureProcess;
import io.stratus.fault.ScheduledHostEvent;
import io.stratus.fault.ZoneOutage;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CompletionListener;
import io.stratus.infra.HostTable;
import io.stratus.scenario.FaultsConfig;
import io.stratus.scenario.Scenario;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario's {@code faults:} during a run: builds the engine's fault models on the run's hosts
 * (random host failures, zone outages, scheduled events, all through one {@link HostDowntime}),
 * turns on EC2 automatic recovery for the instances of fixed fleets (EC2 does not recover
 * instances of Auto Scaling groups: the group replaces them), and measures each service minute by
 * minute: a minute breaches the objective when more than {@code 1 - objective} of its arrivals'
 * worth of requests were bad in it: failed, whatever the cause (refused with no healthy target,
 * refused for capacity, lost with an instance), or, with a latency bound, served slower than it.
 *
 * <p>Simplifications: a target leaves its load balancer's rotation the moment its host fails (an
 * ALB notices after its health checks fail, up to a minute or more, and meanwhile sends requests
 * there); latency is measured at the end of the CPU stage; requests in an I/O stage or at a cache's backend when their instance goes
 * are not counted as lost here (the service's own {@code dropped} still has them).
 */
final class FaultRun implements InstanceListener, CompletionListener {

    private final Simulation sim;
    private final Fleet fleet;
    private final FaultsConfig config;
    private final HostDowntime downtime;
    private final List<ServiceRun> services = new ArrayList<>();
    private final List<ScheduledHostEvent> events = new ArrayList<>();
    private final long[] lost;
    private final long[] slow;
    private final long[] lastArrived;
    private final long[] lastFailed;
    private final long[] minutes;
    private final long[] breachMinutes;
    private final long[] streak;
    private final long[] longest;
    private final long[] counts = new long[3];
    private long sampledAt;

    private FaultRun(Scenario scenario, Simulation sim, HostTable hosts, Fleet fleet, List<WorkloadRun> runs,
                     CompletionFanout completions) {
        this.sim = sim;
        this.fleet = fleet;
        this.config = scenario.faults();
        this.downtime = new HostDowntime(sim, fleet, hosts);
        Set<String> fixedFleets = new HashSet<>();
        for (WorkloadRun run : runs) {
            if (run instanceof ServiceRun s) {
                services.add(s);
                if (s.config().autoScaling() == null) {
                    fixedFleets.add("service/" + s.config().name());
                }
            }
        }
        int n = services.size();
        lost = new long[n];
        slow = new long[n];
        lastArrived = new long[n];
        lastFailed = new long[n];
        minutes = new long[n];
        breachMinutes = new long[n];
        streak = new long[n];
        longest = new long[n];
        if (config.autoRecovery()) {
            fleet.setAutoRecovery(instance -> fixedFleets.contains(instance.spec().group()));
        }
        fleet.addListener(this);
        if (config.latencyMicros() > 0) {
            completions.add(this);
        }
        build(hosts);
    }

    /** The fault run of a scenario with faults, started; null for a scenario without. */
    static FaultRun attach(Scenario scenario, Simulation sim, HostTable hosts, Fleet fleet, List<WorkloadRun> runs,
                           CompletionFanout completions) {
        return scenario.faults().any() ? new FaultRun(scenario, sim, hosts, fleet, runs, completions) : null;
    }

    private void build(HostTable hosts) {
        FaultsConfig.HostFailures f = config.hostFailures();
        if (f != null) {
            IntArrayList chosen = new IntArrayList();
            for (int h = 0; h < downtime.hostCount(); h++) {
                if (f.zones().contains(hosts.zoneOf(h))) {
                    chosen.add(h);
                }
            }
            new HostFailureProcess(sim, downtime, "hosts", chosen.toIntArray(), f.timeToFailure(), f.repair()).start();
        }
        for (FaultsConfig.ZoneOutageAt o : config.zoneOutages()) {
            new ZoneOutage(sim, downtime, o.zone(), o.startMicros(), o.durationMicros()).start();
        }
        for (FaultsConfig.ScheduledEvent e : config.scheduledEvents()) {
            ScheduledHostEvent event = new ScheduledHostEvent(sim, downtime, e.kind(), hostOf(hosts, e.zone(),
                    e.hostInZone()), e.atMicros(), e.noticeMicros(), e.windowMicros());
            event.start();
            events.add(event);
        }
        int[] kind = new int[1];
        kind[0] = sim.registerKind("faults/minute", (s, d) -> {
            sample();
            sim.scheduleIn(Time.MINUTE, kind[0], 0, 0);
        });
        sim.schedule(Time.MINUTE, kind[0], 0, 0);
    }

    /** The index of host {@code inZone} (from 0) of zone {@code zone}, in table order. */
    private static int hostOf(HostTable hosts, int zone, int inZone) {
        int seen = 0;
        for (int h = 0; h < hosts.hostCount(); h++) {
            if (hosts.zoneOf(h) == zone && seen++ == inZone) {
                return h;
            }
        }
        throw new IllegalArgumentException("zone " + zone + " has no host " + inZone);
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (from != InstanceState.RUNNING) {
            return;
        }
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).owns(instance.id())) {
                lost[i] += fleet.droppedByLastChange();
                return;
            }
        }
    }

    /** A request finished its CPU work: counted slow if it took longer than the latency bound. */
    @Override
    public void completed(int instance, long arrivalTime, long now) {
        if (now - arrivalTime <= config.latencyMicros()) {
            return;
        }
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).owns(instance)) {
                slow[i]++;
                return;
            }
        }
    }

    /** Closes the minute (or the part of one) ending now, for every service. */
    private void sample() {
        if (sim.now() == sampledAt) {
            return;
        }
        sampledAt = sim.now();
        for (int i = 0; i < services.size(); i++) {
            services.get(i).requestCounts(counts);
            long arrived = counts[0] - lastArrived[i];
            long failed = counts[1] + lost[i] + slow[i] - lastFailed[i];
            lastArrived[i] = counts[0];
            lastFailed[i] = counts[1] + lost[i] + slow[i];
            if (arrived > 0) {
                minutes[i]++;
            }
            if (failed > 0 && failed > (1 - config.availabilityObjective()) * arrived) {
                breachMinutes[i]++;
                longest[i] = Math.max(longest[i], ++streak[i]);
            } else {
                streak[i] = 0;
            }
        }
    }

    /** What the faults did, at the end of the run. */
    FaultsResult result(long end) {
        sample();
        List<ServiceFaults> out = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            services.get(i).requestCounts(counts);
            out.add(new ServiceFaults(services.get(i).config().name(), counts[0], counts[1] - counts[2], counts[2],
                    lost[i], slow[i], minutes[i], breachMinutes[i], longest[i], config.availabilityObjective()));
        }
        double hostHours = 0;
        for (int h = 0; h < downtime.hostCount(); h++) {
            hostHours += downtime.downMicros(h) / (double) Time.HOUR;
        }
        int notices = (int) events.stream().filter(ScheduledHostEvent::noticed).count();
        return new FaultsResult(downtime.failures(), hostHours, downtime.instancesLost(), fleet.recovered(), notices,
                out);
    }
}
