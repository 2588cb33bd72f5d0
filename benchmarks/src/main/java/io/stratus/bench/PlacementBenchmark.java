package io.stratus.bench;

import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Tenancy;
import io.stratus.infra.Zone;
import io.stratus.placement.FirstFitPlacement;
import io.stratus.placement.HostOccupancy;
import io.stratus.placement.PlacementContext;
import io.stratus.placement.PlacementGroups;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRegistry;
import io.stratus.placement.PlacementRequest;
import io.stratus.placement.Placer;
import io.stratus.sim.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicy;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyBestFit;
import org.cloudsimplus.allocationpolicies.VmAllocationPolicyFirstFit;
import org.cloudsimplus.brokers.DatacenterBrokerSimple;
import org.cloudsimplus.core.CloudSimPlus;
import org.cloudsimplus.datacenters.DatacenterSimple;
import org.cloudsimplus.hosts.Host;
import org.cloudsimplus.hosts.HostSimple;
import org.cloudsimplus.resources.Pe;
import org.cloudsimplus.resources.PeSimple;
import org.cloudsimplus.vms.Vm;
import org.cloudsimplus.vms.VmSimple;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placements per second at scale ({@link PlacementMix}: fill to 70%, then churn of one placement
 * and one release per operation), for Stratus's indexed policies and, on equal hosts and VMs, for
 * CloudSim Plus 8.5.7's {@code VmAllocationPolicyFirstFit} (next fit) and
 * {@code VmAllocationPolicyBestFit}. One operation = one placement decision applied plus one
 * release, so operations per second is placements per second.
 *
 * <p>Both engines start from the same filled state ({@link PlacementMix#fill}; applied to CloudSim
 * Plus hosts with {@code allocateHostForVm(vm, host)}), so that a slow policy does not spend the
 * setup filling 100,000 hosts. {@code first-fit-scan} is the walking skeleton's linear scan
 * ({@link FirstFitPlacement}), kept as the baseline the indexes replace.
 *
 * <p>{@code group} puts every churned VM (not the filled ones) in one EC2 placement group:
 * {@code none} (the default, the published table), {@code cluster} (packed from the group's
 * first host), {@code spread} (one instance per rack, seven per zone: once seven churned VMs are
 * placed, almost every later one is refused, so this measures how fast a refusal is found), or
 * {@code partition} (seven partitions over racks of 40 hosts).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PlacementBenchmark {

    /** Failed placements (insufficient capacity) per second, reported beside the throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcomes {
        public long insufficientCapacity;
    }

    private static final int SIZES = PlacementMix.CORES.length;

    /** Stratus: a host table, the named policy with its index, and the live VMs. */
    @State(Scope.Thread)
    public static class StratusState {

        @Param({"first-fit", "best-fit", "next-fit", "worst-fit", "first-fit-scan"})
        public String policy;

        @Param({"1000", "10000", "100000"})
        public int hosts;

        /** The placement group of churned VMs: none, cluster, spread or partition. */
        @Param({"none"})
        public String group;

        PlacementMix mix;
        Placer placer;
        PlacementRequest[] requests;
        int[] liveHost;
        int[] liveRequest;
        int live;
        int target;
        long step;

        @Setup(Level.Trial)
        public void setUp() {
            mix = new PlacementMix(42);
            HostTable table = new HostTable(List.of(new Zone(0, "bench-a")));
            table.addHosts(new HostSpec("bench", "bench", PlacementMix.HOST_THREADS, PlacementMix.HOST_MEMORY_MIB), 0,
                    hosts, 40);
            HostOccupancy tenancy = new HostOccupancy();
            PlacementGroups groups = new PlacementGroups(table);
            PlacementContext ctx = new PlacementContext(table, tenancy, groups, new RandomStream(7));
            int g = switch (group) {
                case "none" -> PlacementRequest.NO_GROUP;
                case "cluster" -> groups.create(PlacementGroups.Strategy.CLUSTER);
                case "spread" -> groups.create(PlacementGroups.Strategy.SPREAD);
                case "partition" -> groups.createPartitioned(PlacementGroups.MAX_PARTITIONS);
                default -> throw new IllegalArgumentException("group is none, cluster, spread or partition, not "
                        + group);
            };
            // requests[size]: a filled VM, outside any group; requests[SIZES + size]: a churned VM
            requests = new PlacementRequest[2 * SIZES];
            for (int s = 0; s < SIZES; s++) {
                requests[s] = new PlacementRequest(PlacementMix.CORES[s], PlacementMix.MEMORY_MIB[s],
                        PlacementRequest.ANY_ZONE);
                requests[SIZES + s] = new PlacementRequest(PlacementMix.CORES[s], PlacementMix.MEMORY_MIB[s],
                        PlacementRequest.ANY_ZONE, 0, Tenancy.DEFAULT, g);
            }
            liveHost = new int[16 * hosts];
            liveRequest = new int[16 * hosts];
            step = mix.fill(hosts, (h, size) -> {
                table.reserve(h, PlacementMix.CORES[size], PlacementMix.MEMORY_MIB[size]);
                tenancy.add(h, 0, Tenancy.DEFAULT);
                liveHost[live] = h;
                liveRequest[live++] = size;
                return h;
            });
            target = live;
            // the policy is built after the fill, so its index starts from the filled state
            PlacementPolicy p = policy.equals("first-fit-scan") ? new FirstFitPlacement()
                    : PlacementRegistry.create(policy, ctx);
            placer = new Placer(ctx, p);
        }
    }

    /** CloudSim Plus: hosts in a datacenter with the named allocation policy, and the live VMs. */
    @State(Scope.Thread)
    public static class CloudSimPlusState {

        @Param({"VmAllocationPolicyFirstFit", "VmAllocationPolicyBestFit"})
        public String peerPolicy;

        @Param({"1000", "10000"})
        public int peerHosts;

        PlacementMix mix;
        VmAllocationPolicy allocation;
        DatacenterBrokerSimple broker;
        Vm[] live;
        int count;
        int target;
        long step;
        long nextId;

        @Setup(Level.Trial)
        public void setUp() {
            org.cloudsimplus.util.Log.setLevel(ch.qos.logback.classic.Level.OFF);
            mix = new PlacementMix(42);
            CloudSimPlus sim = new CloudSimPlus();
            List<Host> hostList = new ArrayList<>(peerHosts);
            for (int h = 0; h < peerHosts; h++) {
                List<Pe> pes = new ArrayList<>(PlacementMix.HOST_THREADS);
                for (int p = 0; p < PlacementMix.HOST_THREADS; p++) {
                    pes.add(new PeSimple(10_000));
                }
                hostList.add(new HostSimple(PlacementMix.HOST_MEMORY_MIB, 1_000_000_000L, 1_000_000_000L, pes));
            }
            allocation = peerPolicy.equals("VmAllocationPolicyBestFit") ? new VmAllocationPolicyBestFit()
                    : new VmAllocationPolicyFirstFit();
            new DatacenterSimple(sim, hostList, allocation);
            broker = new DatacenterBrokerSimple(sim);
            live = new Vm[16 * peerHosts];
            step = mix.fill(peerHosts, (h, size) -> {
                Vm vm = vm(size);
                if (!allocation.allocateHostForVm(vm, hostList.get(h)).fully()) {
                    throw new IllegalStateException("CloudSim Plus refused a fill placement on host " + h);
                }
                live[count++] = vm;
                return h;
            });
            target = count;
        }

        Vm vm(int size) {
            Vm vm = new VmSimple(nextId++, 10_000, PlacementMix.CORES[size]);
            vm.setRam(PlacementMix.MEMORY_MIB[size]).setBw(1).setSize(1);
            vm.setBroker(broker);
            return vm;
        }
    }

    /** One Stratus placement (decision and reservation) and one release. */
    @Benchmark
    public int stratus(StratusState s, Outcomes o) {
        int request = SIZES + s.mix.size(s.step);
        int host = s.placer.place(s.requests[request]);
        if (host >= 0) {
            s.liveHost[s.live] = host;
            s.liveRequest[s.live++] = request;
        } else {
            o.insufficientCapacity++;
        }
        if (s.live > s.target) {
            int v = s.mix.victim(s.step, s.live);
            s.placer.release(s.liveHost[v], s.requests[s.liveRequest[v]]);
            s.live--;
            s.liveHost[v] = s.liveHost[s.live];
            s.liveRequest[v] = s.liveRequest[s.live];
        }
        s.step++;
        return host;
    }

    /** One CloudSim Plus placement ({@code allocateHostForVm}) and one release. */
    @Benchmark
    public boolean cloudSimPlus(CloudSimPlusState s, Outcomes o) {
        Vm vm = s.vm(s.mix.size(s.step));
        boolean placed = s.allocation.allocateHostForVm(vm).fully();
        if (placed) {
            s.live[s.count++] = vm;
        } else {
            o.insufficientCapacity++;
        }
        if (s.count > s.target) {
            int v = s.mix.victim(s.step, s.count);
            s.allocation.deallocateHostForVm(s.live[v]);
            s.count--;
            s.live[v] = s.live[s.count];
        }
        s.step++;
        return placed;
    }
}
