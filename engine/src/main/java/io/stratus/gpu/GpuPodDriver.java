package io.stratus.gpu;

import io.stratus.sim.RandomStream;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import java.util.Objects;

/**
 * Drives one pod stream into several {@link GpuCluster}s (one per placement policy), so that the
 * policies see exactly the same pods at the same times: each arrival is added once to the shared
 * {@link GpuPods} and applied to every cluster, and its departure, when departures are modelled,
 * is one event that leaves every cluster.
 *
 * <p>With a load factor f each pod offered arrives floor(f) times, plus once more with
 * probability frac(f), drawn from one random stream shared by the clusters' identical arrivals.
 * A pod leaves its lifetime after it arrived, placed or not (the lifetime is not scaled with the
 * arrivals). Nothing is allocated per pod beyond the pods' own primitive arrays.
 */
public final class GpuPodDriver {

    private final Simulation sim;
    private final List<GpuCluster> clusters;
    private final GpuPods pods;
    private final double loadFactor;
    private final boolean departures;
    private final RandomStream load;
    private final int departureKind;

    /**
     * @param name       the event kind's prefix ({@code name/pod-departure})
     * @param clusters   the clusters that all receive every pod, all over {@code pods}
     * @param loadFactor copies of each pod offered, in expectation; at least 0
     * @param departures whether pods leave after their lifetime
     * @param load       the stream that draws the fractional copies
     */
    public GpuPodDriver(Simulation sim, String name, List<GpuCluster> clusters, GpuPods pods, double loadFactor,
                        boolean departures, RandomStream load) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.clusters = List.copyOf(clusters);
        this.pods = Objects.requireNonNull(pods, "pods");
        if (!(loadFactor >= 0) || Double.isInfinite(loadFactor)) {
            throw new IllegalArgumentException("load factor must be finite and >= 0, got " + loadFactor);
        }
        this.loadFactor = loadFactor;
        this.departures = departures;
        this.load = Objects.requireNonNull(load, "load");
        this.departureKind = sim.registerKind(name + "/pod-departure", (subject, data) -> depart(subject));
    }

    /**
     * Offers one pod now: its copies (as the load factor says) arrive in every cluster.
     *
     * @param modelMask the GPU models it accepts ({@link GpuModels#mask}, {@link GpuModels#ANY})
     * @param lifetime  how long each copy stays, microseconds (ignored without departures)
     */
    public void offer(int cpuMilli, long memoryMib, int gpus, int gpuMilli, long modelMask, long lifetime) {
        long now = sim.now();
        int copies = (int) Math.floor(loadFactor);
        if (loadFactor > copies && load.nextDouble() < loadFactor - copies) {
            copies++;
        }
        for (int c = 0; c < copies; c++) {
            int id = pods.add(cpuMilli, memoryMib, gpus, gpuMilli, modelMask, now);
            for (int i = 0; i < clusters.size(); i++) {
                clusters.get(i).arrive(id, now);
            }
            if (departures) {
                sim.schedule(Time.plus(now, lifetime), departureKind, id, 0);
            }
        }
    }

    private void depart(int pod) {
        long now = sim.now();
        for (int i = 0; i < clusters.size(); i++) {
            clusters.get(i).depart(pod, now);
        }
    }
}
