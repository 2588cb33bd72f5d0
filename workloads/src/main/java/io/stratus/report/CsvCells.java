package io.stratus.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV rows as every Stratus CSV file writes them, through jackson-dataformat-csv: RFC 4180
 * quoting (a field is quoted when it holds a comma, a quote or a line break, quotes doubled),
 * {@code \n} line ends, and a guard against formula injection: a text cell that a spreadsheet
 * would run as a formula (it begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return, and is not a plain number such as {@code -12.5}) is written with a leading
 * apostrophe, as OWASP recommends ({@code =cmd} is written {@code '=cmd}); so is a cell that
 * already begins with an apostrophe followed by one of those characters, so that {@link #unguard}
 * gives back exactly what was guarded.
 */
public final class CsvCells {

    private static final ObjectWriter WRITER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build()
            .writer(CsvSchema.emptySchema().withLineSeparator("\n"));
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private CsvCells() {
    }

    /** One row, guarded and quoted, ending with {@code \n}. */
    public static String row(List<String> cells) {
        String[] guarded = cells.stream().map(CsvCells::guard).toArray(String[]::new);
        try {
            return WRITER.writeValueAsString(guarded);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a CSV row", e);
        }
    }

    /** One field, guarded and quoted as within a row (no line end). */
    public static String field(String cell) {
        String row = row(List.of(cell));
        return row.substring(0, row.length() - 1);
    }

    /** The cell as written: with a leading apostrophe when a spreadsheet could run it as a formula. */
    public static String guard(String cell) {
        return triggers(cell) || cell.startsWith("'") && triggers(cell.substring(1)) ? "'" + cell : cell;
    }

    /** The cell {@link #guard} was given, from what it wrote. */
    public static String unguard(String cell) {
        return cell.startsWith("'") && guard(cell.substring(1)).equals(cell) ? cell.substring(1) : cell;
    }

    private static boolean triggers(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return false;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
