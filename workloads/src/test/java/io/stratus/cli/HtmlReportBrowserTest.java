package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.scenario.ScenarioLoaderTest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports in a real browser: {@code summary.html}, {@code compare.html} (of one seed
 * and of replications) and {@code sweep.html} written by the commands are loaded in headless Chromium (Debian's
 * {@code chromium} package, or the browser {@code STRATUS_BROWSER} names). Each page must load
 * with no console message and no script error, every chart element must hold a canvas on which
 * the page's script counted drawn and coloured pixels (the DOM after load), and a screenshot must
 * have the window's size and enough non-blank, varied pixels. Without a browser the test is
 * skipped, saying how to install one ({@code .ci/run} installs it). Host names resolve to nothing in
 * the browser, so a page that needed the network would log an error.
 */
class HtmlReportBrowserTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 2400;
    private static final Pattern CHART = Pattern.compile("<div class=\"chart\"[^>]*>");
    private static final Pattern COUNT = Pattern.compile("data-(drawn|coloured)=\"(\\d+)\"");

    @TempDir
    static Path dir;

    private static String browser;

    @BeforeAll
    static void writeReports() throws IOException {
        Optional<String> found = findBrowser();
        if (found.isEmpty()) {
            String why = "HtmlReportBrowserTest skipped: no headless browser found (looked for $STRATUS_BROWSER, then "
                    + "chromium, chromium-browser, google-chrome on PATH). Install Debian's: apt-get install -y "
                    + "chromium (.ci/run does this when it is missing)";
            System.out.println(why);
            Assumptions.abort(why);
        }
        browser = found.get();
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, ScenarioLoaderTest.VALID_TEXT + "compare:\n  slo: { p99: 60ms }\n  strategies:\n"
                + "    - on-demand\n    - spot\n    - reserved-1y\n");
        run("run", scenario.toString(), "--quiet", "--out", dir.resolve("run").toString());
        run("compare", scenario.toString(), "--quiet", "--out", dir.resolve("compare").toString());
        run("compare", scenario.toString(), "--quiet", "--replications", "3", "--set", "duration=30m", "--out",
                dir.resolve("replicated").toString());
        run("sweep", scenario.toString(), "--quiet", "--out", dir.resolve("sweep").toString(), "--set",
                "duration=20m", "--set", "services.web.instances=1,2,4");
    }

    private static void run(String... args) {
        StratusCliTest.Result r = StratusCliTest.execute(args);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void summaryLoadsAndDrawsEveryChart() throws Exception {
        check(dir.resolve("run/summary.html"), 5);
    }

    @Test
    void compareLoadsAndDrawsEveryChart() throws Exception {
        check(dir.resolve("compare/compare.html"), 2);
    }

    @Test
    void replicatedCompareLoadsAndDrawsEveryChart() throws Exception {
        check(dir.resolve("replicated/compare.html"), 2);
    }

    @Test
    void sweepLoadsAndDrawsEveryChart() throws Exception {
        check(dir.resolve("sweep/sweep.html"), 5);
    }

    private void check(Path page, int minCharts) throws Exception {
        String html = Files.readString(page);
        String markup = html.substring(0, html.indexOf("<script>")) + html.substring(html.indexOf("<body>"));
        assertThat(Pattern.compile("<(script|img|iframe)[^>]+src=|<link[^>]+href=").matcher(markup).find())
                .as("self-contained: no script, image, frame or style sheet loaded from elsewhere").isFalse();
        Browser loaded = browse(page, "--dump-dom");
        assertThat(loaded.stderr.lines().filter(l -> l.contains(":CONSOLE")).toList())
                .as("console messages of " + page).isEmpty();
        String dom = loaded.stdout;
        assertThat(dom).as("the page's own error record").doesNotContain("data-errors=")
                .contains("<pre id=\"errors\" hidden=\"\"></pre>");
        Matcher charts = CHART.matcher(dom);
        int n = 0;
        while (charts.find()) {
            n++;
            String tag = charts.group();
            Matcher counts = COUNT.matcher(tag);
            List<Integer> values = new ArrayList<>();
            while (counts.find()) {
                values.add(Integer.parseInt(counts.group(2)));
            }
            assertThat(values).as("drawn and coloured pixel counts of " + tag).hasSize(2);
            assertThat(values.get(0)).as("pixels drawn in " + tag).isGreaterThan(2000);
            assertThat(values.get(1)).as("pixels in a series colour in " + tag).isGreaterThan(150);
        }
        assertThat(n).as("charts on " + page).isGreaterThanOrEqualTo(minCharts);
        assertThat(dom.split("<canvas", -1).length - 1).as("a canvas per chart").isGreaterThanOrEqualTo(n);
        Path shot = page.resolveSibling(page.getFileName() + ".png");
        browse(page, "--screenshot=" + shot);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        int ink = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFAFAFA && rgb != 0xFFFFFF) {
                    ink++;
                    colours.add(rgb);
                }
            }
        }
        assertThat(ink).as("non-blank pixels of the screenshot").isGreaterThan(WIDTH * HEIGHT / 4 / 50);
        assertThat(colours.size()).as("distinct colours of the screenshot").isGreaterThan(50);
    }

    private record Browser(String stdout, String stderr) {
    }

    private static Browser browse(Path page, String what) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0", // offline
                "--window-size=" + WIDTH + "," + HEIGHT, "--virtual-time-budget=15000", what,
                page.toUri().toString());
        Path out = dir.resolve("browser.out");
        Path err = dir.resolve("browser.err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + ": still running after 120 s");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + stderr).isZero();
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    private static Optional<String> findBrowser() {
        String named = System.getenv("STRATUS_BROWSER");
        if (named != null && !named.isBlank()) {
            return Optional.of(named);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
