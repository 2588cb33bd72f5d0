package io.stratus.run;

import io.stratus.compute.Fleet;
import io.stratus.hypervisor.CompletionFanout;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostTable;
import io.stratus.monitor.CloudWatch;
import io.stratus.sim.Simulation;
import io.stratus.storage.BlockStorage;
import java.io.Closeable;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every workload of a run shares: the simulation, the region's hosts, the fleet and its CPU
 * sharing (whose completions fan out to the workloads), the block storage, one CloudWatch (made
 * when first asked for), the trace readers to close at the end, and how owners buy their
 * instances ({@link Purchases}: each owner's on-demand / spot split and the spot market, if any).
 */
record SharedRegion(Simulation sim, HostTable hosts, Fleet fleet, CpuSharing cpus, CompletionFanout completions,
                    BlockStorage storage, Supplier<CloudWatch> cloudWatch, List<Closeable> toClose,
                    Purchases purchases) {
}
