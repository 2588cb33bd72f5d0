package io.stratus.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting shared by the reports. */
final class Numbers {

    private Numbers() {
    }

    /** A double rounded to 6 significant digits, as an exact decimal for JSON. */
    static BigDecimal sig6(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Money with cents, or more digits below a dollar. */
    static String usd(double v) {
        return v >= 1 ? String.format("%,.2f", v) : String.format("%.4f", v);
    }
}
