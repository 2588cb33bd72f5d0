package io.stratus.pricing.commitment;

import io.stratus.compute.InstanceCategory;
import io.stratus.compute.InstanceType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reserved-instance rates as ratios to the on-demand price, applied to the 2026 on-demand prices
 * of the catalogue.
 *
 * <p>The ratios ({@code reserved-ratios-us-east-1.csv}) are the real 2017 us-east-1 effective
 * hourly rates divided by the on-demand rate, per family, median over the family's sizes,
 * derived from ec2instances.info (MIT) by {@code results/pricing/derive_reserved_ratios.py}. A
 * family present in the table uses its own ratio (m4, c5, r4, t2, ...); a family absent from it
 * (every family newer than 2017, such as m5 or m7i) uses the median ratio of its category over
 * the families that sold convertible reservations in 2017; a category with none uses the median
 * over all of those families; an offering a family did not sell (older families had no 3-year
 * standard no-upfront) falls back the same way. Assumption: AWS's discount structure changed
 * little since 2017, which AWS's own pricing pages bear out (3-year all-upfront standard still
 * about 60% off).
 */
public final class ReservedRates {

    /** The bundled resource. */
    public static final String RESOURCE = "/io/stratus/pricing/reserved-ratios-us-east-1.csv";

    private static volatile ReservedRates bundled;

    private final Map<String, double[]> byFamily;
    private final Map<String, double[]> byCategory;
    private final double[] overall;

    private ReservedRates(Map<String, double[]> byFamily, Map<String, double[]> byCategory, double[] overall) {
        this.byFamily = byFamily;
        this.byCategory = byCategory;
        this.overall = overall;
    }

    /** The bundled ratios. */
    public static ReservedRates bundled() {
        ReservedRates r = bundled;
        if (r == null) {
            synchronized (ReservedRates.class) {
                r = bundled;
                if (r == null) {
                    try (InputStream in = ReservedRates.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled resource " + RESOURCE + " is missing");
                        }
                        r = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = r;
                }
            }
        }
        return r;
    }

    private static ReservedRates read(InputStream in) throws IOException {
        Map<String, double[]> families = new HashMap<>();
        Map<String, double[]> categories = new HashMap<>();
        double[] overall = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("family,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 14) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected 14 columns");
            }
            double[] ratios = new double[12];
            for (int i = 0; i < 12; i++) {
                ratios[i] = f[i + 2].isEmpty() ? Double.NaN : Double.parseDouble(f[i + 2]);
            }
            if (!f[0].equals("*")) {
                families.put(f[0], ratios);
            } else if (f[1].equals("*")) {
                overall = ratios;
            } else {
                categories.put(f[1], ratios);
            }
        }
        if (overall == null) {
            throw new IllegalArgumentException(RESOURCE + ": no overall (*,*) row");
        }
        return new ReservedRates(families, categories, overall);
    }

    /** The column of an offering: term, then class, then payment, as in the resource. */
    private static int column(ReservedOffering o) {
        return (o.termYears() == 1 ? 0 : 6) + (o.offeringClass() == ReservedOffering.OfferingClass.STANDARD ? 0 : 3)
                + o.payment().ordinal();
    }

    /** The effective (amortised) reserved rate divided by the on-demand rate. */
    public double ratio(InstanceType type, ReservedOffering offering) {
        return lookup(type, offering).ratio;
    }

    /** Which row of the table gave {@link #ratio}: the family, its category, or all families. */
    public String source(InstanceType type, ReservedOffering offering) {
        return lookup(type, offering).source;
    }

    /** The effective hourly rate of one reservation of {@code type}, upfront amortised over the term. */
    public double effectiveUsdPerHour(InstanceType type, ReservedOffering offering) {
        if (!type.isPriced()) {
            throw new IllegalArgumentException(type.name() + " has no on-demand price to derive a reserved rate from");
        }
        return type.onDemandUsdPerHour() * ratio(type, offering);
    }

    private record Found(double ratio, String source) {
    }

    private Found lookup(InstanceType type, ReservedOffering offering) {
        int c = column(offering);
        double[] family = byFamily.get(type.family());
        if (family != null && !Double.isNaN(family[c])) {
            return new Found(family[c], "family " + type.family());
        }
        InstanceCategory category = type.category();
        double[] cat = byCategory.get(category.name());
        if (cat != null && !Double.isNaN(cat[c])) {
            return new Found(cat[c], "median of " + category.label());
        }
        return new Found(overall[c], "median of all families");
    }
}
