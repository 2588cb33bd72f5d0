package io.stratus.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's CSV files round-trip any text, quoted and guarded. */
class CsvTest {

    @Test
    void hostileFieldsRoundTrip() throws Exception {
        List<String> fields = List.of("=cmd|' /C calc'!A0", "+1", "-x", "@a", "'=x", "a,b", "a\"b", "line\nbreak", "-12.5", "");
        StringBuilder b = new StringBuilder();
        Csv.row(b, List.of("h"));
        Csv.row(b, fields);
        assertThat(b.toString()).startsWith("h\n'=cmd|' /C calc'!A0,'+1,'-x,'@a,''=x,\"a,b\",\"a\"\"b\",\"line\nbreak\",-12.5,\n");
        assertThat(Csv.parse(b.toString(), "f.csv")).containsExactly(List.of("h"), fields);
    }

    @Test
    void anUnclosedQuoteNamesTheFile() {
        SweepException e = catchThrowableOfType(SweepException.class, () -> Csv.parse("a,b\n\"c,d\n", "f.csv"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("f.csv:");
    }
}
