import io.stratus.compute.InstanceCatalog;
import io.stratus.run.FunctionResult;
import io.stratus.run.RunResult;
import io.stratus.run.ScenarioRunner;
import io.stratus.run.ServiceResult;
import io.stratus.scenario.Scenario;
import io.stratus.scenario.ScenarioLoader;
import io.stratus.sim.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Sweeps workloads/scenarios/platforms.yaml over the request rate and runs each platform alone
 * (Scenario.alone), writing platforms.csv (rate, platform, cost per 730-hour month, p99, mean
 * instances or concurrency, Lambda cold-start share) and the two charts. Run from the repository:
 *
 *   mvn -B -q -o -pl engine,workloads package -DskipTests
 *   java -cp workloads/target/stratus.jar results/platforms/PlatformsSweep.java 6h
 */
public class PlatformsSweep {

    static final double[] RATES = {1, 3, 10, 30, 100, 300, 1000};
    static final String[] PLATFORMS = {"ec2", "fargate", "lambda"};

    public static void main(String[] args) throws Exception {
        String duration = args.length > 0 ? args[0] : "6h";
        ScenarioLoader loader = new ScenarioLoader(InstanceCatalog.bundled());
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("rate_per_s,platform,usd_per_month,p99_ms,mean_ms,mean_capacity,"
                + "cold_start_share,requests,refused_or_throttled\n");
        for (String p : PLATFORMS) {
            rows.put(p, new ArrayList<>());
        }
        for (double rate : RATES) {
            String r = fmt(rate) + "/s";
            // the groups start at their steady size for the rate (30 ms per request, 60% of an m5.large's
            // two hyperthreads at 0.67 each: about 0.04 instances per request/s), as a service already
            // running at that traffic would; target tracking then adjusts them
            String desired = String.valueOf(Math.max(2, (long) Math.ceil(rate * 0.04)));
            Map<String, String> set = Map.of("duration", duration,
                    "services.ec2.auto-scaling.desired", desired,
                    "services.fargate.auto-scaling.desired", desired,
                    "services.ec2.requests.arrival.poisson.rate", r,
                    "services.fargate.requests.arrival.poisson.rate", r,
                    "functions.lambda.invocations.arrival.poisson.rate", r);
            Scenario all = loader.load(Path.of("workloads/scenarios/platforms.yaml"), set);
            for (String p : PLATFORMS) {
                RunResult res = new ScenarioRunner().run(all.alone(List.of(p)), (a, b, c) -> { }).result();
                double month = res.costUsd() / res.durationMicros() * 730 * Time.HOUR;
                double p99;
                double mean;
                double capacity;
                double cold = Double.NaN;
                long requests;
                long refused;
                if (p.equals("lambda")) {
                    FunctionResult f = res.functions().get(0);
                    p99 = f.p99Ms();
                    mean = f.meanMs();
                    capacity = f.meanConcurrency();
                    cold = f.coldStartShare();
                    requests = f.arrivals();
                    refused = f.throttles();
                } else {
                    ServiceResult s = res.services().get(0);
                    p99 = s.p99Ms();
                    mean = s.meanMs();
                    capacity = s.meanRunning();
                    requests = s.requests();
                    refused = s.refused() + s.dropped();
                }
                rows.get(p).add(new double[] {rate, month, p99});
                csv.append(String.format(Locale.ROOT, "%s,%s,%.2f,%.1f,%.1f,%.3f,%s,%d,%d%n", fmt(rate), p, month, p99,
                        mean, capacity, Double.isNaN(cold) ? "" : String.format(Locale.ROOT, "%.6f", cold), requests,
                        refused));
                System.out.print(csv.substring(csv.lastIndexOf("\n", csv.length() - 2) + 1));
            }
        }
        Files.writeString(Path.of("results/platforms.csv"), csv.toString());
        chart(rows, 1, "Cost per month against traffic", "USD per month (730 h)", "results/platforms-break-even.png");
        chart(rows, 2, "p99 latency against traffic", "p99 ms", "results/platforms-p99.png");
    }

    static void chart(Map<String, List<double[]>> rows, int column, String title, String yTitle, String file)
            throws Exception {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title)
                .xAxisTitle("requests per second").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(v -> v[column]).toArray();
            chart.addSeries(e.getKey(), x, y);
        }
        BitmapEncoder.saveBitmap(chart, file, BitmapEncoder.BitmapFormat.PNG);
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
