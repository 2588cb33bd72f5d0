package io.stratus.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The chart library inlined into every HTML report: Apache ECharts' {@code echarts.common.min.js}
 * (line, bar and scatter charts; tooltip, legend, data zoom, mark lines; canvas renderer), read
 * from the {@code org.webjars.npm:echarts} webjar on the classpath, whose version the parent POM
 * pins ({@code echarts.version}). The webjar's own {@code pom.properties} names the version, so
 * the resource path follows the POM without a second copy of the number. ECharts is under the
 * Apache License 2.0; its licence header stays at the top of the inlined script.
 */
public final class ChartLibrary {

    private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static volatile String script;

    private ChartLibrary() {
    }

    /** The webjar's ECharts version, for example {@code 5.3.1}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = open(POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM, e);
        }
        return p.getProperty("version");
    }

    /**
     * The library's JavaScript, safe to place inside a {@code <script>} element (checked: it holds
     * no {@code </script} and no {@code <!--}).
     */
    public static String script() {
        String s = script;
        if (s == null) {
            String path = "META-INF/resources/webjars/echarts/" + version() + "/dist/echarts.common.min.js";
            try (InputStream in = open(path)) {
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException(path + " holds </script or <!--: it cannot be inlined as is");
            }
            script = s;
        }
        return s;
    }

    private static InputStream open(String path) {
        InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the classpath: the org.webjars.npm:echarts "
                    + "dependency is missing from this build");
        }
        return in;
    }
}
