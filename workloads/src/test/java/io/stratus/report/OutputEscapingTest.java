package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.stratus.run.MetricsRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that reaches a CSV cell or a Markdown table is escaped, whatever it holds. */
class OutputEscapingTest {

    private static final String HOSTILE = "=HYPERLINK(\"http://x\",\"y\"),b\nc|d";

    @Test
    void metricsCsvQuotesAndGuardsTheServiceCell() throws Exception {
        byte[] csv = MetricsCsv.render(List.of(new MetricsRow(60_000_000L, HOSTILE, 0, 1, 0, 0.5, 0, 8, 0, 10, 0, 10,
                1, 2, 3, 0.1)));
        List<String[]> rows;
        try (MappingIterator<String[]> it = new CsvMapper().readerForArrayOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(new String(csv, StandardCharsets.UTF_8))) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).hasSameSizeAs(rows.get(0));
        assertThat(rows.get(1)[2]).isEqualTo("'" + HOSTILE);
        assertThat(rows.get(1)[3]).isEqualTo("0");
    }

    @Test
    void formulaCellsAreGuardedAndNumbersAreNot() {
        for (String formula : List.of("=1+2", "+1", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "-1+2")) {
            assertThat(CsvCells.guard(formula)).as(formula).isEqualTo("'" + formula);
            assertThat(CsvCells.unguard(CsvCells.guard(formula))).isEqualTo(formula);
        }
        for (String plain : List.of("-12.5", "0", "web", "service:web", "", "'quoted", "a=b")) {
            assertThat(CsvCells.guard(plain)).as(plain).isEqualTo(plain);
            assertThat(CsvCells.unguard(plain)).isEqualTo(plain);
        }
        assertThat(CsvCells.row(List.of("a,b", "say \"hi\"", "two\nlines", "-3"))).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",-3\n");
    }

    @Test
    void markdownCellsCannotBreakATable() {
        assertThat(MarkdownCells.cell("a|b\nc\\|")).isEqualTo("a\\|b c\\\\\\|");
    }
}
