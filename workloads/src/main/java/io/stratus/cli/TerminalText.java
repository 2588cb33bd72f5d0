package io.stratus.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the commands print, cleaned for a terminal: control characters that could rewrite the
 * screen or reorder the text are dropped (the C0 controls but tab, line feed and carriage return,
 * so ANSI escape sequences lose their ESC; DEL; the C1 controls; the Unicode bidirectional
 * controls U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069; NUL). A name or a
 * value quoted from a scenario file therefore prints as plain text.
 */
final class TerminalText extends FilterWriter {

    private TerminalText(Writer out) {
        super(out);
    }

    /** A writer that cleans what it is given, then writes it to {@code out}. */
    static PrintWriter cleaning(Writer out) {
        return new PrintWriter(new TerminalText(out), true);
    }

    /** Whether the character is dropped. */
    static boolean dropped(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7F && c <= 0x9F
                || c == '\u061C' || c == '\u200E' || c == '\u200F'
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /** The text without the dropped characters. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!dropped(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (!dropped((char) c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        String cleaned = clean(text.substring(off, off + len));
        out.write(cleaned, 0, cleaned.length());
    }
}
