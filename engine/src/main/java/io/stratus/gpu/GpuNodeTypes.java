package io.stratus.gpu;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The EC2 instance type that stands for a GPU node described by its capacities (a node of a
 * trace such as Alibaba's, whose machines are not EC2 types), chosen from a catalogue.
 *
 * <p>The rule, deterministic and stated here because it is a simplification: the candidates are the
 * catalogue's priced types with GPUs (for a node without GPUs, the priced types without any GPU).
 * Among them, the types whose GPU model is the node's (compared case-insensitively on letters and
 * digits) are preferred, then those whose model name begins with the node's or the other way round
 * ({@code V100M32} is a {@code v100}, {@code A10} an {@code a10g}), then any. In the preferred set,
 * the cheapest type that covers the node (as many GPUs, vCPUs times 1000 at least its CPU
 * thousandths, at least its memory) is chosen, ties in catalogue order; if none covers it, the
 * largest (most GPUs, then vCPUs, then memory). So a node is billed at the price of a real type
 * of its GPU model where the catalogue has one; the pod scheduler may still use the node's own
 * capacities ({@link GpuNode}), which then can differ from the type's.
 */
public final class GpuNodeTypes {

    private final List<InstanceType> gpuTypes = new ArrayList<>();
    private final List<InstanceType> cpuTypes = new ArrayList<>();
    private final Map<GpuNode, InstanceType> chosen = new HashMap<>();

    /** The candidates of {@code catalog}: its priced types. */
    public GpuNodeTypes(InstanceCatalog catalog) {
        for (InstanceType t : catalog.all()) {
            if (!t.isPriced()) {
                continue;
            }
            if (t.gpus() > 0 && !t.gpuModel().isEmpty()) {
                gpuTypes.add(t);
            } else if (t.gpus() == 0 && t.gpuModel().isEmpty()) {
                cpuTypes.add(t);
            }
        }
        if (gpuTypes.isEmpty() || cpuTypes.isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no priced GPU type or no priced CPU type");
        }
    }

    /** The node's capacities as those of an instance of {@code type} (its vCPUs, memory, GPUs and model). */
    public static GpuNode nodeOf(String name, InstanceType type) {
        Objects.requireNonNull(type, "type");
        return new GpuNode(name, type.vcpus() * GpuPods.MILLI, type.memoryMib(), type.gpus(),
                type.gpus() == 0 ? "" : type.gpuModel());
    }

    /** The type that stands for the node (the same for nodes of equal capacities, whatever their names). */
    public InstanceType closest(GpuNode node) {
        GpuNode key = new GpuNode("", node.cpuMilli(), node.memoryMib(), node.gpus(), node.model());
        return chosen.computeIfAbsent(key, this::choose);
    }

    private InstanceType choose(GpuNode node) {
        List<InstanceType> candidates = node.gpus() == 0 ? cpuTypes : byModel(node.model());
        InstanceType cheapest = null;
        InstanceType largest = null;
        for (InstanceType t : candidates) {
            if (covers(t, node) && (cheapest == null || t.onDemandUsdPerHour() < cheapest.onDemandUsdPerHour())) {
                cheapest = t;
            }
            if (largest == null || larger(t, largest)) {
                largest = t;
            }
        }
        return cheapest != null ? cheapest : largest;
    }

    /** The GPU types of the node's model, else of a model whose name begins with it or it with theirs, else all. */
    private List<InstanceType> byModel(String model) {
        String m = normal(model);
        List<InstanceType> exact = new ArrayList<>();
        List<InstanceType> prefix = new ArrayList<>();
        for (InstanceType t : gpuTypes) {
            String c = normal(t.gpuModel());
            if (c.equals(m)) {
                exact.add(t);
            } else if (!m.isEmpty() && (c.startsWith(m) || m.startsWith(c))) {
                prefix.add(t);
            }
        }
        return !exact.isEmpty() ? exact : !prefix.isEmpty() ? prefix : gpuTypes;
    }

    private static String normal(String model) {
        return model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean covers(InstanceType t, GpuNode node) {
        return t.gpus() >= node.gpus() && (long) t.vcpus() * GpuPods.MILLI >= node.cpuMilli()
                && t.memoryMib() >= node.memoryMib();
    }

    private static boolean larger(InstanceType a, InstanceType b) {
        if (a.gpus() != b.gpus()) {
            return a.gpus() > b.gpus();
        }
        if (a.vcpus() != b.vcpus()) {
            return a.vcpus() > b.vcpus();
        }
        return a.memoryMib() > b.memoryMib();
    }
}
