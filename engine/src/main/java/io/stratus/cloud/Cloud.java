package io.stratus.cloud;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.placement.PlacementContext;
import io.stratus.placement.PlacementPolicy;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.sim.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulated cloud wired by {@link CloudBuilder}: the simulation, the hosts, CPU sharing, the
 * fleet, on-demand billing and one {@link ServiceRun} per service. Run it once with
 * {@link #run(long)}, then read each service's counts and latency and the bill.
 *
 * <p>The engine parts stay reachable ({@link #simulation()}, {@link #fleet()}, ...) for what
 * the facade does not cover, such as failing a host at a given time. Deterministic: the same
 * description and seed give the same numbers.
 */
public final class Cloud {

    private final Simulation sim;
    private final HostTable hosts;
    private final CpuSharing cpus;
    private final Fleet fleet;
    private final OnDemandBilling billing;
    private final Map<String, ServiceRun> services = new LinkedHashMap<>();
    private long ranUntil = -1;

    Cloud(long seed, List<String> zoneNames, HostSpec host, int hostsPerZone,
          Function<PlacementContext, PlacementPolicy> placement, List<ServiceBuilder> described,
          InstanceCatalog catalog) {
        sim = new Simulation(seed);
        List<Zone> zones = new ArrayList<>();
        for (int z = 0; z < zoneNames.size(); z++) {
            zones.add(new Zone(z, zoneNames.get(z)));
        }
        hosts = new HostTable(zones);
        for (int z = 0; z < zones.size(); z++) {
            hosts.addHosts(host, z, hostsPerZone);
        }
        CompletionFanout completions = new CompletionFanout();
        cpus = new CpuSharing(sim, completions);
        fleet = new Fleet(sim, hosts, cpus, placement);
        fleet.setCpuSpeeds(PerformanceCatalog.bundled()::speedOf);
        billing = new OnDemandBilling(fleet::surplusCredits);
        fleet.addListener(billing);
        for (ServiceBuilder s : described) {
            LaunchSpec launch = new LaunchSpec(catalog.get(s.type), 0, s.bootMicros, s.shutdownMicros).withGroup(s.name);
            services.put(s.name, new ServiceRun(sim, fleet, cpus, completions, zones.size(), s, launch));
        }
    }

    /** A new, empty description. */
    public static CloudBuilder builder() {
        return new CloudBuilder();
    }

    /**
     * Runs the simulation from time 0 to {@code durationMicros} and closes the bill there.
     *
     * @throws IllegalStateException if the cloud has run already (a bill is closed once)
     */
    public Cloud run(long durationMicros) {
        if (ranUntil >= 0) {
            throw new IllegalStateException("this cloud has run already (to " + ranUntil
                    + " us); build a new one from the builder to run again");
        }
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("duration must be positive, got " + durationMicros + " us");
        }
        for (ServiceRun s : services.values()) {
            s.start();
        }
        sim.runUntil(durationMicros);
        billing.close(durationMicros);
        ranUntil = durationMicros;
        return this;
    }

    /** The service of that name. */
    public ServiceRun service(String name) {
        ServiceRun s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service '" + name + "'; services: " + services.keySet());
        }
        return s;
    }

    /** Every service, in the order described. */
    public Map<String, ServiceRun> services() {
        return Collections.unmodifiableMap(services);
    }

    /** The on-demand instance bill so far, USD (instances only: no EBS, load balancer or data transfer). */
    public double onDemandUsd() {
        return billing.totalUsd();
    }

    /** The simulation (clock, events, random streams). */
    public Simulation simulation() {
        return sim;
    }

    /** The hosts. */
    public HostTable hosts() {
        return hosts;
    }

    /** The fleet of instances. */
    public Fleet fleet() {
        return fleet;
    }

    /** The hypervisor's CPU sharing. */
    public CpuSharing cpus() {
        return cpus;
    }
}
