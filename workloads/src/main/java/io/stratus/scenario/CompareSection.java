package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.compute.InstancesDistribution;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.commitment.ReservedOffering;
import io.stratus.pricing.commitment.SavingsPlan;
import io.stratus.sim.Time;
import io.stratus.util.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code compare:} section. A strategy is a standard name ({@code on-demand},
 * {@code spot}, {@code reserved-1y}, ...) or a mapping with parameters:
 * <pre>
 * - mixed: { on-demand-base: 2, spot-share: 70% }
 * - reserved: { term: 1y, coverage: 50%, class: standard, payment: no-upfront }
 * - savings-plan: { term: 3y, coverage: 80%, kind: compute }
 * </pre>
 * A {@code mixed} strategy (and {@code spot}, {@code on-demand}) is a purchase mix given to every
 * owner of instances in the run, each applying it to its own live instances
 * ({@link PurchaseSection}), not an assignment by global instance id.
 */
final class CompareSection {

    private static final List<String> KINDS = List.of("mixed", "reserved", "savings-plan");
    private static final List<String> TERMS = List.of("1y", "3y");

    private CompareSection() {
    }

    static CompareConfig read(ConfigNode node) {
        if (!node.isMapping()) {
            return CompareConfig.none();
        }
        node.allowOnly("strategies", "slo");
        ConfigNode slo = node.child("slo", false);
        slo.allowOnly("p99");
        long p99 = slo.unit("p99", 0L, false, Units::duration, 1L, Time.HOUR, "allowed from 1us to 1h");
        List<PurchaseStrategy> strategies = new ArrayList<>();
        JsonNode list = node.raw("strategies");
        if (list == null || !list.isArray() || list.isEmpty()) {
            node.problem("strategies", "give a list of strategies, such as [on-demand, spot, reserved-1y]; known "
                    + "names: " + String.join(", ", PurchaseStrategy.standardNames())
                    + ", or mappings mixed:, reserved:, savings-plan:");
            return CompareConfig.none();
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonPointer at = node.pointerOf("strategies").appendIndex(i);
            PurchaseStrategy s = strategy(node, list.get(i), at);
            if (s != null && !names.add(s.name())) {
                node.problemAt(at, "strategy '" + s.name() + "' is listed twice");
            } else if (s != null) {
                strategies.add(s);
            }
        }
        return new CompareConfig(strategies, p99);
    }

    private static PurchaseStrategy strategy(ConfigNode parent, JsonNode item, JsonPointer at) {
        if (item.isTextual()) {
            try {
                return PurchaseStrategy.standard(item.asText());
            } catch (IllegalArgumentException e) {
                String hint = Suggestions.closest(item.asText(), PurchaseStrategy.standardNames());
                parent.problemAt(at, e.getMessage() + (hint == null ? "" : "; did you mean '" + hint + "'?"));
                return null;
            }
        }
        ConfigNode entry = parent.nodeAt(item, at);
        if (!entry.isMapping() || item.size() != 1) {
            parent.problemAt(at, "a strategy is a name or a mapping with one key: " + String.join(", ", KINDS));
            return null;
        }
        entry.allowOnly(KINDS.toArray(String[]::new));
        String kind = item.fieldNames().next();
        ConfigNode p = entry.child(kind, true);
        switch (kind) {
            case "mixed": {
                InstancesDistribution mix = PurchaseSection.read(p, 0.5);
                return PurchaseStrategy.mixed(mix.onDemandBaseCapacity(), mix.spotPercentage())
                        .named(String.format("on-demand %d + spot %d%%", mix.onDemandBaseCapacity(),
                                mix.spotPercentage()));
            }
            case "reserved": {
                p.allowOnly("term", "coverage", "class", "payment");
                int term = term(p);
                Double coverage = p.unit("coverage", 1.0, false, Units::percent, 0.0, 1.0, "allowed from 0% to 100%");
                String cls = p.oneOf("class", "standard", List.of("standard", "convertible"));
                String payment = p.oneOf("payment", "no-upfront", List.of("no-upfront", "partial-upfront", "all-upfront"));
                ReservedOffering offering = new ReservedOffering(term,
                        ReservedOffering.OfferingClass.valueOf(cls.toUpperCase()),
                        ReservedOffering.Payment.valueOf(payment.toUpperCase().replace('-', '_')));
                return PurchaseStrategy.reserved(offering, coverage).named(String.format("reserved %dy %s %s %.0f%%",
                        term, cls, payment, coverage * 100));
            }
            default: {
                p.allowOnly("term", "coverage", "kind", "family");
                int term = term(p);
                // the engine's rule: a plan commits a positive amount (0% would be no plan: on-demand)
                Double coverage = p.unit("coverage", 1.0, false, Units::percent, MIN_PLAN_COVERAGE, 1.0,
                        "allowed above 0% and up to 100% (no plan at all is the on-demand strategy)");
                String planKind = p.oneOf("kind", "compute", List.of("compute", "ec2-instance"));
                String family = p.string("family", null, false);
                if ("ec2-instance".equals(planKind) && family == null) {
                    p.problem("kind", "an ec2-instance savings plan needs a family, such as family: m5");
                    return null;
                }
                SavingsPlan.Kind k = "compute".equals(planKind) ? SavingsPlan.Kind.COMPUTE : SavingsPlan.Kind.EC2_INSTANCE;
                return PurchaseStrategy.savingsPlan(k, family, term, coverage).named(String.format(
                        "savings plan %dy %s %.0f%%", term, planKind, coverage * 100));
            }
        }
    }

    /** The smallest savings-plan coverage read: any positive share (the engine refuses 0). */
    static final double MIN_PLAN_COVERAGE = Double.MIN_NORMAL;

    private static int term(ConfigNode p) {
        String term = p.oneOf("term", "1y", TERMS);
        return "3y".equals(term) ? 3 : 1;
    }
}
