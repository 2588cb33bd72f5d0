package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** The in-place number and timestamp parsers agree with the JDK's on everything they accept. */
class FieldParsingProperties {

    @Property(seed = "42")
    void integersParseAsTheJdkDoes(@ForAll long value) {
        char[] text = ("x" + value + "y").toCharArray();
        assertThat(Numbers.parseLong(text, 1, text.length - 1)).isEqualTo(value);
    }

    @Property(seed = "42")
    void integersOutOfRangeAreRefused(@ForAll @LongRange(min = 1) long extra) {
        String tooBig = new java.math.BigInteger(Long.toString(Long.MAX_VALUE))
                .add(java.math.BigInteger.valueOf(extra)).toString();
        assertThatThrownBy(() -> Numbers.parseLong(tooBig.toCharArray(), 0, tooBig.length()))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("range");
    }

    @Property(seed = "42")
    void finiteDoublesRoundTrip(@ForAll double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        char[] text = Double.toString(value).toCharArray();
        assertThat(Numbers.parseDouble(text, 0, text.length)).isEqualTo(value);
    }

    @Property(seed = "42")
    void textThatIsNotANumberIsRefused(@ForAll @StringLength(min = 1, max = 8) String text) {
        boolean plain = text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (plain) {
            return;
        }
        char[] chars = text.toCharArray();
        assertThatThrownBy(() -> Numbers.parseLong(chars, 0, chars.length)).isInstanceOf(NumberFormatException.class);
    }

    @Property(seed = "42")
    void timestampsAgreeWithJavaTime(
            @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999) int micros,
            @ForAll @IntRange(min = 0, max = 6) int fractionDigits,
            @ForAll boolean isoSeparator) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, micros * 1000, ZoneOffset.UTC);
        String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), isoSeparator ? 'T' : ' ', time.getHour(), time.getMinute(), time.getSecond());
        long truncated = micros;
        if (fractionDigits > 0) {
            String fraction = String.format("%06d", micros).substring(0, fractionDigits);
            text += "." + fraction;
            truncated = Long.parseLong(fraction) * (long) Math.pow(10, 6 - fractionDigits);
        } else {
            truncated = 0;
        }
        char[] chars = text.toCharArray();
        assertThat(DateTimes.epochMicros(chars, 0, chars.length)).isEqualTo(epochSecond * 1_000_000L + truncated);
    }
}
