package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.pricing.Commitments;
import io.stratus.pricing.commitment.CapacityReservation;
import io.stratus.pricing.commitment.Reservation;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the top-level {@code commitments:} mapping: what the account bought ahead of the run, which
 * every {@code stratus compare} strategy's bill carries on top of what the strategy buys.
 * <pre>
 * commitments:
 *   reserved-instances:    [{ type: m5.large, count: 2, zone: a, term: 1y, class: standard, payment: no-upfront }]
 *   savings-plans:         [{ kind: compute, usd-per-hour: 0.5, term: 1y }]
 *   capacity-reservations: [{ type: m5.large, zone: a, count: 2 }]
 * </pre>
 * A commitment that can cover nothing the scenario runs (a type, family or zone no workload
 * launches in) is refused, since it could only be paid for: that is almost always a typo.
 */
final class CommitmentsSection {

    private static final List<String> TERMS = List.of("1y", "3y");
    private static final List<String> CLASSES = List.of("standard", "convertible");
    private static final List<String> PAYMENTS = List.of("no-upfront", "partial-upfront", "all-upfront");
    private static final List<String> PLAN_KINDS = List.of("compute", "ec2-instance");
    /** The largest savings plan commitment accepted, USD per hour. */
    private static final double MAX_USD_PER_HOUR = 1_000_000;

    private CommitmentsSection() {
    }

    /**
     * The commitments of {@code root}'s {@code commitments:} ({@link Commitments#NONE} without it).
     *
     * @param zones    the region's zone names (zonal commitments name one)
     * @param launched the instance types the scenario's workloads launch (services, batch, queue workers)
     */
    static Commitments read(ConfigNode root, InstanceCatalog catalog, List<String> zones, List<InstanceType> launched) {
        if (!root.has("commitments")) {
            return Commitments.NONE;
        }
        ConfigNode node = root.child("commitments", false);
        if (!node.isMapping()) {
            return Commitments.NONE;
        }
        node.allowOnly("reserved-instances", "savings-plans", "capacity-reservations");
        List<Reservation> reservations = new ArrayList<>();
        List<SavingsPlan> plans = new ArrayList<>();
        List<CapacityReservation> capacity = new ArrayList<>();
        eachEntry(node, "reserved-instances", "{ type: m5.large, count: 2 }",
                e -> add(reservations, reservation(e, catalog, zones, launched)));
        eachEntry(node, "savings-plans", "{ kind: compute, usd-per-hour: 0.5 }",
                e -> add(plans, plan(e, launched)));
        eachEntry(node, "capacity-reservations", "{ type: m5.large, zone: " + (zones.isEmpty() ? "a" : zones.get(0))
                + ", count: 2 }", e -> add(capacity, capacityReservation(e, catalog, zones, launched)));
        return new Commitments(reservations, plans, List.of(), capacity);
    }

    private static <T> void add(List<T> out, T item) {
        if (item != null) {
            out.add(item);
        }
    }

