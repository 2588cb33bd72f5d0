package io.stratus.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A horizontal bar chart drawn with Java2D, as PNG and as SVG (VectorGraphics2D, which XChart
 * also uses for its vector output; XChart has no horizontal bars): one bar per category in the
 * order given, each labelled with its value in its unit ({@code $26.17}), optional whiskers (a
 * range such as the 5th to 95th percentile), an optional dashed line at an objective, a legend
 * above the plot, the value axis along the bottom with round ticks. An outlier is cut at the
 * axis's end ({@link OutlierScale}) and its label says {@code (off scale)}.
 *
 * @param title the chart's title
 * @param valueTitle the value axis's title, with its unit
 * @param unit how values are written
 * @param categories the bars' names, top to bottom
 * @param values the bars' lengths
 * @param low the whiskers' low ends, or null for none
 * @param high the whiskers' high ends, or null for none
 * @param colours each bar's colour
 * @param legend the legend's entries (name, colour), or empty
 * @param lineLabel the objective line's label, or null for none
 * @param lineValue the objective line's value
 */
public record BarChartImage(String title, String valueTitle, ValueFormat unit, List<String> categories,
                            double[] values, double[] low, double[] high, List<Color> colours,
                            List<Legend> legend, String lineLabel, double lineValue) {

    /** One legend entry. */
    public record Legend(String name, Color colour) {
    }

    private static final int WIDTH = 900;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color INK = new Color(0x333333);
    private static final Color OBJECTIVE = new Color(0xC0392B);

    public BarChartImage {
        Objects.requireNonNull(title);
        if (values.length != categories.size() || colours.size() != categories.size()) {
            throw new IllegalArgumentException("one value and one colour per category");
        }
    }

    private int height() {
        return Math.max(260, 130 + 34 * categories.size());
    }

    /** The chart as PNG. */
    public byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paint(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The chart as SVG. */
    public byte[] svg() throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        return out.toByteArray();
    }

    private void paint(Graphics2D g) {
        int h = height();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, h);
        g.setFont(TITLE);
        g.setColor(INK);
        FontMetrics tm = g.getFontMetrics();
        g.drawString(title, (WIDTH - tm.stringWidth(title)) / 2, 24);
        g.setFont(TEXT);
        FontMetrics fm = g.getFontMetrics();
        drawLegend(g, fm);
        double cap = OutlierScale.cap(values);
        double axisMax = Double.isFinite(cap) ? cap : max();
        double step = Ticks.step(axisMax);
        axisMax = Math.max(step, Math.ceil(axisMax / step - 1e-9) * step);
        int labelWidth = categories.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int left = 16 + Math.min(labelWidth, 260) + 10;
        int right = WIDTH - 150; // room for the longest value label
        int top = legend.isEmpty() ? 44 : 66;
        int bottom = h - 56;
        double scale = (right - left) / axisMax;
        for (int t = 0; t * step <= axisMax + 1e-9; t++) { // grid and ticks
            int x = left + (int) Math.round(t * step * scale);
            g.setColor(GRID);
            g.drawLine(x, top, x, bottom);
            g.setColor(INK);
            String tick = unit.tick(t * step, step);
            g.drawString(tick, x - fm.stringWidth(tick) / 2, bottom + 16);
        }
        g.drawString(valueTitle, (left + right - fm.stringWidth(valueTitle)) / 2, bottom + 38);
        double band = (bottom - top) / (double) categories.size();
        for (int i = 0; i < categories.size(); i++) {
            int y = (int) Math.round(top + i * band);
            int barHeight = (int) Math.round(band * 0.62);
            int barTop = y + (int) Math.round((band - barHeight) / 2);
            String name = categories.get(i);
            g.setColor(INK);
            g.drawString(name, left - 10 - fm.stringWidth(name), barTop + barHeight / 2 + fm.getAscent() / 2 - 1);
            if (!Double.isFinite(values[i])) {
                g.drawString("no value", left + 6, barTop + barHeight / 2 + fm.getAscent() / 2 - 1);
                continue;
            }
            boolean cut = OutlierScale.cut(values[i], cap);
            int end = left + (int) Math.round(Math.min(values[i], axisMax) * scale);
            g.setColor(colours.get(i));
            g.fillRect(left, barTop, Math.max(1, end - left), barHeight);
            if (cut) { // a white break near the end: the bar goes on beyond the axis
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(3));
                g.drawLine(end - 18, barTop + barHeight, end - 12, barTop);
                g.drawLine(end - 11, barTop + barHeight, end - 5, barTop);
                g.setStroke(new BasicStroke(1));
            }
            int labelX = end + 6;
            if (low != null && high != null && Double.isFinite(low[i]) && Double.isFinite(high[i])) {
                int lo = left + (int) Math.round(Math.min(low[i], axisMax) * scale);
                int hi = left + (int) Math.round(Math.min(high[i], axisMax) * scale);
                int mid = barTop + barHeight / 2;
                g.setColor(INK);
                g.drawLine(lo, mid, hi, mid);
                g.drawLine(lo, mid - 5, lo, mid + 5);
                g.drawLine(hi, mid - 5, hi, mid + 5);
                labelX = Math.max(labelX, hi + 6);
            }
            g.setColor(INK);
            String label = unit.label(values[i]) + (cut ? " (off scale)" : "");
            g.drawString(label, labelX, barTop + barHeight / 2 + fm.getAscent() / 2 - 1);
        }
        g.setColor(INK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
        drawObjective(g, fm, left, top, bottom, scale, axisMax);
    }

    private void drawObjective(Graphics2D g, FontMetrics fm, int left, int top, int bottom, double scale,
                               double axisMax) {
        if (lineLabel == null || !Double.isFinite(lineValue) || lineValue > axisMax) {
            return;
        }
        int x = left + (int) Math.round(lineValue * scale);
        g.setColor(OBJECTIVE);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(x, top - 4, x, bottom);
        g.setStroke(new BasicStroke(1));
        g.drawString(lineLabel, x + 4, top + fm.getAscent() - 2);
    }

    private void drawLegend(Graphics2D g, FontMetrics fm) {
        int total = legend.stream().mapToInt(l -> 18 + fm.stringWidth(l.name()) + 20).sum();
        int x = (WIDTH - total) / 2;
        for (Legend l : legend) {
            g.setColor(l.colour());
            g.fillRect(x, 38, 12, 12);
            g.setColor(INK);
            g.drawString(l.name(), x + 18, 49);
            x += 18 + fm.stringWidth(l.name()) + 20;
        }
    }

    /** The largest value or whisker end, and the objective, so that all fit. */
    private double max() {
        double m = lineLabel != null && Double.isFinite(lineValue) ? lineValue : 0;
        for (int i = 0; i < values.length; i++) {
            m = Math.max(m, Double.isFinite(values[i]) ? values[i] : 0);
            if (high != null && Double.isFinite(high[i])) {
                m = Math.max(m, high[i]);
            }
        }
        return m > 0 ? m * 1.05 : 1;
    }
}
