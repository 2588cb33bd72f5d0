package io.stratus.sweep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.stratus.report.CsvCells;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sweep's CSV files, written and read through jackson-dataformat-csv ({@link CsvCells}):
 * RFC 4180 fields, quoted when they hold a comma, a quote or a line break, and text cells that
 * a spreadsheet would run as a formula written with a leading apostrophe (removed on reading).
 */
final class Csv {

    private static final ObjectReader READER = new CsvMapper().readerForArrayOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private Csv() {
    }

    static void row(StringBuilder b, List<String> fields) {
        b.append(CsvCells.row(fields));
    }

    /**
     * Parses CSV text into records of fields (each unguarded); {@code \r\n} ends a record like
     * {@code \n}.
     *
     * @throws SweepException on an unterminated quote or text that is not CSV
     */
    static List<List<String>> parse(String text, String source) throws SweepException {
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<String[]> it = READER.readValues(text)) {
            while (it.hasNextValue()) {
                records.add(Arrays.stream(it.nextValue()).map(CsvCells::unguard).toList());
            }
        } catch (IOException | RuntimeException e) {
            JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
            throw new SweepException(source + ":" + (at == null ? records.size() + 1 : at.getLineNr())
                    + ": not readable CSV (a quoted field not closed? is the file cut short?)");
        }
        return records;
    }
}
