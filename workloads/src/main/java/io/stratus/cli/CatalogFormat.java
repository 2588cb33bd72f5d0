package io.stratus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.compute.InstanceType;
import io.stratus.report.CsvCells;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The output formats of {@code stratus catalog}; each states its units: the table in its header
 * and footer, CSV in its column names ({@code memory_gib}, {@code usd_per_hour}), JSON in a
 * {@code units} object. An unpriced type has {@code -} in the table, an empty price cell in CSV
 * and {@code null} in JSON.
 */
enum CatalogFormat {
    table {
        @Override
        String render(List<InstanceType> types) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-20s %-22s %6s %10s %12s%n", "type",
                    "category", "vCPU", "memory GiB", "USD/hour"));
            for (InstanceType t : types) {
                b.append(String.format(Locale.ROOT, "%-20s %-22s %6d %10.1f %12s%n", t.name(), t.category().label(),
                        t.vcpus(), t.memoryGib(), t.isPriced() ? String.format(Locale.ROOT, "%.4f",
                                t.onDemandUsdPerHour()) : "-"));
            }
            return b.append(types.size()).append(" types (us-east-1 Linux on-demand prices, July 2026)\n").toString();
        }
    },
    csv {
        @Override
        String render(List<InstanceType> types) {
            StringBuilder b = new StringBuilder(CsvCells.row(List.of("type", "family", "category", "vcpus",
                    "memory_gib", "usd_per_hour")));
            for (InstanceType t : types) {
                b.append(CsvCells.row(List.of(t.name(), t.family(), t.category().label(), Integer.toString(t.vcpus()),
                        number(t.memoryGib()), t.isPriced() ? number(t.onDemandUsdPerHour()) : "")));
            }
            return b.toString();
        }
    },
    json {
        @Override
        String render(List<InstanceType> types) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("region", "us-east-1");
            root.put("prices", "Linux on-demand, July 2026");
            ObjectNode units = root.putObject("units");
            units.put("memory", "GiB");
            units.put("price", "USD per hour");
            ArrayNode rows = root.putArray("types");
            for (InstanceType t : types) {
                ObjectNode row = rows.addObject();
                row.put("type", t.name());
                row.put("family", t.family());
                row.put("category", t.category().label());
                row.put("vcpus", t.vcpus());
                row.put("memory", t.memoryGib());
                if (t.isPriced()) {
                    row.put("price", t.onDemandUsdPerHour());
                } else {
                    row.putNull("price");
                }
            }
            try {
                return mapper.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** The whole listing of {@code types}, in their order. */
    abstract String render(List<InstanceType> types);

    /** A number as Java prints a double, without a trailing {@code .0} for whole numbers. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
