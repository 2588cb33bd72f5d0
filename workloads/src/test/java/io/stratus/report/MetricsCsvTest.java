package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.stratus.run.MetricsRow;
import io.stratus.sim.Time;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** metrics.csv read back by a CSV library: names with commas, quotes and formula characters round-trip. */
class MetricsCsvTest {

    @Test
    void awkwardServiceNamesRoundTrip() throws Exception {
        List<String> names = List.of("api,v2", "say \"hi\"", "=cmd|' /C calc'!A0", "two\nlines", "web");
        List<MetricsRow> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(new MetricsRow(Time.HOUR, n, 0, 2, 0, 0.25, 0, 8, 0, 100, 1, 99, 12.5, 40, 80, 0.192));
        }
        String csv = new String(MetricsCsv.render(rows), StandardCharsets.UTF_8);
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerForArrayOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        }
        assertThat(records).hasSize(1 + names.size());
        int columns = records.get(0).length;
        assertThat(columns).isEqualTo(MetricsCsv.HEADER.split(",").length);
        for (int i = 0; i < names.size(); i++) {
            String[] r = records.get(i + 1);
            assertThat(r).hasSize(columns);
            assertThat(CsvCells.unguard(r[2])).isEqualTo(names.get(i));
            assertThat(r[0]).isEqualTo("3600");
            assertThat(r[6]).isEqualTo("0.2500");
            assertThat(r[16]).isEqualTo("0.192000");
            assertThat(r[17]).isEmpty(); // no GPU column for a service
        }
        assertThat(records.get(3)[2]).as("a formula is guarded").startsWith("'=");
    }
}
