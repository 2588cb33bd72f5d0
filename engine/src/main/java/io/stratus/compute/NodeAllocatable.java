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
import java.util.Optional;

/**
 * What a Kubernetes (EKS) or ECS node of each instance type offers its pods or tasks after the
 * kubelet's and the system's reservations: allocatable CPU (millicores), memory (MiB) and the most
 * pods, which on EKS with the VPC CNI is ENIs x (IPv4 addresses per ENI - 1) + 2. Bundled from
 * Karpenter's generated instance-type reference (see PROVENANCE.md beside the CSV).
 */
public final class NodeAllocatable {

    /** The bundled resource, beside this class. */
    public static final String RESOURCE = "eks-node-allocatable.csv";

    /** One type's allocatable resources. */
    public record Node(String type, int millicpu, long memoryMib, int maxPods) {

        public Node {
            Objects.requireNonNull(type, "type");
            if (millicpu <= 0 || memoryMib <= 0 || maxPods <= 0) {
                throw new IllegalArgumentException(type + ": allocatable CPU, memory and pods must be positive");
            }
        }
    }

    private final Map<String, Node> byType;

    private NodeAllocatable(Map<String, Node> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The bundled table, read when first asked for. */
    public static NodeAllocatable bundled() {
        return Bundled.TABLE;
    }

    private static final class Bundled {
        static final NodeAllocatable TABLE = read();

        private static NodeAllocatable read() {
            try (InputStream in = NodeAllocatable.class.getResourceAsStream(RESOURCE);
                 BufferedReader r = new BufferedReader(new InputStreamReader(
                         Objects.requireNonNull(in, RESOURCE), StandardCharsets.UTF_8))) {
                Map<String, Node> out = new HashMap<>();
                r.readLine(); // header
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split(",", -1);
                    out.put(f[0], new Node(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
                }
                return new NodeAllocatable(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The allocatable resources of {@code type}, if the table has it. */
    public Optional<Node> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
