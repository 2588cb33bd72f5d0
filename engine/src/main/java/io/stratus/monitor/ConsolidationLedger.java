package io.stratus.monitor;

import io.stratus.hypervisor.UtilisationVms;
import io.stratus.infra.HostPowerModel;
import io.stratus.infra.HostView;
import io.stratus.sim.Time;

/**
 * The time integrals of a consolidation run, for the whole run and for the current metrics
 * period: per-VM utilisation demanded and delivered, vCPUs demanded, delivered and stolen, active
 * and overloaded hosts, busy threads and energy.
 *
 * <p>The state is piecewise constant: before each change the run calls {@link #advanceTo}, which
 * integrates the state in force up to then (O(1), plus O(VMs) once per state for each VM's
 * peak), and after setting the VMs' new utilisations ({@link UtilisationVms}) it calls
 * {@link #stateChanged}, which sums the new state over VMs and hosts (O(VMs + hosts)). Definitions:
 * <ul>
 *   <li>a VM's utilisation is its vCPUs in use (demanded or delivered) over its vCPUs;
 *   <li>mean per-VM utilisation: the time-average over the run of the mean over all VMs (for whole
 *       5-minute steps, the mean of every VM-reading);
 *   <li>mean of VM peaks: the mean over VMs of each VM's highest utilisation in the run; max: the
 *       highest of all;
 *   <li>an active host runs at least one VM (the others are switched off); an overloaded host's
 *       members (its VMs and any request-serving instances beside them) demand more vCPUs than it
 *       has threads; host utilisation is the VMs' delivered vCPUs over the threads of the active
 *       hosts; a host's power follows all its members' granted vCPUs; steal is the demand of the
 *       VMs on a host not delivered; the
 *       demand of a VM that found no host (the region was full) is unserved, apart from steal;
 *   <li>a live migration loses a fraction of the VM's delivered CPU while its memory is copied
 *       (counted apart as migration loss, not in delivered or steal).
 * </ul>
 *
 * <p>Simplified: the state is read at each change of the VMs' utilisations (every trace step).
 * When request-serving instances share a VM's host, their demand changes between steps and so do
 * the VMs' grants and the host's power; the ledger holds the grants read at the step for the
 * whole step (a sample, exact only for hosts of VMs alone). The request-serving instances' own
 * steal is integrated exactly by the CPU sharing.
 */
public final class ConsolidationLedger {

    private final UtilisationVms sharing;
    private final HostView hosts;
    private final HostPowerModel power;
    private final int vmCount;
    private final boolean[] unplaced;
    private final double[] vmPeakDemanded;
    private final double[] vmPeakDelivered;
    private final Totals run = new Totals();
    private final Totals period = new Totals();
    private long last;
    // the current state, summed over VMs and hosts
    private double sumDemandedUtilisation;
    private double sumDeliveredUtilisation;
    private double demandedVcpus;
    private double deliveredVcpus;
    private double unservedVcpus;
    private int activeHosts;
    private int overloadedHosts;
    private long activeThreads;
    private double watts;
    private double maxDemandedUtilisation;
    private double maxDeliveredUtilisation;
    private boolean vmPeaksCounted = true;

    /** Running sums over an interval of time; times in seconds. */
    private static final class Totals {
        double seconds;
        double demandedUtilisationSeconds;
        double deliveredUtilisationSeconds;
        double demandedVcpuSeconds;
        double deliveredVcpuSeconds;
        double unservedVcpuSeconds;
        double activeHostSeconds;
        double overloadedHostSeconds;
        double activeThreadSeconds;
        double joules;
        long migrations;
        double migratedMib;
        double migrationLossVcpuSeconds;
        int peakActiveHosts;
        double maxDemandedUtilisation;
        double maxDeliveredUtilisation;

        void add(ConsolidationLedger s, double dt) {
            seconds += dt;
            demandedUtilisationSeconds += s.sumDemandedUtilisation * dt;
            deliveredUtilisationSeconds += s.sumDeliveredUtilisation * dt;
            demandedVcpuSeconds += s.demandedVcpus * dt;
            deliveredVcpuSeconds += s.deliveredVcpus * dt;
            unservedVcpuSeconds += s.unservedVcpus * dt;
            activeHostSeconds += s.activeHosts * dt;
            overloadedHostSeconds += s.overloadedHosts * dt;
            activeThreadSeconds += s.activeThreads * dt;
            joules += s.watts * dt;
        }

