package io.stratus.placement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The placement policies by the name scenario files use (after Caffeine simulator's policy
 * {@code Registry}): each name maps to a factory that builds the policy and its index from a
 * {@link PlacementContext}.
 *
 * <table>
 *   <caption>Policies</caption>
 *   <tr><th>name</th><th>chooses</th></tr>
 *   <tr><td>first-fit</td><td>lowest-numbered host with room</td></tr>
 *   <tr><td>next-fit</td><td>first host with room from the last host chosen, wrapping (CloudSim
 *       Plus's "first fit")</td></tr>
 *   <tr><td>best-fit</td><td>fewest free threads, then lowest number (CloudSim Plus's best fit)</td></tr>
 *   <tr><td>worst-fit</td><td>most free threads, then lowest number</td></tr>
 *   <tr><td>random</td><td>first host with room from a seeded random start, wrapping</td></tr>
 *   <tr><td>zone-balanced</td><td>first fit in the zone with most free threads</td></tr>
 * </table>
 */
public final class PlacementRegistry {

    private static final Map<String, Function<PlacementContext, PlacementPolicy>> FACTORIES = factories();

    private PlacementRegistry() {
    }

    private static Map<String, Function<PlacementContext, PlacementPolicy>> factories() {
        Map<String, Function<PlacementContext, PlacementPolicy>> m = new LinkedHashMap<>();
        m.put("first-fit", FirstFit::new);
        m.put("next-fit", NextFit::new);
        m.put("best-fit", BestFit::new);
        m.put("worst-fit", WorstFit::new);
        m.put("random", RandomFit::new);
        m.put("zone-balanced", ZoneBalancedFit::new);
        return Collections.unmodifiableMap(m);
    }

    /** The policy names, in the order of the table above. */
    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /**
     * Builds the named policy over the context.
     *
     * @throws IllegalArgumentException naming the known policies if {@code name} is not one
     */
    public static PlacementPolicy create(String name, PlacementContext context) {
        Function<PlacementContext, PlacementPolicy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown placement policy '" + name + "'; known: "
                    + String.join(", ", FACTORIES.keySet()));
        }
        return factory.apply(context);
    }
}
