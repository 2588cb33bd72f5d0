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
}
