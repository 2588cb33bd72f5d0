package io.stratus.report;

import io.stratus.run.MetricsRow;
import io.stratus.sim.Time;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG and SVG charts of the metrics series (XChart): capacity (running instances), CPU
 * utilisation, latency percentiles and cost accrual over simulated time, in hours, or in days for
 * runs longer than three days ({@link TimeAxis}).
 */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /**
     * Writes every chart that has something to show into {@code folder}, each as PNG and as SVG
     * ({@code NAME.png}, {@code NAME.svg}); returns the PNG file names written. The instance
     * charts (capacity, utilisation, steal, cost) show the EC2 workloads (services, batch, queues,
     * consolidation); the request charts (load and capacity, latency) only those that receive
     * requests or jobs; GPU clusters get their own chart. A chart with no series is not written.
     * Legends sit below the plot, never on the data; the latency chart has a logarithmic axis
     * only when latencies span more than a factor of 20, and the p99 objective as a dashed line.
     *
     * @param sloMs the scenario's p99 objective in ms ({@code compare.slo-p99}), or 0 for none
     */
    public static List<String> writeAll(Path folder, String scenario, List<MetricsRow> rows, double sloMs)
            throws IOException {
        MetricsGroups g = MetricsGroups.of(rows);
        Map<String, List<MetricsRow>> ec2 = g.ec2();
        TimeAxis axis = g.axis();
        List<String> written = new ArrayList<>();
        writeIfAny(written, folder, "capacity", chart(scenario + ": running instances", "instances",
                ec2, MetricsRow::running, axis));
        writeIfAny(written, folder, "load-and-capacity", loadAndCapacity(scenario, g.loaded(), axis));
        writeIfAny(written, folder, "utilisation", chart(scenario + ": CPU utilisation", "CPU utilisation (%)",
                ec2, r -> 100 * r.cpuUtilisation(), axis));
        writeIfAny(written, folder, "latency", latency(scenario, g, sloMs));
        if (rows.stream().anyMatch(r -> r.steal() > 0)) {
            writeIfAny(written, folder, "steal", chart(scenario + ": CPU steal (runnable, not granted)",
                    "steal (% of vCPU time)", ec2, r -> 100 * r.steal(), axis));
        }
        writeIfAny(written, folder, "cost", chart(scenario + ": on-demand cost so far", "cost (USD)",
                ec2, MetricsRow::costUsd, axis));
        writeIfAny(written, folder, "gpu", gpu(scenario, g.gpu(), axis));
        writeIfAny(written, folder, "active-hosts", chart(scenario + ": hosts running at least one VM",
                "active hosts (period mean)", g.consolidation(), r -> r.consolidation().meanActiveHosts(), axis));
        return written;
    }

    /** p50, p95 and p99 per service and period, and the p99 objective as a dashed line. */
    private static XYChart latency(String scenario, MetricsGroups g, double sloMs) {
        boolean log = g.latencySpansDecades();
        XYChart latency = newChart(scenario + ": request latency per period", log ? "latency (ms, log scale)"
                : "latency (ms)", g.axis());
        latency.getStyler().setYAxisLogarithmic(log); // only when latencies span orders of magnitude
        if (!log) {
            latency.getStyler().setYAxisMin(0.0);
        }
        List<Double> xs = new ArrayList<>();
        for (Map.Entry<String, List<MetricsRow>> e : g.ec2().entrySet()) {
            add(latency, e.getValue(), MetricsRow::p50Ms, e.getKey() + " p50", g.axis());
            add(latency, e.getValue(), MetricsRow::p95Ms, e.getKey() + " p95", g.axis());
            add(latency, e.getValue(), MetricsRow::p99Ms, e.getKey() + " p99", g.axis());
            e.getValue().forEach(r -> xs.add(g.axis().at(r.periodEndMicros())));
        }
        if (sloMs > 0 && !latency.getSeriesMap().isEmpty()) {
            double end = xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            XYSeries slo = latency.addSeries(String.format(java.util.Locale.ROOT, "p99 objective (%s ms)",
                    Numbers.sig6(sloMs).toPlainString()), new double[] {0, end}, new double[] {sloMs, sloMs});
            slo.setMarker(SeriesMarkers.NONE);
            slo.setLineColor(new Color(0xC0392B));
            slo.setLineStyle(new java.awt.BasicStroke(2, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10, new float[] {8, 5}, 0));
        }
        return latency;
    }

    private static void writeIfAny(List<String> written, Path folder, String name, XYChart chart) throws IOException {
        if (!chart.getSeriesMap().isEmpty()) {
            evenTicks(chart);
            AtomicFiles.write(folder.resolve(name + ".png"), BitmapEncoder.getBitmapBytes(chart,
                    BitmapEncoder.BitmapFormat.PNG));
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            AtomicFiles.write(folder.resolve(name + ".svg"), svg.toByteArray());
            written.add(name + ".png");
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
    private static XYChart loadAndCapacity(String scenario, Map<String, List<MetricsRow>> byService, TimeAxis axis) {
        XYChart chart = newChart(scenario + ": load and capacity", "arrivals per second", axis);
        chart.setYAxisGroupTitle(1, "running instances");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right); // one axis each side
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

    /**
     * Per GPU cluster and policy: GPU capacity allocated, and capacity fragmented (free but of no
     * use to the pod types that could ask it), both as a share of the total.
     */
    private static XYChart gpu(String scenario, Map<String, List<MetricsRow>> byService, TimeAxis axis) {
        XYChart chart = newChart(scenario + ": GPU capacity allocated and fragmented", "% of GPU capacity", axis);
        for (Map.Entry<String, List<MetricsRow>> e : byService.entrySet()) {
            add(chart, e.getValue(), r -> 100 * r.gpuAllocation(), e.getKey() + " allocated", axis);
            add(chart, e.getValue(), r -> r.gpuAllocation() >= 1 ? 0
                    : 100 * r.gpuFragmentation() * (1 - r.gpuAllocation()), e.getKey() + " fragmented", axis);
        }
        return chart;
    }

    private static XYChart chart(String title, String yTitle, Map<String, List<MetricsRow>> byService,
                                 ToDoubleFunction<MetricsRow> y, TimeAxis axis) {
        XYChart chart = newChart(title, yTitle, axis);
        chart.getStyler().setYAxisMin(0.0); // counts, shares and costs: from zero, so steps are not magnified
        for (Map.Entry<String, List<MetricsRow>> e : byService.entrySet()) {
            add(chart, e.getValue(), y, e.getKey(), axis);
        }
        return chart;
    }

    private static XYChart newChart(String title, String yTitle, TimeAxis axis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis.title()).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // below the plot, never on the data
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisDecimalPattern("#.#");
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    private static XYSeries add(XYChart chart, List<MetricsRow> rows, ToDoubleFunction<MetricsRow> y, String name,
                                TimeAxis axis) {
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
}
