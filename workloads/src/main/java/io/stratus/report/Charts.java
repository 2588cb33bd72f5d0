package io.stratus.report;

import io.stratus.run.MetricsRow;
import io.stratus.sim.Time;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of the metrics series (XChart): capacity (running instances), CPU utilisation,
 * latency percentiles and cost accrual over simulated time, in hours, or in days for runs longer
 * than three days.
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /**
     * Writes every chart that has something to show into {@code folder}; returns the file names
     * written. The instance charts (capacity, utilisation, steal, cost) show the EC2 workloads
     * (services, batch, queues, consolidation); the request charts (load and capacity, latency)
     * only those that receive requests or jobs; GPU clusters get their own chart. A chart with no
     * series is not written.
     */
    public static List<String> writeAll(Path folder, String scenario, List<MetricsRow> rows) throws IOException {
        Map<String, List<MetricsRow>> byService = new LinkedHashMap<>();
        for (MetricsRow r : rows) {
            byService.computeIfAbsent(r.service(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<MetricsRow>> ec2 = only(byService, list -> !Double.isFinite(list.get(0).gpuAllocation()));
        Map<String, List<MetricsRow>> loaded = only(ec2, list -> list.stream().anyMatch(r -> r.arrived() > 0));
        long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).periodEndMicros();
        Axis axis = last > 3 * Time.DAY ? new Axis(Time.DAY, "days") : new Axis(Time.HOUR, "h");
        List<String> written = new ArrayList<>();
        writeIfAny(written, folder, "capacity.png", chart(scenario + ": running instances", "instances",
                ec2, MetricsRow::running, axis));
        writeIfAny(written, folder, "load-and-capacity.png", loadAndCapacity(scenario, loaded, axis));
        writeIfAny(written, folder, "utilisation.png", chart(scenario + ": CPU utilisation", "CPU utilisation (%)",
                ec2, r -> 100 * r.cpuUtilisation(), axis));
        XYChart latency = newChart(scenario + ": request latency per period", "latency (ms, log scale)", axis);
        latency.getStyler().setYAxisLogarithmic(true); // latencies span orders of magnitude
        for (Map.Entry<String, List<MetricsRow>> e : ec2.entrySet()) {
            add(latency, e.getValue(), MetricsRow::p50Ms, e.getKey() + " p50", axis);
            add(latency, e.getValue(), MetricsRow::p95Ms, e.getKey() + " p95", axis);
            add(latency, e.getValue(), MetricsRow::p99Ms, e.getKey() + " p99", axis);
        }
        writeIfAny(written, folder, "latency.png", latency);
        if (rows.stream().anyMatch(r -> r.steal() > 0)) {
            writeIfAny(written, folder, "steal.png", chart(scenario + ": CPU steal (runnable, not granted)",
                    "steal (% of vCPU time)", ec2, r -> 100 * r.steal(), axis));
        }
        writeIfAny(written, folder, "cost.png", chart(scenario + ": on-demand cost so far", "USD",
                ec2, MetricsRow::costUsd, axis));
        writeIfAny(written, folder, "gpu.png", gpu(scenario, only(byService,
                list -> Double.isFinite(list.get(0).gpuAllocation())), axis));
        writeIfAny(written, folder, "active-hosts.png", chart(scenario + ": hosts running at least one VM",
                "active hosts (period mean)", only(byService, list -> list.get(0).consolidation() != null),
                r -> r.consolidation().meanActiveHosts(), axis));
        return written;
    }

    /** The workloads whose rows {@code keep} accepts, in order. */
    private static Map<String, List<MetricsRow>> only(Map<String, List<MetricsRow>> byService,
                                                      java.util.function.Predicate<List<MetricsRow>> keep) {
        Map<String, List<MetricsRow>> out = new LinkedHashMap<>(byService);
        out.values().removeIf(keep.negate());
        return out;
    }

    private static void writeIfAny(List<String> written, Path folder, String name, XYChart chart) throws IOException {
        if (!chart.getSeriesMap().isEmpty()) {
            evenTicks(chart);
            written.add(write(folder, name, chart));
        }
    }

    /**
     * Makes XChart place the time axis's ticks at round values. When every series' x values are
     * equally spaced (periods are), XChart 3.8 puts the ticks on data points instead, every k-th
     * period, which gives uneven labels such as 0.2, 0.5, 0.7 days. One hidden point half a period
     * after the first breaks that spacing; it repeats the first point's y, so it changes neither
     * the y range nor what is drawn.
     */
    private static void evenTicks(XYChart chart) {
        XYSeries first = chart.getSeriesMap().values().iterator().next();
        double[] xs = first.getXData();
        double[] ys = first.getYData();
        if (xs.length < 2) {
            return;
        }
        XYSeries hidden = chart.addSeries(" ", new double[] {xs[0] + (xs[1] - xs[0]) / 2}, new double[] {ys[0]});
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setShowInLegend(false);
        hidden.setYAxisGroup(first.getYAxisGroup());
    }

    /**
     * Arrivals per second (left axis) against running instances (right axis), per service: the
     * lag between load and capacity shows as the gap between each pair of lines.
     */
    private static XYChart loadAndCapacity(String scenario, Map<String, List<MetricsRow>> byService, Axis axis) {
        XYChart chart = newChart(scenario + ": load and capacity", "arrivals per second", axis);
        chart.setYAxisGroupTitle(1, "running instances");
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        for (Map.Entry<String, List<MetricsRow>> e : byService.entrySet()) {
            List<MetricsRow> rows = e.getValue();
            List<Double> xs = new ArrayList<>();
            List<Double> perSecond = new ArrayList<>();
            long start = 0;
            for (MetricsRow r : rows) {
                xs.add(r.periodEndMicros() / (double) axis.unitMicros());
                perSecond.add(r.arrived() / Math.max(1e-9, (r.periodEndMicros() - start) / (double) Time.SECOND));
                start = r.periodEndMicros();
            }
            if (!xs.isEmpty()) {
                chart.addSeries(e.getKey() + " arrivals/s", xs, perSecond).setMarker(SeriesMarkers.NONE);
            }
            XYSeries capacity = add(chart, rows, MetricsRow::running, e.getKey() + " instances", axis);
            if (capacity != null) {
                capacity.setYAxisGroup(1);
            }
        }
        return chart;
    }

    /** The unit of the time axis. */
    private record Axis(long unitMicros, String name) {
    }

    /**
     * Per GPU cluster and policy: GPU capacity allocated, and capacity fragmented (free but of no
     * use to the pod types that could ask it), both as a share of the total.
     */
    private static XYChart gpu(String scenario, Map<String, List<MetricsRow>> byService, Axis axis) {
        XYChart chart = newChart(scenario + ": GPU capacity allocated and fragmented", "% of GPU capacity", axis);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW); // the curves rise to the right
        for (Map.Entry<String, List<MetricsRow>> e : byService.entrySet()) {
            add(chart, e.getValue(), r -> 100 * r.gpuAllocation(), e.getKey() + " allocated", axis);
            add(chart, e.getValue(), r -> r.gpuAllocation() >= 1 ? 0
                    : 100 * r.gpuFragmentation() * (1 - r.gpuAllocation()), e.getKey() + " fragmented", axis);
        }
        return chart;
    }

    private static XYChart chart(String title, String yTitle, Map<String, List<MetricsRow>> byService,
                                 ToDoubleFunction<MetricsRow> y, Axis axis) {
        XYChart chart = newChart(title, yTitle, axis);
        chart.getStyler().setYAxisMin(0.0); // counts, shares and costs: from zero, so steps are not magnified
        for (Map.Entry<String, List<MetricsRow>> e : byService.entrySet()) {
            add(chart, e.getValue(), y, e.getKey(), axis);
        }
        return chart;
    }

    private static XYChart newChart(String title, String yTitle, Axis axis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("simulated time (" + axis.name() + ")").yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("#.#");
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    private static XYSeries add(XYChart chart, List<MetricsRow> rows, ToDoubleFunction<MetricsRow> y, String name,
                                Axis axis) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (MetricsRow r : rows) {
            double v = y.applyAsDouble(r);
            if (Double.isFinite(v)) {
                xs.add(r.periodEndMicros() / (double) axis.unitMicros());
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static String write(Path folder, String name, XYChart chart) throws IOException {
        AtomicFiles.write(folder.resolve(name), BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return name;
    }
}
