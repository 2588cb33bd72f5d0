package io.stratus.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static final String HOSTILE = "</script><script>alert(1)</script>&\"'";

    @Test
    void textAndChartDataCannotBreakOutOfThePage() {
        HtmlPage page = new HtmlPage(HOSTILE).paragraph(HOSTILE).table(List.of(new String[] {"a", HOSTILE},
                new String[] {HOSTILE, "1.5"}));
        page.chart(ChartSpec.horizontalBars(HOSTILE, HOSTILE, ChartSpec.Unit.USD, List.of(HOSTILE, "b"), Double.NaN)
                .bars(HOSTILE, new double[] {1, 2}, null).build());
        String html = new String(page.render(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert");
        // the library's, the data's and the page's script elements, and no other closing tag
        assertThat(html.split("</script>", -1)).hasSize(4);
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;")
                .contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>");
    }

    @Test
    void theLibraryIsInlinedWithItsLicenceAndVersion() {
        String html = new String(new HtmlPage("t").render(), StandardCharsets.UTF_8);
        assertThat(ChartLibrary.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(html).contains("Licensed to the Apache Software Foundation").contains("Apache ECharts "
                + ChartLibrary.version());
        assertThat(html).doesNotContain("<script src").doesNotContain("<link ");
    }

    @Test
    void numericColumnsAreRightAligned() {
        String html = new String(new HtmlPage("t").table(List.of(new String[] {"name", "cost USD"},
                new String[] {"web", "1,234.56"}, new String[] {"db", "-"})).render(), StandardCharsets.UTF_8);
        assertThat(html).contains("<td>web</td><td class=\"n\">1,234.56</td>").contains("<td>db</td><td class=\"n\">-</td>");
    }

    @Test
    void anObjectiveLineWidensTheAxisToStayOnThePlot() {
        ChartSpec spec = ChartSpec.horizontalBars("t", "p99", ChartSpec.Unit.MS, List.of("a", "b"), Double.NaN)
                .bars("p99", new double[] {90, 95}, null).markLine("objective", 500).build();
        assertThat(spec.toJson("x").get("option").get("xAxis").get("max").asDouble()).isGreaterThan(500);
    }

    @Test
    void anOutlierBarIsDrawnToTheAxisEndAndKeepsItsValue() {
        double[] v = {1, 2, 3, 100};
        ChartSpec spec = ChartSpec.horizontalBars("t", "cost", ChartSpec.Unit.USD, List.of("a", "b", "c", "d"),
                io.stratus.report.OutlierScale.cap(v)).bars("cost", v, null).build();
        com.fasterxml.jackson.databind.JsonNode option = spec.toJson("x").get("option");
        // the cap is 1.25 x 3 = 3.75; the axis ends at the next whole step, 4
        assertThat(option.get("xAxis").get("max").asDouble()).isEqualTo(4);
        com.fasterxml.jackson.databind.JsonNode outlier = option.get("series").get(0).get("data").get(3);
        assertThat(outlier.get("value").asDouble()).isEqualTo(4);
        assertThat(outlier.get("actual").asDouble()).isEqualTo(100);
        assertThat(option.get("series").get(0).get("data").get(2).has("actual")).isFalse();
    }
}
