package io.stratus.trace;

import java.util.Arrays;

/**
 * The field splitting under {@link LineCursor}: splits a line into fields kept as offsets into
 * it, either at one delimiter character (blanks around each field trimmed, no quoting) or at runs
 * of blanks (spaces and tabs). Reuses its offset arrays. Not thread-safe.
 */
final class FieldSplitter {

    /** The delimiter meaning "runs of blanks". */
    static final char BLANKS = '\0';

    private final char delimiter;
    private int[] fieldStart = new int[32];
    private int[] fieldEnd = new int[32];
    private int fields = -1; // -1: the current line is not split yet

    FieldSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Forgets the fields of the previous line. */
    void reset() {
        fields = -1;
    }

    /** Splits {@code line[0, length)} unless it is split already; the number of fields. */
    int split(char[] line, int length) {
        if (fields >= 0) {
            return fields;
        }
        fields = 0;
        if (delimiter == BLANKS) {
            int i = 0;
            while (true) {
                while (i < length && isBlank(line[i])) {
                    i++;
                }
                if (i == length) {
                    break;
                }
                int start = i;
                while (i < length && !isBlank(line[i])) {
                    i++;
                }
                addField(start, i);
            }
        } else {
            int start = 0;
            for (int i = 0; i <= length; i++) {
                if (i == length || line[i] == delimiter) {
                    addTrimmedField(line, start, i);
                    start = i + 1;
                }
            }
        }
        return fields;
    }

    /** Where field {@code i} starts (0-based offset in the line). */
    int start(int i) {
        return fieldStart[i];
    }

    /** Where field {@code i} ends (exclusive). */
    int end(int i) {
        return fieldEnd[i];
    }

    private void addTrimmedField(char[] line, int start, int end) {
        while (start < end && isBlank(line[start])) {
            start++;
        }
        while (end > start && isBlank(line[end - 1])) {
            end--;
        }
        addField(start, end);
    }

    private void addField(int start, int end) {
        if (fields == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fields * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fields * 2);
        }
        fieldStart[fields] = start;
        fieldEnd[fields] = end;
        fields++;
    }

    /** Whether {@code c} is a blank: a space or a tab. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
