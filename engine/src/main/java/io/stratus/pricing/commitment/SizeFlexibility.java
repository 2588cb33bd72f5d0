package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EC2 normalization factors that let a regional Linux reservation cover any size of its
 * family: nano 0.25, micro 0.5, small 1, medium 2, large 4, xlarge 8, and {@code N}xlarge
 * {@code 8N}; a {@code metal-Nxl} size counts as {@code N}xlarge and a plain {@code metal} as the
 * largest other size of its family. One m5.xlarge reservation (8) thus covers two m5.large (4
 * each).
 *
 * <p>Factors are returned in quarter units (nano 1, large 16, xlarge 32) so that all coverage
 * arithmetic stays in exact integers.
 */
public final class SizeFlexibility {

    private static final Pattern XLARGE = Pattern.compile("(\\d*)xlarge");
    private static final Pattern METAL_XL = Pattern.compile("metal-(\\d+)xl");

    private final InstanceCatalog catalog;

    public SizeFlexibility(InstanceCatalog catalog) {
        this.catalog = java.util.Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The normalization factor of a type, in quarter units.
     *
     * @throws IllegalArgumentException for a size with no factor
     */
    public long quarterUnits(InstanceType type) {
        if (type.size().equals("metal")) {
            long largest = 0;
            for (InstanceType t : catalog.all()) {
                if (t.family().equals(type.family()) && !t.size().startsWith("metal")) {
                    largest = Math.max(largest, ofSize(t.size(), t.name()));
                }
            }
            if (largest == 0) {
                throw new IllegalArgumentException(type.name() + ": metal size with no other size in its family");
            }
            return largest;
        }
        return ofSize(type.size(), type.name());
    }

    /** The factor of a non-metal size name, in quarter units. */
    static long ofSize(String size, String typeName) {
        switch (size) {
            case "nano":
                return 1;
            case "micro":
                return 2;
            case "small":
                return 4;
            case "medium":
                return 8;
            case "large":
                return 16;
            default:
                break;
        }
        Matcher x = XLARGE.matcher(size);
        if (x.matches()) {
            return 32L * (x.group(1).isEmpty() ? 1 : Long.parseLong(x.group(1)));
        }
        Matcher m = METAL_XL.matcher(size);
        if (m.matches()) {
            return 32L * Long.parseLong(m.group(1));
        }
        throw new IllegalArgumentException(typeName + ": no normalization factor for size '" + size + "'");
    }
}
