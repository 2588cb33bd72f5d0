package io.stratus.report;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a chart writes its values: bar labels ({@link #label}) and axis ticks ({@link #tick}),
 * in US English with thousands separators, in the value's unit. The HTML pages write the same
 * formats in their script ({@code page.js}).
 */
public enum ValueFormat {
    /** US dollars: {@code $1,234.56}; below a dollar 3 significant digits ({@code $0.0423}). */
    USD,
    /** Milliseconds: {@code 153 ms}, {@code 12.5 ms}. */
    MS;

    /** A bar's label. */
    public String label(double v) {
        return switch (this) {
            case USD -> Math.abs(v) >= 1 || v == 0 ? String.format(Locale.US, "$%,.2f", v)
                    : "$" + new BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
            case MS -> v >= 100 ? String.format(Locale.US, "%,.0f ms", v) : String.format(Locale.US, "%.1f ms", v);
        };
    }

    /** An axis tick at {@code v}, the ticks {@code step} apart (as many decimals as the step needs). */
    public String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        String number = String.format(Locale.US, "%,." + decimals + "f", v);
        return this == USD ? "$" + number : number;
    }
}