    private static void eachEntry(ConfigNode node, String key, String example, Consumer<ConfigNode> reader) {
        JsonNode list = node.raw(key);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            node.problem(key, "expected a list such as [" + example + "], found " + ValueDescriptions.describe(list));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = node.pointerOf(key).appendIndex(i);
            ConfigNode entry = node.nodeAt(list.get(i), at);
            if (!entry.isMapping()) {
                node.problemAt(at, "expected a mapping such as " + example + ", found "
                        + ValueDescriptions.describe(list.get(i)));
                continue;
            }
            reader.accept(entry);
        }
    }

    private static Reservation reservation(ConfigNode e, InstanceCatalog catalog, List<String> zones,
                                           List<InstanceType> launched) {
        e.allowOnly("type", "count", "zone", "term", "class", "payment");
        InstanceType type = type(e, catalog);
        long count = e.integer("count", 1, 1, ScenarioLimits.MAX_INSTANCES, true);
        int zone = zone(e, zones, false);
        int term = "3y".equals(e.oneOf("term", "1y", TERMS)) ? 3 : 1;
        String cls = e.oneOf("class", "standard", CLASSES);
        String payment = e.oneOf("payment", "no-upfront", PAYMENTS);
        if (type == null || count < 1 || zone == -2 || cls == null || payment == null) {
            return null;
        }
        boolean zonal = zone != Reservation.REGIONAL;
        boolean covers = launched.stream().anyMatch(t -> zonal ? t.equals(type) : t.family().equals(type.family()));
        if (!covers) {
            e.problem("type", zonal
                    ? "a zonal reservation covers only its own type, and no workload launches " + type.name()
                            + ": it would cover nothing; launched: " + names(launched)
                    : "a regional reservation covers its family, and no workload launches a " + type.family()
                            + " type: it would cover nothing; launched: " + names(launched));
            return null;
        }
        ReservedOffering offering = new ReservedOffering(term,
                ReservedOffering.OfferingClass.valueOf(cls.toUpperCase(Locale.ROOT)),
                ReservedOffering.Payment.valueOf(payment.toUpperCase(Locale.ROOT).replace('-', '_')));
        Reservation r = Reservation.of(type, (int) count, offering);
        return zonal ? r.inZone(zone) : r;
    }

    private static SavingsPlan plan(ConfigNode e, List<InstanceType> launched) {
        e.allowOnly("kind", "family", "usd-per-hour", "term");
        String kind = e.oneOf("kind", "compute", PLAN_KINDS);
        String family = e.string("family", null, false);
        double usd = e.number("usd-per-hour", 0, 0.001, MAX_USD_PER_HOUR, true);
        int term = "3y".equals(e.oneOf("term", "1y", TERMS)) ? 3 : 1;
        if (kind == null || !(usd >= 0.001)) {
            return null;
        }
        if ("ec2-instance".equals(kind)) {
            if (family == null) {
                e.problem("kind", "an ec2-instance savings plan needs a family, such as family: m5");
                return null;
            }
            if (launched.stream().noneMatch(t -> t.family().equals(family))) {
                e.problem("family", "an ec2-instance plan covers its family, and no workload launches a " + family
                        + " type: it would cover nothing; launched: " + names(launched));
                return null;
            }
            return new SavingsPlan(SavingsPlan.Kind.EC2_INSTANCE, family, term, usd);
        }
        if (family != null) {
            e.problem("family", "a compute savings plan covers every family; family is for kind ec2-instance");
            return null;
        }
        if (launched.isEmpty()) {
            e.problem("usd-per-hour", "no workload launches EC2 instances: the plan would cover nothing");
            return null;
        }
        return new SavingsPlan(SavingsPlan.Kind.COMPUTE, null, term, usd);
    }

    private static CapacityReservation capacityReservation(ConfigNode e, InstanceCatalog catalog, List<String> zones,
                                                           List<InstanceType> launched) {
        e.allowOnly("type", "zone", "count");
        InstanceType type = type(e, catalog);
        long count = e.integer("count", 1, 1, ScenarioLimits.MAX_INSTANCES, true);
        int zone = zone(e, zones, true);
        if (type == null || count < 1 || zone < 0) {
            return null;
        }
        if (!launched.contains(type)) {
            e.problem("type", "a capacity reservation holds only its own type, and no workload launches " + type.name()
                    + ": it would be paid for unused; launched: " + names(launched));
            return null;
        }
        return new CapacityReservation(type, zone, (int) count);
    }

    private static InstanceType type(ConfigNode e, InstanceCatalog catalog) {
        String name = e.string("type", null, true);
        if (name == null) {
            return null;
        }
        try {
            InstanceType type = catalog.get(name);
            if (!type.isPriced()) {
                e.problem("type", "instance type " + name + " has no on-demand price in the catalogue");
                return null;
            }
            return type;
        } catch (IllegalArgumentException ex) {
            e.problem("type", ex.getMessage());
            return null;
        }
    }

    /**
     * The index of the entry's zone; {@link Reservation#REGIONAL} when it names none (and may not);
     * -2 when it is missing though required, or not a zone of the region (the problem is reported).
     */
    private static int zone(ConfigNode e, List<String> zones, boolean required) {
        String zone = e.string("zone", null, required);
        if (zone == null) {
            return required ? -2 : Reservation.REGIONAL;
        }
        int z = zones.indexOf(zone);
        if (z < 0) {
            e.problem("zone", "zone '" + zone + "' is not in the region; its zones are " + String.join(", ", zones));
            return -2;
        }
        return z;
    }

    private static String names(List<InstanceType> launched) {
        return launched.isEmpty() ? "none" : String.join(", ", launched.stream().map(InstanceType::name).distinct()
                .sorted().toList());
    }

    /** The instance types the EC2 workloads launch, the ones commitments can cover. */
    static List<InstanceType> launchedTypes(List<ServiceConfig> services, List<BatchConfig> batches,
                                                    List<QueueConfig> queues) {
        List<InstanceType> out = new ArrayList<>();
        services.forEach(s -> out.add(s.type()));
        batches.forEach(b -> b.launches().forEach(l -> out.add(l.type())));
        queues.forEach(q -> out.add(q.type()));
        return out;
    }
}
