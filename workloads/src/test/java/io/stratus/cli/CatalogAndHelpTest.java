package io.stratus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code catalog}'s formats, sorts and units; the version; the one-line command summaries. */
class CatalogAndHelpTest {

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }

    @Test
    void csvSortedByPriceWithUnitsInTheHeader() {
        StratusCliTest.Result r = StratusCliTest.execute("catalog", "--family", "m5", "--format", "csv", "--sort", "price");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = lines(r.out());
        assertThat(rows.get(0)).isEqualTo("type,family,category,vcpus,memory_gib,usd_per_hour");
        // the real us-east-1 prices: m5.large $0.096, m5.xlarge $0.192
        assertThat(rows).contains("m5.large,m5,general purpose,2,8,0.096", "m5.xlarge,m5,general purpose,4,16,0.192");
        List<Double> prices = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            prices.add(Double.parseDouble(row.substring(row.lastIndexOf(',') + 1)));
        }
        assertThat(prices).hasSizeGreaterThan(8).isSorted();
    }

    @Test
    void jsonHasUnitsAndTheTablesTypes() throws Exception {
        StratusCliTest.Result json = StratusCliTest.execute("catalog", "--min-memory", "16GiB", "--family", "c7g",
                "--format", "json", "--sort", "memory");
        StratusCliTest.Result table = StratusCliTest.execute("catalog", "--min-memory", "16", "--family", "c7g");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.at("/units/memory").asText()).isEqualTo("GiB");
        assertThat(root.at("/units/price").asText()).isEqualTo("USD per hour");
        List<Double> memory = new ArrayList<>();
        root.get("types").forEach(t -> memory.add(t.get("memory").asDouble()));
        assertThat(memory).isSorted().allMatch(m -> m >= 16);
        assertThat(table.out()).contains(memory.size() + " types (us-east-1");
        assertThat(memory.get(0)).isEqualTo(16.0); // c7g.2xlarge
    }

    @Test
    void sortsByVcpuThenPriceThenName() {
        List<String> rows = lines(StratusCliTest.execute("catalog", "--family", "t3", "--format", "csv",
                "--sort", "vcpu").out());
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.split(",")[0])
                .startsWith("t3.nano", "t3.micro", "t3.small", "t3.medium");
    }

    @Test
    void badSizesAndFormatsExitTwo() {
        StratusCliTest.Result size = StratusCliTest.execute("catalog", "--min-memory", "lots");
        assertThat(size.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(size.err()).contains("--min-memory: 'lots' is not a size");
        StratusCliTest.Result format = StratusCliTest.execute("catalog", "--format", "xml");
        assertThat(format.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(format.err()).contains("table, csv, json");
    }

    /** The version is the Maven project's, as the parent POM states it. */
    @Test
    void versionIsTheProjectVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>stratus-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(m.find()).isTrue();
        StratusCliTest.Result r = StratusCliTest.execute("--version");
        assertThat(r.exit()).isZero();
        assertThat(lines(r.out()).get(0)).isEqualTo("stratus " + m.group(1));
    }

    /** Each command's summary in the root help is one whole sentence on one line. */
    @Test
    void commandSummariesAreOneSentenceOnOneLine() {
        String help = StratusCliTest.execute("--help").out();
        List<String> commands = lines(help.substring(help.indexOf("Commands:") + "Commands:".length()).strip());
        assertThat(commands).hasSizeGreaterThanOrEqualTo(10);
        for (String line : commands) {
            assertThat(line).as("one line per command, not wrapped").matches("\\s{0,4}[a-z-]+\\s+\\S.*");
            assertThat(line.strip()).as(line).endsWith(".");
        }
    }
}
