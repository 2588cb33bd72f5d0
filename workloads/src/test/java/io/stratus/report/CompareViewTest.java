package io.stratus.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class CompareViewTest {

    private static CompareView view(double... totals) {
        String[] names = {"on-demand", "spot", "reserved-1y", "savings-plan-1y", "mixed"};
        List<CompareView.Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            bars.add(new CompareView.Bar(names[i], totals[i], Double.NaN, Double.NaN, i != 1, 100 + 30 * i, Double.NaN,
                    Double.NaN));
        }
        return new CompareView("cafe", "7d, one seed", List.<String[]>of(new String[] {"strategy"}), "verdict", 150,
                bars);
    }

    @Test
    void barsAreSortedCheapestFirst() {
        assertThat(view(47.4, 26.17, 30.2).bars()).extracting(CompareView.Bar::strategy)
                .containsExactly("spot", "reserved-1y", "on-demand");
    }

    @Test
    void labelsAreDollarsNotRawDoubles() throws Exception {
        String svg = new String(view(9.528604962344955, 6.1, 7.7).svg(), StandardCharsets.UTF_8);
        assertThat(svg).contains("$9.53").contains("$6.10").doesNotContain("9.528604962344955");
        assertThat(svg).contains("meets the p99 objective 150 ms"); // the legend, above the plot
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertThat(f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void anOutlierIsCutAndSaysSo() throws Exception {
        String svg = new String(view(10, 12, 11, 500).svg(), StandardCharsets.UTF_8);
        assertThat(svg).contains("$500.00 (off scale)").doesNotContain("$12.00 (off scale)");
        // the axis ends at a round value past 1.25 x 12 = 15, not at 500
        assertThat(svg).contains(">$15<").doesNotContain(">$500<");
    }

    @Test
    void pngHasItsSizeAndIsTheSameEveryTime() throws Exception {
        CompareView v = view(47.4, 26.17, 30.2);
        byte[] png = v.png();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(260);
        assertThat(png).isEqualTo(v.png());
        assertThat(v.svg()).isEqualTo(v.svg());
    }

    @Test
    void theHtmlPageHasBothChartsAndTheObjectiveLine() {
        String html = new String(view(47.4, 26.17, 30.2).html(), StandardCharsets.UTF_8);
        assertThat(html).contains("<div class=\"chart\" id=\"chart-1\"").contains("<div class=\"chart\" id=\"chart-2\"")
                .contains("\"markLine\"").contains("p99 objective 150 ms");
        assertThat(html).isEqualTo(new String(view(47.4, 26.17, 30.2).html(), StandardCharsets.UTF_8));
    }
}
