package io.stratus.cli;

import io.stratus.compute.CpuPerformance;
import io.stratus.compute.InstanceType;
import io.stratus.hypervisor.VcpuSpeed;
import io.stratus.run.ServiceResult;
import java.util.List;
import java.util.Locale;

/**
 * One type's line of a {@code stratus rightsize} report: what the service cost and how it
 * answered on that type, and how much more load its fleet could have taken.
 *
 * <p>Headroom is {@code 1 - offered / capacity}, where the offered load is the requests per second
 * the service received and the capacity is its mean running instances times one instance's
 * saturation throughput under the CPU model: {@code W(c) / E[S]} requests per second, with
 * {@code W(c)} the work rate of all {@code c} vCPUs busy ({@link VcpuSpeed#workRate}) and
 * {@code E[S]} the mean reference-vCPU work of a request. It counts CPU only (not I/O, not the
 * balancer) and the mean fleet (an auto-scaled fleet's peaks are not separated).
 *
 * @param type        the instance type
 * @param performance its CPU figures (and whether they were measured)
 * @param service     the service's result on it
 * @param throughput  requests completed per second of the run
 * @param headroom    the fraction of the fleet's CPU capacity left unused (negative: overloaded)
 * @param meetsSlo    whether its p99 latency is within the SLO (requests refused while no instance
 *                    was up yet, or dropped, are counted in the report's failed column, not here)
 */
record RightsizeRow(InstanceType type, CpuPerformance performance, ServiceResult service, double throughput,
                    double headroom, boolean meetsSlo) {

    static RightsizeRow of(InstanceType type, CpuPerformance performance, ServiceResult service,
                           double meanWorkMicros, double durationSeconds, double sloP99Ms) {
        VcpuSpeed s = performance.speed();
        double perInstance = s.workRate(type.vcpus(), type.vcpus()) / (meanWorkMicros / 1e6);
        double offered = service.requests() / durationSeconds;
        double capacity = service.meanRunning() * perInstance;
        double headroom = capacity > 0 ? 1 - offered / capacity : Double.NEGATIVE_INFINITY;
        return new RightsizeRow(type, performance, service, service.completed() / durationSeconds, headroom,
                service.p99Ms() <= sloP99Ms);
    }

    /** The report: one line per type, then the cheapest type meeting the SLO (or that none does). */
    static String render(String serviceName, double sloP99Ms, List<RightsizeRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Rightsizing service %s for p99 <= %s ms%n%n", serviceName, num(sloP99Ms)));
        b.append(String.format(Locale.ROOT, "%-16s %-24s %5s %6s %-16s %9s %7s %9s %9s %9s %8s %8s %8s %s%n", "type",
                "processor", "vCPU", "speed", "figures", "$/hour", "inst", "cost $", "done/s", "p99 ms", "failed",
                "cpu", "headroom", "SLO"));
        RightsizeRow best = null;
        for (RightsizeRow r : rows) {
            ServiceResult s = r.service();
            b.append(String.format(Locale.ROOT, "%-16s %-24s %5d %6.3f %-16s %9.4f %7.3f %9.4f %9.2f %9s %8d %7.1f%% %7.1f%% %s%n",
                    r.type().name(), r.performance().processor().id(), r.type().vcpus(),
                    r.performance().speed().speed(), r.performance().source().id(), r.type().onDemandUsdPerHour(),
                    s.meanRunning(), s.costUsd(), r.throughput(), num(s.p99Ms()), s.refused() + s.dropped(), 100 * s.cpuUtilisation(),
                    100 * r.headroom(), r.meetsSlo() ? "yes" : "no"));
            if (r.meetsSlo() && (best == null || s.costUsd() < best.service().costUsd())) {
                best = r;
            }
        }
        b.append(System.lineSeparator());
        if (best == null) {
            b.append("No type meets the SLO.").append(System.lineSeparator());
        } else {
            b.append(String.format(Locale.ROOT, "Cheapest meeting the SLO: %s ($%.4f, p99 %s ms, headroom %.1f%%)%n",
                    best.type().name(), best.service().costUsd(), num(best.service().p99Ms()), 100 * best.headroom()));
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : String.valueOf(v);
    }
}
