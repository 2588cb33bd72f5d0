package io.stratus.cli;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The instance types a {@code stratus rightsize} run tries: a comma-separated list of names and
 * name patterns ({@code *} matches any characters: {@code c7*.large}, {@code m6i.*}), expanded in
 * catalogue order over the types with an on-demand price and no GPU.
 */
final class RightsizeCandidates {

    /** The most types one rightsize run tries. */
    static final int MAX_TYPES = 200;

    private RightsizeCandidates() {
    }

    /**
     * The types {@code list} names, each once, in the order given (a pattern's matches in catalogue order).
     *
     * @throws IllegalArgumentException naming the item when a name is unknown, a pattern matches
     *                                  nothing, or more than {@link #MAX_TYPES} types match
     */
    static List<InstanceType> expand(String list, InstanceCatalog catalog) {
        Set<InstanceType> out = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) {
                continue;
            }
            if (!item.contains("*")) {
                out.add(catalog.get(item));
                continue;
            }
            Pattern p = Pattern.compile(("\\Q" + item + "\\E").replace("*", "\\E.*\\Q"));
            int before = out.size();
            for (InstanceType t : catalog.all()) {
                if (p.matcher(t.name()).matches() && t.isPriced() && t.gpus() == 0) {
                    out.add(t);
                }
            }
            if (out.size() == before) {
                throw new IllegalArgumentException("'" + item + "' matches no priced CPU instance type");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no instance type given; list names or patterns such as "
                    + "c6i.large,c7g.large,m7a.* ");
        }
        if (out.size() > MAX_TYPES) {
            throw new IllegalArgumentException(out.size() + " types match, more than " + MAX_TYPES
                    + "; narrow the patterns");
        }
        return new ArrayList<>(out);
    }
}
