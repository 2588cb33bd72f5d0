package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.compute.Instance;
import io.stratus.compute.InstanceListener;
import io.stratus.compute.InstanceState;
import io.stratus.compute.LaunchListener;
import io.stratus.compute.LaunchSpec;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.messaging.MessageQueue;
import io.stratus.messaging.QueueSettings;
import io.stratus.messaging.QueueWorkers;
import io.stratus.monitor.CloudWatch;
import io.stratus.monitor.Statistic;
import io.stratus.scaling.AutoScalingGroup;
import io.stratus.scaling.GroupMetrics;
import io.stratus.scaling.GroupSettings;
import io.stratus.scaling.LaunchTemplate;
import io.stratus.scaling.TargetTrackingPolicy;
import io.stratus.scenario.QueueConfig;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import io.stratus.storage.BlockStorage;
import io.stratus.workload.RequestSource;
import io.stratus.workload.ServiceDemand;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One order queue during a run: producers sending messages to an SQS queue (with a dead-letter
 * queue after the maximum receives), and an Auto Scaling group of workers, tagged
 * {@code queue/<name>}, that consumes it and scales by target tracking on backlog per instance.
 * The backlog (visible plus in-flight messages) is sampled every simulated minute for its
 * time-average; the mean time in the queue follows by Little's law.
 */
final class QueueRun implements WorkloadRun, InstanceListener, LaunchListener {

    private static final long BACKLOG_SAMPLE = Time.MINUTE;

    private final QueueConfig config;
    private final Simulation sim;
    private final String tag;
    private final MessageQueue queue;
    private final MessageQueue deadLetter;
    private final QueueWorkers workers;
    private final AutoScalingGroup group;
    private final RequestSource producer;
    private final int sampleKind;
    private final IntOpenHashSet members = new IntOpenHashSet();
    private final WorkloadBill bill;
    private long backlogSamples;
    private long backlogSum;
    private int running;
    private int peakRunning;
    private long runningSince;
    private double runningIntegral;
    private long lastSent;
    private long lastDeleted;
    private long closedAt;

    QueueRun(QueueConfig config, Simulation sim, Fleet fleet, CpuSharing cpus, CompletionFanout completions,
             BlockStorage storage,
             CloudWatch cloudWatch, int zoneCount, List<Closeable> toClose, Purchases purchases)
            throws IOException {
        this.config = config;
        this.sim = sim;
        this.tag = "queue/" + config.name();
        this.deadLetter = new MessageQueue(sim, config.name() + "-dlq",
                new QueueSettings(config.visibilityMicros(), config.retentionMicros(), 0), null);
        this.queue = new MessageQueue(sim, config.name(),
                new QueueSettings(config.visibilityMicros(), config.retentionMicros(), config.maxReceives()), deadLetter);
        List<Integer> zones = new ArrayList<>();
        for (int z = 0; z < zoneCount; z++) {
            zones.add(z);
        }
        LaunchSpec launch = config.launch();
        this.group = new AutoScalingGroup(sim, tag, fleet, GroupSettings.of(config.min(), config.min(), config.max(),
                zones).withWarmup(config.warmupMicros()).withCooldown(config.cooldownMicros()),
                LaunchTemplate.from(launch, List.of(launch.type())),
                purchases.split(), List.of());
        this.workers = new QueueWorkers(sim, queue, members::contains, cpus, completions, config.failureProbability(),
                sim.random().stream(config.name() + "/failures"));
        GroupMetrics metrics = new GroupMetrics(cloudWatch, group, cpus, null, queue);
        group.addPolicy(TargetTrackingPolicy.aws(metrics.backlogPerInstance(), Statistic.AVERAGE,
                config.backlogPerInstance()));
        ServiceDemand demand = "fixed".equals(config.workDistribution()) ? ServiceDemand.fixed(config.meanWorkMicros())
                : ServiceDemand.exponential(config.meanWorkMicros(), sim.random().stream(config.name() + "/work"));
        this.producer = new RequestSource(sim, config.arrivals().open(sim.random().stream(config.name() + "/arrivals"),
                toClose), demand, work -> {
                    if (queue.visible() + queue.inFlight() >= config.maxMessages()) {
                        return false; // overloaded: counted as the producer's refusals
                    }
                    queue.send(work);
                    return true;
                });
        fleet.addLaunchListener(this);
        fleet.addListener(workers);
        // with the run's purchases: workers launched as spot are billed at their pools' spot prices
        this.bill = new WorkloadBill(fleet, storage, members::contains, purchases);
        fleet.addListener(this);
        this.sampleKind = sim.registerKind(tag + "/backlog-sample", (s, d) -> sampleBacklog());
    }

