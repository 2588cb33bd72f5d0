package io.stratus.bench;

import io.stratus.hypervisor.CpuSharing;
import io.stratus.hypervisor.VcpuProfile;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one arrival plus one departure in the hypervisor, as the jobs per instance grow.
 *
 * <p>Four 4-vCPU instances share one host, each holding {@code jobs} jobs in steady state: every
 * operation submits one job (to the next instance in turn) and runs the simulation until one job
 * completes, so the population stays constant. On the {@code shared} host (16 threads) the
 * demands fit; on the {@code overcommitted} one (8 threads for 16 vCPUs) every instance is
 * throttled by its neighbours, so the host is contended throughout. Processor sharing with
 * virtual time should make the cost grow as O(log n) with the jobs per instance; the work sizes
 * come from a fixed-seed exponential stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SharingBenchmark {

    private static final int INSTANCES = 4;
    private static final int VCPUS = 4;
    private static final int SIZES = 1 << 16;

    @Param({"10", "100", "1000", "10000", "100000"})
    public int jobs;

    @Param({"shared", "overcommitted"})
    public String host;

    private Simulation sim;
    private CpuSharing cpus;
    private final long[] sizes = new long[SIZES];
    private int nextSize;
    private int nextInstance;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int i = 0; i < SIZES; i++) {
            sizes[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * 10 * Time.MILLISECOND);
        }
        sim = new Simulation(1);
        cpus = new CpuSharing(sim, (id, arrival, now) -> sim.stop());
        HostTable hosts = new HostTable(List.of(new Zone(0, "a")));
        int threads = host.equals("shared") ? INSTANCES * VCPUS : INSTANCES * VCPUS / 2;
        hosts.addHosts(new HostSpec("h", "bench", threads, 1 << 20).overcommitted(INSTANCES * VCPUS / (double) threads, 1),
                0, 1);
        cpus.bindHosts(hosts);
        for (int i = 0; i < INSTANCES; i++) {
            cpus.attach(i, 0, VcpuProfile.fixed(VCPUS, 1024));
            for (int j = 0; j < jobs; j++) {
                cpus.submit(i, nextSize());
            }
        }
    }

    private long nextSize() {
        long s = sizes[nextSize];
        nextSize = (nextSize + 1) & (SIZES - 1);
        return s;
    }

    /** One arrival, then events until one departure. */
    @Benchmark
    public long arrivalAndDeparture() {
        cpus.submit(nextInstance, nextSize());
        nextInstance = (nextInstance + 1) % INSTANCES;
        sim.run();
        return sim.now();
    }
}
