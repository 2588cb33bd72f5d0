package io.stratus.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.monitor.ConsolidationPeriod;
import io.stratus.run.ConsolidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The consolidation workload's part of every report: the summary table's two tables (hosts and
 * cost; per-VM utilisation demanded and delivered), its {@code summary.json} object, its Markdown
 * tables and its {@code metrics.csv} columns.
 */
final class ConsolidationReport {

    /** The columns a consolidation adds to {@code metrics.csv}. */
    static final String CSV_COLUMNS = "vm_utilisation_demanded,vm_utilisation_delivered,vm_utilisation_max,"
            + "active_hosts_mean,active_hosts_peak,host_utilisation,overloaded_host_fraction,steal_vcpu_s,energy_kwh,"
            + "migrations";

    private ConsolidationReport() {
    }

    /** Hosts, SLA and cost, for the text summary. */
    static List<String[]> hostRows(ConsolidationResult c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"consolidation", "VMs", "active hosts", "host util", "overloaded", "steal vCPU-h",
            "migrations", "energy kWh", "cost USD"});
        rows.add(new String[] {c.name(), vms(c),
            String.format("%.1f avg, %d peak", c.meanActiveHosts(), c.peakActiveHosts()),
            percent(c.hostUtilisation()), percent(c.overloadedHostFraction()),
            String.format("%,.1f (%.2f%%)", c.stealVcpuHours(), 100 * c.stealFraction()),
            String.format("%,d", c.migrations()),
            Double.isNaN(c.energyKwh()) ? "-" : String.format("%,.1f", c.energyKwh()),
            Numbers.usd(c.costUsd())});
        return rows;
    }

    /** Per-VM utilisation, demanded (the trace) and delivered, for the text summary. */
    static List<String[]> utilisationRows(ConsolidationResult c) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"per-VM CPU", "mean", "mean of VM peaks", "max"});
        rows.add(new String[] {"demanded (trace)", percent(c.meanDemanded()), percent(c.meanPeakDemanded()),
            percent(c.maxDemanded())});
        rows.add(new String[] {"delivered", percent(c.meanDelivered()), percent(c.meanPeakDelivered()),
            percent(c.maxDelivered())});
        return rows;
    }

    /** The {@code consolidation} object of {@code summary.json}. */
    static void json(ObjectNode n, ConsolidationResult c) {
        n.put("name", c.name());
        n.put("vms", c.vms());
        n.put("vmsPlaced", c.placed());
        n.put("instanceTypes", c.instanceTypes());
        utilisation(n.putObject("vmUtilisationDemanded"), c.meanDemanded(), c.meanPeakDemanded(), c.maxDemanded());
        utilisation(n.putObject("vmUtilisationDelivered"), c.meanDelivered(), c.meanPeakDelivered(), c.maxDelivered());
        n.put("demandedVcpuHours", Numbers.sig6(c.demandedVcpuHours()));
        n.put("deliveredVcpuHours", Numbers.sig6(c.deliveredVcpuHours()));
        if (c.placed() < c.vms()) { // only a run whose region was too small for every VM carries it
            n.put("unservedVcpuHours", Numbers.sig6(c.unservedVcpuHours()));
        }
        n.put("stealVcpuHours", Numbers.sig6(c.stealVcpuHours()));
        n.put("stealFraction", Numbers.sig6(c.stealFraction()));
        n.put("meanActiveHosts", Numbers.sig6(c.meanActiveHosts()));
        n.put("peakActiveHosts", c.peakActiveHosts());
        n.put("hostUtilisation", Numbers.sig6(c.hostUtilisation()));
        n.put("overloadedHostFraction", Numbers.sig6(c.overloadedHostFraction()));
        n.put("energyKwh", Double.isNaN(c.energyKwh()) ? null : Numbers.sig6(c.energyKwh()));
        n.put("migrations", c.migrations());
        n.put("migratedGib", Numbers.sig6(c.migratedGib()));
        n.put("migrationLossVcpuHours", Numbers.sig6(c.migrationLossVcpuHours()));
        n.put("billedInstanceSeconds", c.billedSeconds());
        n.put("costUsd", Numbers.sig6(c.costUsd()));
    }

    /** One per-VM utilisation summary of {@code summary.json}: mean, mean of VM peaks and max. */
    private static void utilisation(ObjectNode o, double mean, double meanOfVmPeaks, double max) {
        o.put("mean", Numbers.sig6(mean));
        o.put("meanOfVmPeaks", Numbers.sig6(meanOfVmPeaks));
        o.put("max", Numbers.sig6(max));
    }

    /** The consolidation's Markdown tables. */
    static void markdown(StringBuilder b, ConsolidationResult c) {
        b.append("\n| consolidation | VMs | active hosts | host util | overloaded host-time | steal vCPU-h "
                + "| migrations | energy kWh | cost USD |\n");
        b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        String[] h = hostRows(c).get(1);
        b.append("| ").append(String.join(" | ", h)).append(" |\n");
        b.append("\n| per-VM CPU utilisation | mean | mean of VM peaks | max |\n");
        b.append("|---|--:|--:|--:|\n");
        for (String[] row : utilisationRows(c).subList(1, 3)) {
            b.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
    }

    /** The consolidation columns of one {@code metrics.csv} row (empty cells for other rows). */
    static List<String> csvCells(ConsolidationPeriod p) {
        if (p == null) {
            return java.util.Collections.nCopies(10, "");
        }
        return List.of(number(p.meanDemanded(), "%.4f"),
                number(p.meanDelivered(), "%.4f"),
                number(p.maxDemanded(), "%.4f"),
                number(p.meanActiveHosts(), "%.3f"),
                Integer.toString(p.peakActiveHosts()),
                number(p.hostUtilisation(), "%.4f"),
                number(p.overloadedFraction(), "%.4f"),
                number(p.stealVcpuSeconds(), "%.1f"),
                number(p.energyKwh(), "%.4f"),
                Long.toString(p.migrations()));
    }

    private static String vms(ConsolidationResult c) {
        String placed = c.placed() == c.vms() ? "" : String.format(" (%,d placed)", c.placed());
        return String.format("%,d x %s%s", c.vms(), c.instanceTypes(), placed);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String number(double v, String format) {
        return Double.isFinite(v) ? Numbers.withoutNegativeZero(String.format(Locale.ROOT, format, v)) : "";
    }
}