    private void sampleBacklog() {
        backlogSamples++;
        backlogSum += queue.visible() + queue.inFlight();
        sim.scheduleIn(BACKLOG_SAMPLE, sampleKind, 0, 0);
    }

    @Override
    public void start() {
        sim.schedule(0, sampleKind, 0, 0);
        group.start();
        producer.start(0);
    }

    @Override
    public void monitoredBy(MonitoringRun monitoring) {
        monitoring.queue(config.name(), tag);
    }

    @Override
    public void networkedBy(NetworkRun network) {
        network.queue(config.name(), workers, queue);
    }

    @Override
    public void launched(Instance instance, long now) {
        if (instance.spec().group().equals(tag)) {
            members.add(instance.id());
            bill.launched(instance);
        }
    }

    @Override
    public void stateChanged(Instance instance, InstanceState from, InstanceState to, long now) {
        if (members.contains(instance.id()) && (to == InstanceState.RUNNING || from == InstanceState.RUNNING)) {
            runningIntegral += (double) running * (now - runningSince);
            runningSince = now;
            running += to == InstanceState.RUNNING ? 1 : -1;
            peakRunning = Math.max(peakRunning, running);
        }
    }

    /** The period ending now: workers by state and memory; messages sent and deleted in the request columns. */
    @Override
    public void endPeriod(long now, List<MetricsRow> rows) {
        OwnedInstances owned = bill.owned();
        rows.add(new MetricsRow(now, config.name(), owned.count(InstanceState.PENDING),
                owned.count(InstanceState.RUNNING), owned.stoppedOrStopping(), Double.NaN, Double.NaN,
                owned.memoryGib(), 0, queue.sent() - lastSent, 0, queue.deleted() - lastDeleted, Double.NaN,
                Double.NaN, Double.NaN, bill.costSoFarUsd(now)));
        lastSent = queue.sent();
        lastDeleted = queue.deleted();
    }

    @Override
    public void close(long end) {
        closedAt = end;
    }

    /** Its SQS requests: a send, a receive per delivery and a delete per message. */
    @Override
    public void charges(ChargeLines lines) {
        lines.queue(queue.sent() + queue.received() + queue.deleted(), config.messageBytes());
    }

    @Override
    public Optional<WorkloadBill> bill() {
        return Optional.of(bill);
    }

    @Override
    public void addResult(RunResults results) {
        results.queues.add(result(closedAt));
    }

    QueueResult result(long end) {
        double meanBacklog = backlogSamples == 0 ? 0 : (double) backlogSum / backlogSamples;
        double throughput = end == 0 ? 0 : queue.deleted() / Time.toSeconds(end);
        double meanWorkers = end == 0 ? 0 : (runningIntegral + (double) running * (end - runningSince)) / end;
        return new QueueResult(config.name(), config.type().name(), queue.sent(), queue.deleted(),
                queue.movedToDeadLetter(), queue.expired(), workers.failed(), queue.visible() + queue.inFlight(),
                meanBacklog, throughput == 0 ? Double.NaN : meanBacklog / throughput, meanWorkers, peakRunning,
                bill.costUsd(), producer.refused());
    }
}
