package io.stratus.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by the reports (public for the HTML pages of {@code io.stratus.report.html}). */
public final class Numbers {

    private Numbers() {
    }

    /** A double rounded to 6 significant digits, as an exact decimal for JSON. */
    public static BigDecimal sig6(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        // new BigDecimal(-0.0) is 0: no negative zero in JSON either
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * {@code v} with {@code digits} decimals for a table, {@code -} when it is not a number (such
     * as the latency of a service that completed nothing), and never a negative zero (a tiny
     * negative rounding error printed as {@code -0.0}).
     */
    static String fixed(double v, int digits) {
        return Double.isFinite(v) ? withoutNegativeZero(String.format(Locale.ROOT, "%." + digits + "f", v)) : "-";
    }

    /** {@code formatted} without the sign of a number that rounded to zero ({@code -0.00} to {@code 0.00}). */
    static String withoutNegativeZero(String formatted) {
        return formatted.startsWith("-") && formatted.chars().skip(1).allMatch(c -> c == '0' || c == '.')
                ? formatted.substring(1) : formatted;
    }

    /** Money with cents, or more digits below a dollar. */
    public static String usd(double v) {
        return v >= 1 ? String.format("%,.2f", v) : withoutNegativeZero(String.format("%.4f", v));
    }
}
