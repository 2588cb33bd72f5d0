/**
 * GPU clusters shared by pods, as in the Alibaba GPU cluster trace 2023 and the paper it
 * accompanies (Weng et al., "Beware of Fragmentation: Scheduling GPU-Sharing Workloads with
 * Fragmentation Gradient Descent", USENIX ATC 2023).
 *
 * <p>A node has CPU (thousandths of a core), memory (MiB) and GPUs of one model; each GPU is
 * shareable in thousandths. A pod asks CPU, memory and either no GPU, a share of one GPU
 * ({@code gpus = 1}, {@code gpuMilli} of it) or whole GPUs ({@code gpus > 1}), optionally only of
 * some GPU models. {@link io.stratus.gpu.GpuCluster} runs the pods' lifecycle (arrive, place,
 * depart, retry) over three parts, each with its state in primitive arrays: the nodes' free
 * capacity and cached fragmentation ({@code NodeCapacity}), the FIFO queue of pods that fit
 * nowhere, retried when capacity frees ({@code PendingQueue}), and the measurements of a run,
 * allocation and fragmentation integrated over time and the scheduling waits ({@code GpuMeter}).
 *
 * <p>Placement is filters then a score: {@link io.stratus.gpu.GpuFit} says whether a node (and a
 * GPU) can hold a pod; a {@link io.stratus.gpu.GpuPlacementPolicy}, chosen by name in
 * {@link io.stratus.gpu.GpuPolicies}, scores each feasible candidate through a read-only
 * {@link io.stratus.gpu.GpuClusterView}; the cluster applies the best. Fragmentation is measured
 * by {@link io.stratus.gpu.PodMix}, the popularity of pod types in the workload.
 *
 * <p>Invariants (checked by {@link io.stratus.gpu.GpuCluster#checkInvariants()}): no node has
 * more CPU, memory or any GPU more than 1000 thousandths allocated; a pod's GPU models are
 * respected; every pod that arrived is running, pending, or gone; the cached fragmentation equals
 * a recomputation. "No node fits" is an outcome (the pod waits), never an exception.
 *
 * <p>{@link io.stratus.gpu.GpuPodDriver} feeds one pod stream to several clusters (one per policy)
 * so that they see the same pods at the same times, with load-factor copies and departures.
 *
 * <p>Nodes are EC2 instances: {@link io.stratus.gpu.GpuNodePool} launches one instance per node
 * through a {@link io.stratus.compute.Fleet} onto a host of its own, and a node takes pods only
 * while its instance is running; {@link io.stratus.gpu.GpuNodeTypes} chooses the catalogue type
 * that stands for a trace's node, or gives a type's capacities as a node. The package depends on
 * {@code sim}, {@code infra} and {@code compute} (after {@code compute} in the engine's package
 * order) and on nothing after it.
 */
package io.stratus.gpu;
