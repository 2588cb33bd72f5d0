package io.stratus.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sweep.json} (and a shard's {@code sweep-shard-i-of-n.json}): what the sweep was, so that
 * a merge can check its shards belong together: the scenario file's name and SHA-256, the
 * scenario's name, the master seed, the {@code --set} lists, the replications, and for a shard
 * its index, count and number of runs, and the digest of its rows ({@link ShardDigest}).
 */
public final class SweepManifest {

    /** The format tag; a merge refuses others. */
    public static final String FORMAT = "stratus-sweep/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepManifest() {
    }

    /** A manifest read back: the plan, and the shard (with the digest of its rows) if it is one. */
    public record Read(SweepPlan plan, Optional<Shard> shard, int shardRuns, ShardDigest digest) {
    }

    /** The manifest of a whole sweep ({@code shard} empty, {@code digest} null) or of a shard. */
    public static byte[] render(SweepPlan plan, Optional<Shard> shard, ShardDigest digest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("scenarioFile", plan.scenarioFile());
        root.put("scenarioSha256", plan.scenarioSha256());
        root.put("scenario", plan.scenarioName());
        root.put("masterSeed", plan.masterSeed());
        root.put("seeds", "replication 0: the master seed; replication r > 0: "
                + "RandomStreams.seedFor(masterSeed, \"replication-\" + r); the same for every combination");
        ArrayNode sets = root.putArray("sets");
        for (SweepSet s : plan.sets()) {
            ObjectNode n = sets.addObject();
            n.put("key", s.key());
            ArrayNode values = n.putArray("values");
            s.values().forEach(values::add);
        }
        root.put("replications", plan.replications());
        root.put("combinations", plan.combinations());
        root.put("runs", plan.runs());
        shard.ifPresent(s -> {
            ObjectNode n = root.putObject("shard");
            n.put("index", s.index());
            n.put("count", s.count());
            n.put("runs", shardRuns(plan, s));
            ShardManifestDigest.write(n, digest);
        });
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** How many runs of the plan a shard runs. */
    public static int shardRuns(SweepPlan plan, Shard shard) {
        int runs = plan.runs();
        return runs / shard.count() + (shard.index() < runs % shard.count() ? 1 : 0);
    }

    /** Reads a manifest; {@code source} names it in messages. */
    public static Read parse(String text, String source) throws SweepException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SweepException(source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new SweepException(source + ": not a stratus sweep manifest (format " + FORMAT + ")");
        }
        try {
            List<SweepSet> sets = new ArrayList<>();
            for (JsonNode n : required(root, "sets")) {
                List<String> values = new ArrayList<>();
                for (JsonNode v : required(n, "values")) {
                    values.add(v.asText());
                }
                sets.add(new SweepSet(required(n, "key").asText(), values));
            }
            int replications = required(root, "replications").asInt();
            SweepPlan.checkSize(sets, replications);
            SweepPlan plan = new SweepPlan(required(root, "scenarioFile").asText(),
                    required(root, "scenarioSha256").asText(), required(root, "scenario").asText(),
                    required(root, "masterSeed").asLong(), sets, replications);
            if (!ShardDigest.SHA256.matcher(plan.scenarioSha256()).matches()) {
                throw new SweepException("scenarioSha256 '" + plan.scenarioSha256() + "' is not a SHA-256 "
                        + "(64 lowercase hexadecimal digits): the manifest is damaged");
            }
            JsonNode shard = root.get("shard");
            if (shard == null) {
                return new Read(plan, Optional.empty(), plan.runs(), null);
            }
            Shard s = new Shard(required(shard, "index").asInt(), required(shard, "count").asInt());
            return new Read(plan, Optional.of(s), required(shard, "runs").asInt(), ShardManifestDigest.read(shard));
        } catch (IllegalArgumentException e) {
            throw new SweepException(source + ": not a valid sweep manifest: " + e.getMessage());
        } catch (SweepException e) {
            throw new SweepException(source + ": " + e.getMessage());
        }
    }

    static JsonNode required(JsonNode node, String field) throws SweepException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new SweepException("the manifest has no '" + field + "'");
        }
        return v;
    }
}
