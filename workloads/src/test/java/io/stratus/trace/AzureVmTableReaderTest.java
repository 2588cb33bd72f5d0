package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureVmTableReaderTest extends TraceReaderContract<AzureVm> {

    @Override
    TraceFormat format() {
        return TraceFormat.AZURE_VMTABLE;
    }

    @Override
    String fileName() {
        return "vmtable.csv";
    }

    @Override
    String header() {
        return "";
    }

    @Override
    List<String> lines() {
        return List.of(
                "vm1,sub1,dep1,0,2591700,99.369869,3.4240942342446719,10.194309,Delay-insensitive,1,1.75",
                "vm2,sub2,dep2,300,1539300,100,6.18,33.98136,Interactive,8,56");
    }

    @Override
    List<AzureVm> records() {
        return List.of(
                new AzureVm("vm1", "sub1", "dep1", 0, Time.seconds(2591700), 99.369869, 3.4240942342446719,
                        10.194309, "Delay-insensitive", 1, 1.75),
                new AzureVm("vm2", "sub2", "dep2", Time.seconds(300), Time.seconds(1539300), 100, 6.18,
                        33.98136, "Interactive", 8, 56));
    }

    @Override
    List<BadLine> badLines() {
        String backwards = "vm3,s,d,500,400,1,1,1,Interactive,2,4";
        String truncated = "vm3,s,d,500,900,1,1,1,Interactive,2";
        String cores = "vm3,s,d,500,900,1,1,1,Interactive,two,4";
        String negative = "vm3,s,d,-500,900,1,1,1,Interactive,2,4";
        String noMemory = "vm3,s,d,500,900,1,1,1,Interactive,2,0";
        return List.of(
                new BadLine(backwards, column(backwards, ',', 4), "before the creation time 500"),
                new BadLine(truncated, pastEnd(truncated), "expected 11 fields, found 10"),
                new BadLine(cores, column(cores, ',', 9), "field \"core count\" is \"two\": not an integer"),
                new BadLine(negative, column(negative, ',', 3), "must not be negative"),
                new BadLine(noMemory, column(noMemory, ',', 10), "must be positive"));
    }

    @Test
    void openEndedSizeBucketsAreSkippedAndCounted() throws IOException {
        Path file = write(fileName(), lines().get(0) + "\nvm9,s,d,0,600,1,1,1,Unknown,>24,>64\n" + lines().get(1) + "\n");
        try (AzureVmTableReader reader = new AzureVmTableReader(file)) {
            assertThat(reader.next().vmId()).isEqualTo("vm1");
            assertThat(reader.next().vmId()).isEqualTo("vm2");
            assertThat(reader.next()).isNull();
            assertThat(reader.skips()).containsExactly(entry("open-ended size bucket (>N cores or >N GB)", 1L));
        }
    }

    @Test
    void realSampleThirdRowByHand() throws IOException {
        List<AzureVm> vms = readAll(resource("azure/azure2017_v1_vmtable_sample10.csv"));
        assertThat(vms).hasSize(10);
        assertThat(vms.get(2)).isEqualTo(new AzureVm(
                "wR/G1YUjpMP4zUbxGM/XJNhYS8cAK3SGKM2tqhF7VdeTUYHGktQiKQNoDTtYvnAc",
                "VDU4C8cqdr+ORcqquwMRcsBA2l0SC6lCPys0wdghKROuxPYysA2XYii9Y5ZkaYaq",
                "Pc2VLB8aDxK2DCC96itq4vW/zVDp4wioAUiB3HoGSFYQ0o6/ZCegTpb9vEH4LeMT+hzuAPZnYJMu61JNhTDF/Q==",
                Time.seconds(2188800), Time.seconds(2591700), 99.569027, 3.5736346071428589, 7.92425,
                "Delay-insensitive", 1, 1.75));
        assertThat(vms.get(2).lifetime()).isEqualTo(Time.seconds(2591700 - 2188800));
        assertThat(vms.get(2).memoryMib()).isEqualTo(1792.0);
        // the table is not sorted by creation: row 3 is created after row 4
        assertThat(vms.get(3).time()).isLessThan(vms.get(2).time());
    }
}
