package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.trace.FunctionSelection.Selector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summing the chosen functions of an Azure Functions trace per minute, checked against totals
 * computed independently (awk over the bundled sample, see the comments) and hand-made files.
 */
class InvocationTotalsTest {

    static final Path BUNDLED = Path.of("traces", "azure-functions-2019", "invocations.csv");

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("invocations.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void allFunctionsOfTheBundledSampleSumPerMinute() throws IOException {
        InvocationTotals all = InvocationTotals.read(BUNDLED, FunctionSelection.all());
        // awk -F, 'NR>1{for(i=5;i<=NF;i++){t[i-4]+=$i; s+=$i}} END{print s, t[799]}' invocations.csv
        assertThat(all.minutes()).isEqualTo(1440);
        assertThat(all.functions()).hasSize(10);
        assertThat(all.total()).isEqualTo(13_037_064L);
        assertThat(all.count(798)).isEqualTo(9_736L); // minute 799 of the file, 13:18, the day's busiest
        for (int k = 0; k < all.minutes(); k++) {
            assertThat(all.count(k)).isLessThanOrEqualTo(9_736L);
        }
    }

    @Test
    void functionsAreChosenByHashPrefixOrRow() throws IOException {
        // the HTTP-triggered functions: rows 1, 8 and 9
        InvocationTotals http = InvocationTotals.read(BUNDLED, FunctionSelection.of(List.of(
                Selector.prefix("47658C9C"), Selector.row(8), Selector.prefix("02158978"))));
        assertThat(http.functions()).extracting(InvocationTotals.Function::row).containsExactly(1L, 8L, 9L);
        assertThat(http.functions()).extracting(InvocationTotals.Function::trigger).containsOnly("http");
        assertThat(http.functions()).extracting(InvocationTotals.Function::total)
                .containsExactly(281_962L, 30_527L, 900_998L);
        assertThat(http.total()).isEqualTo(281_962L + 30_527L + 900_998L);
        assertThat(http.count(798)).isEqualTo(1_372L);
    }

    @Test
    void keptRowsAreTheFunctionsOwnCounts() throws IOException {
        Path file = write("HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f1,http,1,0,2\no,a,f2,timer,0,5,1\n"
                + "o,a,g3,queue,7,7,7\n");
        InvocationTotals t = InvocationTotals.read(file, FunctionSelection.of(List.of(Selector.prefix("f"
                + "2"), Selector.row(1))), 5);
        assertThat(t.perMinute()).containsExactly(1, 5, 3);
        assertThat(t.rows()).isDeepEqualTo(new int[][] {{1, 0, 2}, {0, 5, 1}});
        assertThat(t.total(1, 3)).isEqualTo(8);
        assertThatThrownBy(() -> InvocationTotals.read(file, FunctionSelection.all(), 2))
                .hasMessageContaining("more than 2 functions chosen");
        assertThatThrownBy(() -> InvocationTotals.read(file, FunctionSelection.all()).rows())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSelectionThatPicksNothingOrTooMuchIsRefusedWithEveryReason() throws IOException {
        Path file = write("HashOwner,HashApp,HashFunction,Trigger,1,2\no,a,ab1,http,1,0\no,a,ab2,timer,0,5\n");
        assertThatThrownBy(() -> InvocationTotals.read(file, FunctionSelection.of(List.of(
                Selector.prefix("zz"), Selector.row(3), Selector.prefix("ab"), Selector.prefix("ab1"), Selector.row(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no function whose HashFunction starts with 'zz' among the file's 2 functions")
                .hasMessageContaining("no function on row 3: the file has 2 functions (rows 1 to 2)")
                .hasMessageContaining("'ab' starts the HashFunction of more than one function (rows 1 and 2)")
                .hasMessageContaining("'ab1' and row 1 choose the same function (row 1)");
        Path empty = write("HashOwner,HashApp,HashFunction,Trigger,1,2\n");
        assertThatThrownBy(() -> InvocationTotals.read(empty, FunctionSelection.all()))
                .hasMessageContaining("the file has no functions");
    }

    @Test
    void aRowWithTheWrongNumberOfMinutesIsRefusedWithItsPosition() throws IOException {
        Path file = write("HashOwner,HashApp,HashFunction,Trigger,1,2,3\no,a,f1,http,1,0,2\no,a,f2,timer,0,5\n");
        assertThatThrownBy(() -> InvocationTotals.read(file, FunctionSelection.all()))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining(file + ":3:")
                .hasMessageContaining("expected 7 fields, found 6");
    }

    @Test
    void summingStreamsRowByRow() throws IOException {
        // 3,000 functions of 1,440 minutes (the matrix would be 17 MB of ints; the reader holds one
        // row and the sums); every count is (row + minute) % 7
        StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int k = 1; k <= 1440; k++) {
            header.append(',').append(k);
        }
        Path file = dir.resolve("big.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < 3000; r++) {
                line.setLength(0);
                line.append("o,a,f").append(r).append(",http");
                for (int k = 0; k < 1440; k++) {
                    line.append(',').append((r + k) % 7);
                }
                out.write(line.append('\n').toString());
            }
        }
        InvocationTotals t = InvocationTotals.read(file, FunctionSelection.all());
        long expected = 0;
        long total = 0;
        for (int r = 0; r < 3000; r++) {
            expected += (r + 5) % 7;
            for (int k = 0; k < 1440; k++) {
                total += (r + k) % 7;
            }
        }
        assertThat(t.count(5)).isEqualTo(expected);
        assertThat(t.total()).isEqualTo(total);
    }
}
