package io.stratus.run;

import io.stratus.monitor.LatencyRecorder;
import io.stratus.pricing.Charge;
import io.stratus.pricing.LambdaCharges;
import io.stratus.pricing.LambdaUsage;
import io.stratus.pricing.ServerlessPrices;
import io.stratus.scenario.FunctionConfig;
import io.stratus.scenario.FunctionsConfig;
import io.stratus.serverless.FunctionSpec;
import io.stratus.serverless.LambdaAccount;
import io.stratus.serverless.LambdaFunction;
import io.stratus.serverless.QueueEventSource;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.workload.RequestSink;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AWS Lambda function during a run: its invocations (a {@link RequestSource} invoking it
 * directly, or sending messages to its SQS event source), its latencies per period and in all,
 * and its bill as charge lines ({@link LambdaCharges}). It runs no EC2 instance, so it has no
 * instance bill; its random streams are named after it ({@code api/arrivals}, {@code api/work}).
 */
final class FunctionRun implements WorkloadRun {

    private final FunctionConfig config;
    private final Simulation sim;
    private final LambdaFunction function;
    private final QueueEventSource queue;
    private final RequestSource source;
    private final LatencyRecorder latency = new LatencyRecorder();
    private LatencyRecorder periodLatency = new LatencyRecorder();
    private long lastArrived;
    private long lastRefused;
    private long closedAt;

    private FunctionRun(FunctionConfig config, SharedRegion region, LambdaAccount account) throws IOException {
        this.config = config;
        this.sim = region.sim();
        RequestSink sink;
        if (config.queued()) {
            this.queue = new QueueEventSource(sim, config.spec(), account, config.batchSize(), config.maxConcurrency(),
                    this::record);
            this.function = queue.function();
            sink = queue;
        } else {
            this.queue = null;
            this.function = new LambdaFunction(sim, config.spec(), account, (token, invokedAt, now) ->
                    record(now - invokedAt));
            sink = work -> function.invoke(work, 0);
        }
        ServiceDemand demand = config.workDistribution().equals("fixed")
                ? ServiceDemand.fixed(config.meanWorkMicros())
                : ServiceDemand.exponential(config.meanWorkMicros(), sim.random().stream(config.name() + "/work"));
        this.source = new RequestSource(sim,
                config.arrivals().open(sim.random().stream(config.name() + "/arrivals"), region.toClose()), demand,
                sink);
    }

    /** The runs of a scenario's functions, sharing one account's concurrency, in file order. */
    static List<FunctionRun> build(FunctionsConfig functions, SharedRegion region) throws IOException {
        LambdaAccount account = new LambdaAccount(functions.accountConcurrency());
        List<FunctionRun> out = new ArrayList<>();
        for (FunctionConfig f : functions.functions()) {
            out.add(new FunctionRun(f, region, account));
        }
        return out;
    }

    private void record(long latencyMicros) {
        latency.record(latencyMicros);
        periodLatency.record(latencyMicros);
    }

    @Override
    public void start() {
        if (queue != null) {
            queue.start(0);
        }
        source.start(0);
    }

    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        LatencyRecorder period = periodLatency;
        periodLatency = new LatencyRecorder();
        long arrived = source.generated();
        long refused = function.throttles();
        rows.add(new MetricsRow(now, config.name(), 0, function.environments(), 0, Double.NaN, Double.NaN,
                function.environments() * config.spec().memoryGb(), 0, arrived - lastArrived, refused - lastRefused,
                period.count(), ms(period, 50), ms(period, 95), ms(period, 99), costUsd(now)));
        lastArrived = arrived;
        lastRefused = refused;
    }

    private static double ms(LatencyRecorder r, double percentile) {
        return r.count() == 0 ? Double.NaN : r.percentileMicros(percentile) / (double) Time.MILLISECOND;
    }

    @Override
    public void close(long end) {
        closedAt = end;
    }

    /** The function's charge lines as if the run ended {@code now}. */
    private List<Charge> lines(long now) {
        FunctionSpec spec = config.spec();
        ServerlessPrices prices = ServerlessPrices.bundled();
        LambdaUsage usage = new LambdaUsage(function.invocations(), spec.memoryGb() * function.onDemandBilledMs() / 1000.0,
                spec.memoryGb() * function.provisionedBilledMs() / 1000.0,
                LambdaCharges.provisionedGbSeconds(prices, spec.provisioned(), spec.memoryMb(), now));
        return LambdaCharges.of(prices, config.name(), spec.architecture(), usage);
    }

    private double costUsd(long now) {
        return Charge.totalUsd(lines(now));
    }

    @Override
    public void charges(ChargeLines lines) {
        lines.add(lines(closedAt));
        lines.internet(function.completed() * config.responseBytes());
    }

    @Override
    public Optional<WorkloadBill> bill() {
        return Optional.empty();
    }

    @Override
    public void addResult(RunResults results) {
        double toMs = Time.MILLISECOND;
        boolean any = latency.count() > 0;
        results.functions.add(new FunctionResult(config.name(), config.spec().memoryMb(),
                config.spec().architecture().id(), queue != null, source.generated(), function.invocations(),
                function.throttles(), function.coldStarts(), function.timeouts(),
                queue == null ? function.completed() : queue.delivered(), queue == null ? 0 : queue.waiting(),
                any ? latency.meanMicros() / toMs : Double.NaN, any ? latency.percentileMicros(50) / toMs : Double.NaN,
                any ? latency.percentileMicros(99) / toMs : Double.NaN, any ? latency.maxMicros() / toMs : Double.NaN,
                function.meanConcurrency(closedAt), function.peakInFlight(), function.meanEnvironments(closedAt),
                costUsd(closedAt)));
    }
}
