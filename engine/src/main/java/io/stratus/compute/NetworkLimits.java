package io.stratus.compute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-type network limits: how many elastic network interfaces (ENIs) an instance type may
 * attach, how many private IPv4 addresses each ENI holds, and the pods an EKS node of the type
 * may run with the Amazon VPC CNI, which gives every pod an address of the VPC.
 *
 * <p>Max pods in secondary-IP mode is the bundled figure ({@code max-pods.csv}, from Karpenter's
 * DescribeInstanceTypes table, 1,363 types): ENIs x (IPv4 per ENI - 1) + 2, the 2 being
 * host-network pods (kube-proxy, aws-node) that take no VPC address. The ENI split
 * ({@code eni-limits.csv}) is bundled for the common T3, M5, C5, R5, M6i, C6i, R6i, M7g, C7g and
 * R7g sizes only; {@link #enis} and {@link #ipv4PerEni} are empty for the others.
 *
 * <p>With prefix delegation each secondary address slot of an ENI holds a /28 prefix (16
 * addresses), and the EKS max-pods calculator caps the result at 110 pods below 30 vCPUs and 250
 * from 30 vCPUs on; that is {@link #maxPodsWithPrefixes}. Simplification: trunk ENIs (security
 * groups for pods), multiple network cards and custom networking are not modelled.
 */
public final class NetworkLimits {

    /** Addresses in one /28 prefix assigned to an ENI under prefix delegation. */
    public static final int PREFIX_ADDRESSES = 16;

    private static final String MAX_PODS = "max-pods.csv";
    private static final String ENI_LIMITS = "eni-limits.csv";
    private static volatile NetworkLimits bundled;

    private final Map<String, Integer> maxPods;
    private final Map<String, int[]> enis;

    private NetworkLimits(Map<String, Integer> maxPods, Map<String, int[]> enis) {
        this.maxPods = Map.copyOf(maxPods);
        this.enis = Map.copyOf(enis);
    }

    /** The limits bundled with Stratus (read once). */
    public static NetworkLimits bundled() {
        NetworkLimits n = bundled;
        if (n == null) {
            synchronized (NetworkLimits.class) {
                n = bundled;
                if (n == null) {
                    Map<String, Integer> pods = new HashMap<>();
                    Map<String, int[]> split = new HashMap<>();
                    read(MAX_PODS, 2, cells -> pods.put(cells[0], Integer.parseInt(cells[1])));
                    read(ENI_LIMITS, 3, cells -> split.put(cells[0],
                            new int[] {Integer.parseInt(cells[1]), Integer.parseInt(cells[2])}));
                    n = new NetworkLimits(pods, split);
                    bundled = n;
                }
            }
        }
        return n;
    }

    private static void read(String resource, int columns, java.util.function.Consumer<String[]> row) {
        try (InputStream in = Objects.requireNonNull(NetworkLimits.class.getResourceAsStream(resource), resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                }
                row.accept(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pods a node of the type may run with the VPC CNI in secondary-IP mode, if the type is known. */
    public OptionalInt maxPods(String type) {
        Integer p = maxPods.get(type);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** Pods a node may run with prefix delegation (EKS calculator: capped at 110 under 30 vCPUs, else 250). */
    public OptionalInt maxPodsWithPrefixes(InstanceType type) {
        int[] split = enis.get(type.name());
        if (split == null) {
            return OptionalInt.empty();
        }
        long raw = (long) split[0] * (split[1] - 1) * PREFIX_ADDRESSES + 2;
        return OptionalInt.of((int) Math.min(raw, type.vcpus() < 30 ? 110 : 250));
    }

    /** ENIs the type may attach, if its split is bundled. */
    public OptionalInt enis(String type) {
        int[] split = enis.get(type);
        return split == null ? OptionalInt.empty() : OptionalInt.of(split[0]);
    }

    /** Private IPv4 addresses per ENI (its primary included), if the type's split is bundled. */
    public OptionalInt ipv4PerEni(String type) {
        int[] split = enis.get(type);
        return split == null ? OptionalInt.empty() : OptionalInt.of(split[1]);
    }

    /** The types whose ENI split is bundled, sorted. */
    public java.util.List<String> typesWithEniSplit() {
        return enis.keySet().stream().sorted().toList();
    }
}
