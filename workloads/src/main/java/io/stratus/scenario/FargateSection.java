package io.stratus.scenario;

import io.stratus.compute.Ami;
import io.stratus.compute.Architecture;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.PerformanceCatalog;
import io.stratus.compute.RootDevice;
import io.stratus.infra.HostSpec;
import io.stratus.pricing.ServerlessPrices;
import io.stratus.sim.Time;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code services.*.fargate:} (an ECS service whose tasks run on AWS Fargate instead of EC2
 * instances) into a {@link FargateSpec} and the launch template its group or fixed fleet uses: a
 * task is modelled as an instance of the task's size (vCPUs, memory) on the region's hosts, which
 * stand for Fargate's own capacity, with the hosts' processor (so an x86_64 task needs x86 hosts,
 * arm64 Graviton ones), an instance-store root (no EBS volume: Fargate's 20 GB of ephemeral
 * storage are included), its start-up latency as its boot, no public IPv4 address (tasks in
 * private subnets behind the load balancer); its bill is Fargate's, never an instance's.
 *
 * <p>Simplified: whole vCPUs only (1, 2, 4, 8, 16; Fargate also sells 0.25 and 0.5); the start-up
 * latency is one fixed duration (image pull and container start vary in reality).
 *
 * @param fargate the task size and architecture, or null when invalid
 * @param launch  the launch template of its tasks ({@code type} null when invalid)
 */
record FargateSection(FargateSpec fargate, LaunchSection launch) {

    private static final Pattern GIGABYTES = Pattern.compile("(\\d{1,4})\\s*GB");
    private static final List<Long> VCPUS = List.of(1L, 2L, 4L, 8L, 16L);
    /** Fargate's memory range per vCPU count, GB: {vcpus, min, max}. */
    private static final int[][] MEMORY = {{1, 2, 8}, {2, 4, 16}, {4, 8, 30}, {8, 16, 60}, {16, 32, 120}};

    static FargateSection read(ConfigNode service, RegionConfig region, InstanceCatalog catalog) {
        LaunchSection none = new LaunchSection(null, null);
        if (service.has("launch")) {
            service.problem("fargate", "give either launch (EC2 instances) or fargate (ECS tasks on Fargate), not both");
        }
        ConfigNode node = service.child("fargate", true);
        node.allowOnly("cpu", "memory", "architecture", "startup");
        long vcpus = node.integer("cpu", 1, 1, 16, true);
        if (!VCPUS.contains(vcpus)) {
            node.problem("cpu", vcpus + " vCPUs is not a Fargate task size; allowed 1, 2, 4, 8 or 16");
            return new FargateSection(null, none);
        }
        int[] range = MEMORY[VCPUS.indexOf(vcpus)];
        Long memory = node.unit("memory", null, true, FargateSection::gigabytes, (long) range[1], (long) range[2],
                "allowed from " + range[1] + "GB to " + range[2] + "GB for " + vcpus + " vCPU (Fargate's sizes)");
        Architecture architecture = Architecture.named(node.oneOf("architecture", Architecture.X86_64.id(),
                Architecture.names()));
        long startup = node.unit("startup", 40 * Time.SECOND, false, Units::duration, 0L, Time.HOUR,
                "allowed from 0s to 1h");
        HostSpec host = region == null ? null : region.host();
        if (memory == null || host == null) {
            return new FargateSection(null, none);
        }
        boolean graviton = PerformanceCatalog.bundled().processorOfFamily(host.family()).name().startsWith("GRAVITON");
        if (graviton != (architecture == Architecture.ARM64)) {
            node.problem("architecture", architecture.id() + " tasks need " + (graviton ? "x86" : "Graviton")
                    + " hosts, but the region's " + host.family() + " hosts are " + (graviton ? "Graviton" : "x86")
                    + " (they stand for Fargate's capacity): set region.hosts.family accordingly");
            return new FargateSection(null, none);
        }
        InstanceType shape = catalog.hostShapeOf(host.family());
        // its price is Fargate's per hour (the spot model prices a spot task from it); the run bills it by
        // io.stratus.pricing.FargateMeter, never as an instance
        ServerlessPrices p = ServerlessPrices.bundled();
        double usdPerHour = vcpus * p.fargateUsdPerVcpuHour(architecture) + memory * p.fargateUsdPerGbHour(architecture);
        InstanceType type = new InstanceType("fargate." + vcpus + "vcpu-" + memory + "gb", host.family(),
                shape.category(), "fargate", (int) vcpus, memory, 0, shape.networkMbps(), shape.ebsMbps(), 0,
                usdPerHour);
        Ami image = new Ami("fargate-task", RootDevice.INSTANCE_STORE, startup, 0, Ami.DEFAULT_ROOT_GIB);
        LaunchSpec spec = new LaunchSpec(type, -1, 0, 0).withAmi(image);
        return new FargateSection(new FargateSpec((int) vcpus, memory.intValue(), architecture),
                new LaunchSection(type, spec));
    }

    /** A Fargate memory size in whole GB, {@code 4GB}. */
    static Long gigabytes(String text) {
        Matcher m = GIGABYTES.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Fargate memory size; write whole GB such as 4GB");
        }
        return Long.parseLong(m.group(1));
    }
}