        void migrated(long memoryMib, double lossVcpuSeconds) {
            migrations++;
            migratedMib += memoryMib;
            migrationLossVcpuSeconds += lossVcpuSeconds;
        }

        /** Counts the current state's peaks (a state that holds for some time in this interval). */
        void peaks(ConsolidationLedger s) {
            peakActiveHosts = Math.max(peakActiveHosts, s.activeHosts);
            maxDemandedUtilisation = Math.max(maxDemandedUtilisation, s.maxDemandedUtilisation);
            maxDeliveredUtilisation = Math.max(maxDeliveredUtilisation, s.maxDeliveredUtilisation);
        }

        /** Mean per-VM utilisation demanded over the interval, for {@code vms} VMs. */
        double meanDemanded(int vms) {
            return ratio(demandedUtilisationSeconds, vms * seconds);
        }

        /** Mean per-VM utilisation delivered over the interval, for {@code vms} VMs. */
        double meanDelivered(int vms) {
            return ratio(deliveredUtilisationSeconds, vms * seconds);
        }

        double meanActiveHosts() {
            return ratio(activeHostSeconds, seconds);
        }

        /** vCPU-seconds the VMs on a host demanded and were not granted (never a rounding error below zero). */
        double stealVcpuSeconds() {
            return Math.max(0, demandedVcpuSeconds - deliveredVcpuSeconds - unservedVcpuSeconds);
        }

        double hostUtilisation() {
            return ratio(deliveredVcpuSeconds, activeThreadSeconds);
        }

        double overloadedHostFraction() {
            return ratio(overloadedHostSeconds, activeHostSeconds);
        }

        void clear() {
            seconds = 0;
            demandedUtilisationSeconds = 0;
            deliveredUtilisationSeconds = 0;
            demandedVcpuSeconds = 0;
            deliveredVcpuSeconds = 0;
            unservedVcpuSeconds = 0;
            activeHostSeconds = 0;
            overloadedHostSeconds = 0;
            activeThreadSeconds = 0;
            joules = 0;
            migrations = 0;
            migratedMib = 0;
            migrationLossVcpuSeconds = 0;
            peakActiveHosts = 0;
            maxDemandedUtilisation = 0;
            maxDeliveredUtilisation = 0;
        }
    }

    /**
     * @param hostOf each VM's host at the start, or -1 for a VM that found none (it never gets one:
     *               migrations move only VMs on a host)
     */
    public ConsolidationLedger(UtilisationVms sharing, HostView hosts, HostPowerModel power, int[] hostOf, long start) {
        this.sharing = sharing;
        this.hosts = hosts;
        this.power = power;
        this.vmCount = sharing.vmCount();
        this.unplaced = new boolean[vmCount];
        for (int v = 0; v < vmCount; v++) {
            unplaced[v] = hostOf[v] < 0;
        }
        this.vmPeakDemanded = new double[vmCount];
        this.vmPeakDelivered = new double[vmCount];
        this.last = start;
    }

    /**
     * Takes the new state from the VMs, just given their new utilisations. Call {@link #advanceTo}
     * with the time of the change first, before their demands change.
     */
    public void stateChanged() {
        sumDemandedUtilisation = 0;
        sumDeliveredUtilisation = 0;
        demandedVcpus = 0;
        deliveredVcpus = 0;
        unservedVcpus = 0;
        maxDemandedUtilisation = 0;
        maxDeliveredUtilisation = 0;
        for (int v = 0; v < vmCount; v++) {
            int c = sharing.vcpus(v);
            double d = sharing.demand(v);
            double g = sharing.granted(v);
            sumDemandedUtilisation += d / c;
            sumDeliveredUtilisation += g / c;
            demandedVcpus += d;
            deliveredVcpus += g;
            if (unplaced[v]) {
                unservedVcpus += d;
            }
            maxDemandedUtilisation = Math.max(maxDemandedUtilisation, d / c);
            maxDeliveredUtilisation = Math.max(maxDeliveredUtilisation, g / c);
        }
        activeHosts = 0;
        overloadedHosts = 0;
        activeThreads = 0;
        watts = 0;
        for (int h = 0; h < hosts.hostCount(); h++) {
            if (sharing.vmsOn(h) == 0) {
                continue;
            }
            int threads = hosts.spec(h).physicalThreads();
            activeHosts++;
            activeThreads += threads;
            if (sharing.hostDemand(h) > threads) {
                overloadedHosts++;
            }
            if (power != null) {
                watts += power.watts(sharing.hostGranted(h) / threads);
            }
        }
        vmPeaksCounted = false;
    }

