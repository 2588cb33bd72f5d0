package io.stratus.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratus.report.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One interactive chart of an HTML report: an ECharts option (data, axes, series) plus the units
 * of its value axes, which the page turns into formatters (JSON cannot carry functions): axis
 * labels, bar labels and hover values then read {@code $1,234.56}, {@code 153 ms}, {@code 42.0%}.
 * Every chart has a hover tooltip and zoom (mouse wheel or drag on the plot, and a slider under
 * the category or time axis); legends sit above the plot, never on the data. Numbers are rounded
 * to 6 significant digits so the page is small and byte-identical for the same results.
 */
public final class ChartSpec {

    /** How a value axis's numbers are written. */
    public enum Unit {
        /** US dollars: {@code $1,234.56}, {@code $0.0042}. */
        USD,
        /** Milliseconds: {@code 153 ms}. */
        MS,
        /** A percentage, the value already times 100: {@code 42.0%}. */
        PERCENT,
        /** A count: {@code 1,234}. */
        COUNT,
        /** A rate per second: {@code 12.5/s}. */
        PER_SECOND,
        /** A plain number, 4 significant digits. */
        PLAIN;

        String js() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String title;
    private final ObjectNode option;
    private final String valueAxis;
    private final List<Unit> units;
    private final int height;

    private ChartSpec(String title, ObjectNode option, String valueAxis, List<Unit> units, int height) {
        this.title = Objects.requireNonNull(title);
        this.option = option;
        this.valueAxis = valueAxis;
        this.units = List.copyOf(units);
        this.height = height;
    }

    /** The chart's title (also the heading above it). */
    public String title() {
        return title;
    }

    int height() {
        return height;
    }

    /** The option and units as the page's script reads them. */
    ObjectNode toJson(String id) {
        ObjectNode n = JSON.objectNode();
        n.put("id", id);
        n.put("valueAxis", valueAxis);
        ArrayNode u = n.putArray("units");
        units.forEach(x -> u.add(x.js()));
        n.set("option", option);
        return n;
    }

    /**
     * A chart over simulated time: lines on one or two value axes (the second on the right).
     *
     * @param xName the time axis's name with its unit, for example {@code simulated time (h)}
     * @param yNames the value axes' names (one or two)
     * @param units the value axes' units, in the same order
     * @param logY a logarithmic first value axis (latencies spanning orders of magnitude)
     */
    public static Builder timeSeries(String title, String xName, List<String> yNames, List<Unit> units, boolean logY) {
        ObjectNode o = base(title);
        bottomAxis(o, xName);
        ArrayNode ys = o.putArray("yAxis");
        for (int i = 0; i < yNames.size(); i++) {
            ObjectNode y = ys.addObject();
            y.put("type", i == 0 && logY ? "log" : "value");
            y.put("name", yNames.get(i));
            y.put("position", i == 0 ? "left" : "right");
            y.put("scale", i == 0 && logY);
            if (i == 1) {
                y.putObject("splitLine").put("show", false); // one grid, the left axis's
            }
        }
        o.putArray("dataZoom").addObject().put("type", "inside").put("xAxisIndex", 0);
        ((ArrayNode) o.get("dataZoom")).addObject().put("type", "slider").put("xAxisIndex", 0).put("height", 18)
                .put("bottom", 8);
        o.putObject("tooltip").put("trigger", "axis");
        return new Builder(title, o, "y", units, 420);
    }

    /**
     * Horizontal bars, one row per category in the order given (sorted by the caller), value
     * axis along the bottom; hovering a bar shows its name and value.
     *
     * @param cap {@link io.stratus.report.OutlierScale#cap}: when finite, the axis ends at the
     *     round value past it and a bar beyond it is drawn to the edge, its label and hover text
     *     giving its value and {@code (off scale)}; {@code NaN} for none
     */
    public static Builder horizontalBars(String title, String valueName, Unit unit, List<String> categories,
                                         double cap) {
        ObjectNode o = base(title);
        ObjectNode x = bottomAxis(o, valueName);
        double end = Double.isFinite(cap) ? io.stratus.report.Ticks.ceil(cap) : Double.NaN;
        if (Double.isFinite(end)) {
            x.put("max", Numbers.sig6(end));
        }
        ObjectNode y = o.putObject("yAxis");
        y.put("type", "category");
        y.put("inverse", true); // the first (smallest) bar on top
        ArrayNode names = y.putArray("data");
        categories.forEach(names::add);
        y.putObject("axisLabel").put("width", 240).put("overflow", "truncate");
        o.putArray("dataZoom").addObject().put("type", "inside").put("xAxisIndex", 0);
        o.putObject("tooltip").put("trigger", "item");
        ((ObjectNode) o.get("grid")).put("left", 250).put("right", 150);
        int height = Math.max(220, 110 + 34 * categories.size());
        Builder b = new Builder(title, o, "x", List.of(unit), height);
        b.cap = cap;
        b.end = end;
        return b;
    }

