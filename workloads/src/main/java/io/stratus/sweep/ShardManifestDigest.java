package io.stratus.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ShardDigest} in a shard's manifest: {@code "metricSets": [[workload/metric, ...], ...]}
 * and {@code "digests": [{"run": I, "metricSet": K, "sha256": "..."}, ...]} under {@code "shard"}.
 * Reading checks every field's type and every SHA-256's form, so a damaged manifest is refused
 * with its field named.
 */
final class ShardManifestDigest {

    private ShardManifestDigest() {
    }

    static void write(ObjectNode shard, ShardDigest digest) {
        ArrayNode sets = shard.putArray("metricSets");
        for (List<String> set : digest.metricSets()) {
            ArrayNode names = sets.addArray();
            set.forEach(names::add);
        }
        ArrayNode runs = shard.putArray("digests");
        digest.runs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode n = runs.addObject();
            n.put("run", e.getKey());
            n.put("metricSet", e.getValue().metricSet());
            n.put("sha256", e.getValue().sha256());
        });
    }

    static ShardDigest read(JsonNode shard) throws SweepException {
        JsonNode sets = SweepManifest.required(shard, "metricSets");
        JsonNode runs = SweepManifest.required(shard, "digests");
        if (!sets.isArray() || !runs.isArray()) {
            throw new SweepException("shard.metricSets and shard.digests must be lists");
        }
        List<List<String>> metricSets = new ArrayList<>();
        for (JsonNode set : sets) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : set) {
                if (!name.isTextual()) {
                    throw new SweepException("shard.metricSets holds " + name + ", not a metric name");
                }
                names.add(name.asText());
            }
            metricSets.add(names);
        }
        Map<Integer, ShardDigest.Run> byRun = new LinkedHashMap<>();
        for (JsonNode n : runs) {
            JsonNode run = SweepManifest.required(n, "run");
            JsonNode set = SweepManifest.required(n, "metricSet");
            String sha = SweepManifest.required(n, "sha256").asText();
            if (!run.canConvertToInt() || !run.isIntegralNumber() || !set.isIntegralNumber() || set.asInt() < 0
                    || set.asInt() >= metricSets.size() || !ShardDigest.SHA256.matcher(sha).matches()) {
                throw new SweepException("shard.digests entry " + n + " is damaged (run and metricSet are whole "
                        + "numbers, sha256 64 lowercase hexadecimal digits)");
            }
            if (byRun.put(run.asInt(), new ShardDigest.Run(set.asInt(), sha)) != null) {
                throw new SweepException("shard.digests lists run " + run.asInt() + " twice");
            }
        }
        return new ShardDigest(metricSets, byRun);
    }
}