    /**
     * Integrates the current state from the last change (or period end) to {@code now}. A state
     * counts for the peaks only once it has held for some time, so a change at the very end of the
     * run, or at the end of a period, does not count for them.
     */
    public void advanceTo(long now) {
        if (now <= last) {
            return;
        }
        double dt = Time.toSeconds(now - last);
        run.add(this, dt);
        period.add(this, dt);
        run.peaks(this);
        period.peaks(this);
        if (!vmPeaksCounted) {
            for (int v = 0; v < vmCount; v++) {
                int c = sharing.vcpus(v);
                vmPeakDemanded[v] = Math.max(vmPeakDemanded[v], sharing.demand(v) / c);
                vmPeakDelivered[v] = Math.max(vmPeakDelivered[v], sharing.granted(v) / c);
            }
            vmPeaksCounted = true;
        }
        last = now;
    }

    /**
     * Counts one live migration of {@code memoryMib} taking {@code seconds}, during which the VM
     * loses {@code lossVcpus} of its delivered vCPUs (reported apart from the hypervisor's steal).
     */
    public void migrated(long memoryMib, double seconds, double lossVcpus) {
        run.migrated(memoryMib, lossVcpus * seconds);
        period.migrated(memoryMib, lossVcpus * seconds);
    }

    /** The period ending at {@code now}, as metrics; the period sums start again from zero. */
    public ConsolidationPeriod endPeriod(long now) {
        advanceTo(now);
        Totals p = period;
        ConsolidationPeriod row = new ConsolidationPeriod(
                p.meanDemanded(vmCount),
                p.meanDelivered(vmCount),
                p.maxDemandedUtilisation,
                p.meanActiveHosts(), p.peakActiveHosts,
                p.hostUtilisation(),
                p.overloadedHostFraction(),
                p.deliveredVcpuSeconds,
                p.stealVcpuSeconds(),
                kwh(p), p.migrations);
        p.clear();
        return row;
    }

    /** Mean per-VM utilisation demanded over the run so far. */
    public double meanDemanded() {
        return run.meanDemanded(vmCount);
    }

    /** Mean per-VM utilisation delivered over the run so far. */
    public double meanDelivered() {
        return run.meanDelivered(vmCount);
    }

    /** Mean over VMs of each VM's highest demanded utilisation. */
    public double meanPeakDemanded() {
        return mean(vmPeakDemanded);
    }

    /** Mean over VMs of each VM's highest delivered utilisation. */
    public double meanPeakDelivered() {
        return mean(vmPeakDelivered);
    }

    /** Highest per-VM utilisation demanded in the run. */
    public double maxDemanded() {
        return run.maxDemandedUtilisation;
    }

    /** Highest per-VM utilisation delivered in the run. */
    public double maxDelivered() {
        return run.maxDeliveredUtilisation;
    }

    /** vCPU-hours demanded over the run. */
    public double demandedVcpuHours() {
        return run.demandedVcpuSeconds / 3600;
    }

    /** vCPU-hours delivered over the run. */
    public double deliveredVcpuHours() {
        return run.deliveredVcpuSeconds / 3600;
    }

    /** vCPU-hours demanded by the VMs that found no host. */
    public double unservedVcpuHours() {
        return run.unservedVcpuSeconds / 3600;
    }

    /** Time-average number of active hosts. */
    public double meanActiveHosts() {
        return run.meanActiveHosts();
    }

    /** Most hosts active at once. */
    public int peakActiveHosts() {
        return run.peakActiveHosts;
    }

    /** Delivered vCPUs over the threads of the active hosts, time-averaged. */
    public double hostUtilisation() {
        return run.hostUtilisation();
    }

    /** Time-average fraction of active hosts that were overloaded. */
    public double overloadedHostFraction() {
        return run.overloadedHostFraction();
    }

    /** Energy of the active hosts over the run, kWh (0 without a power model). */
    public double energyKwh() {
        return kwh(run);
    }

    /** Live migrations made. */
    public long migrations() {
        return run.migrations;
    }

    /** Memory copied by live migrations, GiB. */
    public double migratedGib() {
        return run.migratedMib / 1024;
    }

    /** vCPU-hours lost to live migrations. */
    public double migrationLossVcpuHours() {
        return run.migrationLossVcpuSeconds / 3600;
    }

    /** The energy of an interval, kWh (NaN without a power model). */
    private double kwh(Totals t) {
        return power == null ? Double.NaN : t.joules / 3.6e6;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
