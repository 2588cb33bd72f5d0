package io.stratus.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A self-contained HTML report page: headings, paragraphs, tables and interactive charts, with
 * the chart library ({@link ChartLibrary}), the charts' data and the page's own script and style
 * inlined, so the one file opens offline and can be mailed or archived alone. Text is escaped;
 * the inlined JSON has every {@code <} written {@code \u003c}, so no data can close the script.
 *
 * <p>Once loaded, each chart's element carries {@code data-drawn} (non-transparent pixels
 * sampled from its canvas) and {@code data-coloured} (sampled pixels in a series colour, not
 * grey: data, not only axes), and the body carries {@code data-errors} if any script error or
 * {@code console.error} happened: what the headless-browser test reads.
 */
public final class HtmlPage {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final ArrayNode charts = ChartSpec.JSON.arrayNode();

    /** A page titled {@code title} (also its first heading). */
    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /** A section heading. */
    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * A table: the first row is the header; columns after the first whose cells all look like
     * numbers (or {@code -}) are right-aligned.
     */
    public HtmlPage table(List<String[]> rows) {
        if (rows.size() < 2) {
            return this;
        }
        int columns = rows.get(0).length;
        boolean[] numeric = new boolean[columns];
        for (int c = 1; c < columns; c++) {
            int col = c;
            numeric[c] = rows.stream().skip(1).allMatch(r -> col < r.length && r[col].matches("[-+$]?[-+$0-9.,%]*"));
        }
        body.append("<div class=\"table\"><table>\n<thead><tr>");
        for (String h : rows.get(0)) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (String[] r : rows.subList(1, rows.size())) {
            body.append("<tr>");
            for (int c = 0; c < r.length; c++) {
                body.append(numeric[Math.min(c, columns - 1)] ? "<td class=\"n\">" : "<td>").append(escape(r[c]))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** An interactive chart. */
    public HtmlPage chart(ChartSpec chart) {
        String id = "chart-" + (charts.size() + 1);
        body.append("<div class=\"chart\" id=\"").append(id).append("\" style=\"height:").append(chart.height())
                .append("px\" role=\"img\" aria-label=\"").append(escape(chart.title())).append("\"></div>\n");
        charts.add(chart.toJson(id));
        return this;
    }

    /** How many charts the page has. */
    public int charts() {
        return charts.size();
    }

    /** The page, UTF-8. */
    public byte[] render() {
        String data;
        try {
            data = MAPPER.writeValueAsString(charts).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the charts' JSON", e);
        }
        StringBuilder b = new StringBuilder(ChartLibrary.script().length() + body.length() + data.length() + 8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Stratus; Apache ECharts ").append(ChartLibrary.version())
                .append(" inlined (Apache License 2.0)\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(resource("page.css"))
                .append("</style>\n<script>\n").append(ChartLibrary.script()).append("\n</script>\n</head>\n<body>\n")
                .append("<main>\n").append(body)
                .append("<pre id=\"errors\" hidden></pre>\n")
                .append("<footer>Written by Stratus. Charts: Apache ECharts ").append(ChartLibrary.version())
                .append(" (Apache License 2.0), inlined: this file needs no network. Drag or scroll on a chart to ")
                .append("zoom, hover for values.</footer>\n</main>\n")
                .append("<script id=\"stratus-charts\" type=\"application/json\">").append(data).append("</script>\n")
                .append("<script>\n").append(resource("page.js")).append("</script>\n</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Text escaped for HTML content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
