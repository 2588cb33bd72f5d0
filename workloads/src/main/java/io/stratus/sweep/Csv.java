package io.stratus.sweep;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 fields: quoted when they hold a comma, a quote or a line break. */
final class Csv {

    private Csv() {
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static void row(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        b.append('\n');
    }

    /**
     * Parses CSV text into records of fields; {@code \r\n} ends a record like {@code \n}.
     *
     * @throws SweepException on an unterminated quote
     */
    static List<List<String>> parse(String text, String source) throws SweepException {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                records.add(fields);
                fields = new ArrayList<>();
                f.setLength(0);
                any = false;
                line++;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new SweepException(source + ":" + line + ": a quoted field is not closed (is the file cut short?)");
        }
        if (any || f.length() > 0) {
            fields.add(f.toString());
            records.add(fields);
        }
        return records;
    }
}
