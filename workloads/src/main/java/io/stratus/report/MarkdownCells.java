package io.stratus.report;

/**
 * Text from a scenario (a workload's or the scenario's name) made safe for a Markdown table cell
 * or heading: a {@code |} is escaped so it cannot split the cell, a line break becomes a space so
 * it cannot end the row, and a backslash is doubled so it cannot escape what follows. Names are
 * already limited to letters, digits, '-', '_' and '.' by the scenario reader; this holds
 * whatever the text.
 */
public final class MarkdownCells {

    private MarkdownCells() {
    }

    /** The text as one Markdown table cell. */
    public static String cell(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '|' -> b.append("\\|");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Appends a Markdown table after a blank line: the header, the alignment row (the first two
     * columns left-aligned, the others right-aligned) and the rows, every cell through {@link #cell}.
     */
    static void table(StringBuilder b, String[] header, java.util.List<String[]> rows) {
        b.append("\n|");
        for (String h : header) {
            b.append(' ').append(h).append(" |");
        }
        b.append("\n|---|---|").append("--:|".repeat(header.length - 2)).append('\n');
        for (String[] row : rows) {
            b.append('|');
            for (String c : row) {
                b.append(' ').append(cell(c)).append(" |");
            }
            b.append('\n');
        }
    }
}
