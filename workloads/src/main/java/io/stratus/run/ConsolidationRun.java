package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceState;
import io.stratus.compute.InstanceType;
import io.stratus.compute.InstancesDistribution;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PurchaseMix;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.hypervisor.UtilisationVms;
import io.stratus.infra.HostView;
import io.stratus.monitor.ConsolidationLedger;
import io.stratus.monitor.ConsolidationPeriod;
import io.stratus.placement.ThresholdConsolidation;
import io.stratus.scenario.ConsolidationConfig;
import io.stratus.scenario.MigrationConfig;
import io.stratus.scenario.ScenarioLimits;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.trace.PlanetLabReader;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A consolidation workload during a run: one long-running VM per trace series, launched at the
 * start through the fleet (so the scenario's placement policy picks each host and the host table
 * reserves its vCPUs and memory), running from time 0 (the VMs are already up when the day
 * starts: no boot time), billed on demand. Each VM is a trace-driven member of the run's CPU
 * sharing ({@link UtilisationVms}): every {@link #STEP} its demand becomes its next reading times
 * its vCPUs, and its host's threads are shared in one water-filling with every other member of the
 * host, the VMs and any service, batch or queue instances placed beside them, which steal from
 * each other. The {@link ConsolidationLedger} integrates the VMs' side. A run longer than the trace
 * replays it from its start.
 *
 * <p>A VM that finds no host (the region is full) is counted in the summary and demands without
 * being served. Without a migration policy the VMs never move; with one
 * ({@link ThresholdConsolidation}), at each step after the first the policy looks at the interval
 * that just ended (a host's load counts its request-serving instances' demand at that instant too;
 * only the VMs move), its moves are applied at once (the fleet moves the reservations and the
 * VM's CPU), and each costs the VM a fraction of its CPU while its memory is copied.
 */
final class ConsolidationRun implements WorkloadRun {

    /** The time between readings, and between re-sharings: the PlanetLab interval, 5 minutes. */
    static final long STEP = PlanetLabReader.INTERVAL;

    private final ConsolidationConfig config;
    private final Simulation sim;
    private final Fleet fleet;
    private final HostView hosts;
    private final CpuSharing cpus;
    private final VmUtilisationTraces traces;
    private final IntOpenHashSet ids = new IntOpenHashSet();
    private final WorkloadBill bill;
    private final int stepKind;
    private final ThresholdConsolidation consolidation;
    private int[] instanceOf;
    private final long[] memoryOf;
    private UtilisationVms vms;
    private ConsolidationLedger ledger;
    private int placed;
    private long placedVcpus;
    private long step;
    private long lastPeriodEnd;

    private final PurchaseMix purchases; // the VMs' on-demand / spot split (a compare strategy's)

    ConsolidationRun(ConsolidationConfig config, Simulation sim, Fleet fleet, HostView hosts, CpuSharing cpus,
                     BlockStorage storage, InstancesDistribution purchase) throws IOException {
        this.config = config;
        this.purchases = new PurchaseMix(purchase);
        this.sim = sim;
        this.fleet = fleet;
        this.hosts = hosts;
        this.cpus = cpus;
        this.traces = VmUtilisationTraces.read(config.format(), config.path(), STEP, config.count());
        if (traces.vmCount() > ScenarioLimits.MAX_INSTANCES) {
            throw new IOException(config.path() + ": " + traces.vmCount() + " VMs; a run may launch at most "
                    + ScenarioLimits.MAX_INSTANCES);
        }
        this.bill = new WorkloadBill(fleet, storage, ids::contains);
        this.stepKind = sim.registerKind("consolidation-step", (a, b) -> step());
        int n = traces.vmCount();
        this.memoryOf = new long[n];
        for (int v = 0; v < n; v++) {
            memoryOf[v] = config.typeOf(v).memoryMib();
        }
        this.consolidation = config.migration() == null ? null : new ThresholdConsolidation(config.migration().upper(),
                config.migration().lower(), memoryOf);
    }

    /** Launches every VM now and starts the replay. */
    @Override
    public void start() {
        int n = traces.vmCount();
        int[] vcpus = new int[n];
        int[] hostOf = new int[n];
        instanceOf = new int[n];
        Map<InstanceType, LaunchSpec> specs = new HashMap<>();
        for (int v = 0; v < n; v++) {
            InstanceType type = config.typeOf(v);
            LaunchSpec spec = specs.computeIfAbsent(type,
                    t -> new LaunchSpec(t, -1, 0, 0).withGroup(config.name()));
            vcpus[v] = type.vcpus();
            LaunchSpec bought = purchases.launchSpec(spec);
            int id = fleet.launch(bought);
            instanceOf[v] = id;
            if (id < 0) {
                purchases.left(bought.purchase());
                hostOf[v] = -1;
                continue;
            }
            ids.add(id);
            bill.launched(fleet.instance(id));
            hostOf[v] = fleet.instance(id).host();
            placed++;
            placedVcpus += type.vcpus();
        }
        vms = new UtilisationVms(cpus, hosts, vcpus, instanceOf, hostOf);
        ledger = new ConsolidationLedger(vms, hosts, config.power(), hostOf, sim.now());
        lastPeriodEnd = sim.now();
        sim.schedule(sim.now(), stepKind, 0, 0);
    }

    private void step() {
        ledger.advanceTo(sim.now());
        IntArrayList moves = consolidation == null || step == 0 ? null : consolidation.plan(vms, hosts);
        if (moves != null) {
            // decided on the interval that just ended, as a real controller must
            for (int i = 0; i < moves.size(); i += 2) {
                int vm = moves.getInt(i);
                int to = moves.getInt(i + 1);
                fleet.migrate(instanceOf[vm], to);
                vms.moved(vm, to);
            }
        }
        for (int v = 0; v < traces.vmCount(); v++) {
            vms.setUtilisation(v, traces.utilisation(v, step));
        }
        if (moves != null) {
            MigrationConfig m = config.migration();
            for (int i = 0; i < moves.size(); i += 2) {
                int vm = moves.getInt(i);
                ledger.migrated(memoryOf[vm], m.migrationSeconds(memoryOf[vm]), m.degradation() * vms.granted(vm));
            }
        }
        ledger.stateChanged();
        step++;
        sim.scheduleIn(STEP, stepKind, 0, 0);
    }

    /**
     * The period ending now, as a metrics row: running VMs, their memory and cost as for a service;
     * CPU utilisation and steal over the placed VMs' vCPU time; no requests; the consolidation
     * columns (per-VM utilisation, hosts, energy) in {@link MetricsRow#consolidation()}.
     */
    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        ConsolidationPeriod p = ledger.endPeriod(now);
        double capacity = placedVcpus * Time.toSeconds(now - lastPeriodEnd);
        lastPeriodEnd = now;
        OwnedInstances owned = bill.owned();
        rows.add(new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(),
                capacity == 0 ? Double.NaN : p.deliveredVcpuSeconds() / capacity,
                capacity == 0 ? Double.NaN : p.stealVcpuSeconds() / capacity,
                owned.memoryGib(), 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                bill.costSoFarUsd(now), Double.NaN, Double.NaN, p));
    }

    /** Ends the run at {@code now}: the last interval is integrated. */
    @Override
    public void close(long now) {
        ledger.advanceTo(now);
    }

    @Override
    public Optional<WorkloadBill> bill() {
        return Optional.of(bill);
    }

    @Override
    public void addResult(RunResults results) {
        results.consolidation(result());
    }

    ConsolidationResult result() {
        long billed = bill.billedSeconds();
        String types = config.types().stream().map(InstanceType::name).distinct().collect(Collectors.joining(", "));
        return new ConsolidationResult(config.name(), traces.vmCount(), placed, types,
                ledger.meanDemanded(), ledger.meanPeakDemanded(), ledger.maxDemanded(),
                ledger.meanDelivered(), ledger.meanPeakDelivered(), ledger.maxDelivered(),
                ledger.demandedVcpuHours(), ledger.deliveredVcpuHours(), ledger.unservedVcpuHours(),
                ledger.meanActiveHosts(), ledger.peakActiveHosts(), ledger.hostUtilisation(),
                ledger.overloadedHostFraction(), ledger.energyKwh(), ledger.migrations(), ledger.migratedGib(),
                ledger.migrationLossVcpuHours(), billed, bill.costUsd());
    }

    /** The VMs as the hypervisor shares them, for invariant checks. */
    UtilisationVms vms() {
        return vms;
    }
}
