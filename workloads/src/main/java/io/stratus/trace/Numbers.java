package io.stratus.trace;

/**
 * Decimal numbers parsed straight from a character buffer, so reading a field allocates nothing
 * for integers. Stricter than {@link Long#parseLong} and {@link Double#parseDouble}: no
 * surrounding blanks, no {@code NaN}, {@code Infinity}, hexadecimal or type suffixes.
 */
final class Numbers {

    private Numbers() {
    }

    /**
     * The decimal integer in {@code s[from, to)}.
     *
     * @throws NumberFormatException with a short reason when it is not one, or overflows
     */
    static long parseLong(char[] s, int from, int to) {
        if (from >= to) {
            throw new NumberFormatException("empty");
        }
        int i = from;
        boolean negative = false;
        char first = s[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
            if (i == to) {
                throw new NumberFormatException("not an integer");
            }
        }
        // accumulate negatively: the negative range is one larger
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multMin = limit / 10;
        long result = 0;
        for (; i < to; i++) {
            int digit = s[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("not an integer");
            }
            if (result < multMin) {
                throw new NumberFormatException("out of the 64-bit integer range");
            }
            result *= 10;
            if (result < limit + digit) {
                throw new NumberFormatException("out of the 64-bit integer range");
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    /**
     * The finite decimal number (optionally with an exponent) in {@code s[from, to)}.
     *
     * @throws NumberFormatException with a short reason when it is not one
     */
    static double parseDouble(char[] s, int from, int to) {
        if (from >= to) {
            throw new NumberFormatException("empty");
        }
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new NumberFormatException("not a number");
            }
        }
        if (!digit) {
            throw new NumberFormatException("not a number");
        }
        double value;
        try {
            value = Double.parseDouble(new String(s, from, to - from));
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number");
        }
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("out of the double range");
        }
        return value;
    }
}
