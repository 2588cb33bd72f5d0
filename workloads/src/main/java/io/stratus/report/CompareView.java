package io.stratus.report;

import io.stratus.report.html.ChartSpec;
import io.stratus.report.html.ChartSpec.Unit;
import io.stratus.report.html.HtmlPage;
import java.awt.Color;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the charts and the HTML page of a purchase-option comparison show, from one seed
 * ({@link CompareReport}) or several ({@link ReplicatedCompareReport}): the strategies sorted
 * by total cost, cheapest on top, as horizontal bars labelled in dollars, green when the strategy
 * meets the p99 objective and orange when it misses it, with the 5th to 95th percentile as
 * whiskers over replications (in the PNG and SVG; the HTML page's table has them); and the
 * worst p99 latency per strategy against the objective.
 *
 * @param scenario the scenario's name
 * @param subtitle what was compared (duration, seeds)
 * @param table the comparison table (header first), as in {@code compare.md}
 * @param verdict the verdict sentence
 * @param sloMs the p99 objective in ms, or 0 for none
 * @param bars one per strategy, in the order compared
 */
public record CompareView(String scenario, String subtitle, List<String[]> table, String verdict, double sloMs,
                          List<Bar> bars) {

    /**
     * One strategy: its total cost and worst p99 (means over replications), with their 5th and
     * 95th percentiles ({@code NaN} from one seed).
     */
    public record Bar(String strategy, double usd, double usdP5, double usdP95, boolean meetsSlo, double p99Ms,
                      double p99P5, double p99P95) {
    }

    private static final Color MEETS = new Color(0x2E8B57);
    private static final Color MISSES = new Color(0xE67E22);
    private static final Color PLAIN = new Color(0x4472C4);

    public CompareView {
        table = List.copyOf(table);
        bars = bars.stream().sorted(Comparator.comparingDouble(Bar::usd).thenComparing(Bar::strategy)).toList();
    }

    private String costTitle() {
        return scenario + ": total cost per purchase strategy (" + subtitle + ")";
    }

    private String objective() {
        return String.format(Locale.ROOT, "p99 objective %s ms", Numbers.sig6(sloMs).toPlainString());
    }

    private BarChartImage costImage() {
        boolean ranges = bars.stream().anyMatch(b -> Double.isFinite(b.usdP5()));
        return new BarChartImage(costTitle(), "total cost (USD)" + (ranges ? "; whiskers: 5th to 95th percentile" : ""),
                ValueFormat.USD, bars.stream().map(Bar::strategy).toList(), bars.stream().mapToDouble(Bar::usd).toArray(),
                ranges ? bars.stream().mapToDouble(Bar::usdP5).toArray() : null,
                ranges ? bars.stream().mapToDouble(Bar::usdP95).toArray() : null,
                bars.stream().map(this::colour).toList(),
                sloMs > 0 ? List.of(new BarChartImage.Legend("meets the " + objective(), MEETS),
                        new BarChartImage.Legend("misses it", MISSES)) : List.of(), null, Double.NaN);
    }

    private Color colour(Bar b) {
        return sloMs <= 0 ? PLAIN : b.meetsSlo() ? MEETS : MISSES;
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF);
    }

    /** {@code compare.png}. */
    public byte[] png() throws IOException {
        return costImage().png();
    }

    /** {@code compare.svg}. */
    public byte[] svg() throws IOException {
        return costImage().svg();
    }

    /** {@code compare.html}: the table, the verdict and both charts, interactive. */
    public byte[] html() {
        HtmlPage page = new HtmlPage(scenario + ": purchase options");
        page.paragraph(subtitle + ". " + verdict);
        page.table(table);
        List<String> names = bars.stream().map(Bar::strategy).toList();
        double[] usd = bars.stream().mapToDouble(Bar::usd).toArray();
        List<String> colours = bars.stream().map(b -> css(colour(b))).toList();
        boolean ranges = bars.stream().anyMatch(b -> Double.isFinite(b.usdP5()));
        ChartSpec.Builder cost = ChartSpec.horizontalBars(costTitle(), ranges ? "mean total cost" : "total cost",
                Unit.USD, names, OutlierScale.cap(usd)).bars(ranges ? "mean total" : "total", usd, colours);
        page.heading("Total cost");
        String note = (sloMs > 0 ? "Green: the strategy meets the " + objective() + "; orange: it misses it. " : "")
                + (ranges ? "The 5th and 95th percentiles over the replications are in the table." : "");
        if (!note.isEmpty()) {
            page.paragraph(note.strip());
        }
        page.chart(cost.build());
        double[] p99 = bars.stream().mapToDouble(Bar::p99Ms).toArray();
        if (java.util.Arrays.stream(p99).anyMatch(Double::isFinite)) {
            ChartSpec.Builder latency = ChartSpec.horizontalBars(scenario + ": worst p99 latency per strategy",
                    "worst p99 latency of any service", Unit.MS, names, OutlierScale.cap(p99))
                    .bars("worst p99", p99, colours);
            if (sloMs > 0) {
                latency.markLine(objective(), sloMs);
            }
            page.heading("Latency against the objective").chart(latency.build());
        }
        return page.render();
    }
}