    /** The value axis along the bottom, from zero, its name centred under it. */
    private static ObjectNode bottomAxis(ObjectNode option, String name) {
        ObjectNode x = option.putObject("xAxis");
        x.put("type", "value");
        x.put("name", name);
        x.put("nameLocation", "middle");
        x.put("nameGap", 28);
        x.put("min", 0);
        return x;
    }

    private static ObjectNode base(String title) {
        ObjectNode o = JSON.objectNode();
        o.put("animation", false); // drawn at once: the page is final when it loads
        o.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 14);
        o.putObject("legend").put("type", "scroll").put("top", 28);
        ObjectNode grid = o.putObject("grid");
        grid.put("top", 70);
        grid.put("bottom", 62);
        grid.put("left", 70);
        grid.put("right", 70);
        grid.put("containLabel", false);
        return o;
    }

    /** Adds the series of a chart. */
    public static final class Builder {
        private final String title;
        private final ObjectNode option;
        private final String valueAxis;
        private final List<Unit> units;
        private final int height;
        private double maxValue;
        private double cap = Double.NaN;
        private double end = Double.NaN;

        private Builder(String title, ObjectNode option, String valueAxis, List<Unit> units, int height) {
            this.title = title;
            this.option = option;
            this.valueAxis = valueAxis;
            this.units = units;
            this.height = height;
        }

        /** A line of (x, y) points on value axis {@code yAxis}; points whose y is not finite are left out. */
        public Builder line(String name, double[] xs, double[] ys, int yAxis) {
            ObjectNode s = series(name, "line");
            s.put("yAxisIndex", yAxis);
            s.put("showSymbol", false);
            ArrayNode data = s.putArray("data");
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(ys[i])) {
                    maxValue = Math.max(maxValue, ys[i]);
                    data.addArray().add(Numbers.sig6(xs[i])).add(Numbers.sig6(ys[i]));
                }
            }
            return this;
        }

        /** Bars, one per category; {@code colors} (CSS colours, one per bar) or null for the series colour. */
        public Builder bars(String name, double[] values, List<String> colors) {
            ObjectNode s = series(name, "bar");
            s.putObject("label").put("show", true).put("position", "right");
            ArrayNode data = s.putArray("data");
            for (int i = 0; i < values.length; i++) {
                ObjectNode d = data.addObject();
                if (io.stratus.report.OutlierScale.cut(values[i], cap)) { // drawn to the edge, labelled with its value
                    maxValue = Math.max(maxValue, end);
                    d.put("value", Numbers.sig6(end));
                    d.put("actual", Numbers.sig6(values[i]));
                } else if (Double.isFinite(values[i])) {
                    maxValue = Math.max(maxValue, values[i]);
                    d.put("value", Numbers.sig6(values[i]));
                } else {
                    d.putNull("value");
                }
                if (colors != null) {
                    d.putObject("itemStyle").put("color", colors.get(i));
                }
            }
            return this;
        }

        /**
         * A dashed line across the plot at {@code value} of the first value axis, labelled (an
         * objective such as the p99 SLO), on the last series added.
         */
        public Builder markLine(String label, double value) {
            ArrayNode series = (ArrayNode) option.get("series");
            if (series == null || series.isEmpty() || !Double.isFinite(value)) {
                return this;
            }
            ObjectNode axis = (ObjectNode) (valueAxis.equals("x") ? option.get("xAxis") : option.get("yAxis").get(0));
            double end = Math.max(axis.has("max") ? axis.get("max").asDouble() : maxValue, value * 1.08);
            axis.put("max", Numbers.sig6(io.stratus.report.Ticks.ceil(end))); // the line stays on the plot
            ObjectNode m = ((ObjectNode) series.get(series.size() - 1)).putObject("markLine");
            m.put("symbol", "none");
            m.put("silent", true);
            m.putObject("lineStyle").put("type", "dashed").put("color", "#c0392b").put("width", 2);
            m.putObject("label").put("formatter", label).put("position", valueAxis.equals("x") ? "start" : "insideEndTop") // start: the top, the bars' axis is inverse
                    .put("color", "#c0392b");
            m.putArray("data").addObject().put(valueAxis.equals("x") ? "xAxis" : "yAxis", Numbers.sig6(value));
            return this;
        }

        /** Whether any series was added. */
        public boolean isEmpty() {
            ArrayNode series = (ArrayNode) option.get("series");
            return series == null || series.isEmpty();
        }

        private ObjectNode series(String name, String type) {
            ArrayNode series = option.has("series") ? (ArrayNode) option.get("series") : option.putArray("series");
            ObjectNode s = series.addObject();
            s.put("name", name);
            s.put("type", type);
            return s;
        }

        /** The chart. */
        public ChartSpec build() {
            if (valueAxis.equals("x") && option.has("series") && option.get("series").size() == 1) {
                ((ObjectNode) option.get("legend")).put("show", false); // one series of bars: the title names it
            }
            return new ChartSpec(title, option, valueAxis, units, height);
        }
    }
}
