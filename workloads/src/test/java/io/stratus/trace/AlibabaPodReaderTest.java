package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlibabaPodReaderTest extends TraceReaderContract<AlibabaPod> {

    @Override
    TraceFormat format() {
        return TraceFormat.ALIBABA_GPU_PODS;
    }

    @Override
    String fileName() {
        return "openb_pod_list_default.csv";
    }

    @Override
    String header() {
        return "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n";
    }

    @Override
    List<String> lines() {
        return List.of(
                "openb-pod-0000,12000,16384,1,1000,,LS,Running,0,12537496,0",
                "openb-pod-0061,11908,47104,1,1000,V100M16|V100M32,BE,Pending,10001278,10001403,");
    }

    @Override
    List<AlibabaPod> records() {
        return List.of(
                new AlibabaPod("openb-pod-0000", 12000, 16384, 1, 1000, "", "LS", "Running", 0,
                        Time.seconds(12537496), 0),
                new AlibabaPod("openb-pod-0061", 11908, 47104, 1, 1000, "V100M16|V100M32", "BE", "Pending",
                        Time.seconds(10001278), Time.seconds(10001403), AlibabaPod.NOT_SCHEDULED));
    }

    @Override
    List<BadLine> badLines() {
        String deletedFirst = "openb-pod-0002,6000,12288,1,460,,LS,Running,20,10,";
        String scheduledLate = "openb-pod-0002,6000,12288,1,460,,LS,Running,20,30,31";
        String share = "openb-pod-0002,6000,12288,1,1460,,LS,Running,20,30,20";
        String shortLine = "openb-pod-0002,6000,12288,1,460,,LS,Running,20,30";
        return List.of(
                new BadLine(deletedFirst, column(deletedFirst, ',', 9), "before the creation time 20"),
                new BadLine(scheduledLate, column(scheduledLate, ',', 10), "between creation and deletion"),
                new BadLine(share, column(share, ',', 4), "at most 1000"),
                new BadLine(shortLine, pastEnd(shortLine), "expected 11 fields, found 10"));
    }

    @Test
    void creationTimesMustNotGoBack() throws IOException {
        Path file = write(fileName(), header() + lines().get(1) + "\n" + lines().get(0) + "\n");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(column(lines().get(0), ',', 8));
                });
    }

    @Test
    void realExcerptByHand() throws IOException {
        List<AlibabaPod> pods = readAll(resource("alibaba/alibaba_gpu2023_openb_pod_list_excerpt.csv"));
        assertThat(pods).hasSize(20);
        // line 21: "openb-pod-0019,8000,30517,1,470,,LS,Running,9664050,12902960,9664050"
        AlibabaPod pod = pods.get(19);
        assertThat(pod).isEqualTo(new AlibabaPod("openb-pod-0019", 8000, 30517, 1, 470, "", "LS", "Running",
                Time.seconds(9664050), Time.seconds(12902960), Time.seconds(9664050)));
        assertThat(pod.vcpus()).isEqualTo(8.0);
        assertThat(pod.memoryMib()).isEqualTo(30517.0);
        assertThat(pod.lifetime()).isEqualTo(Time.seconds(12902960 - 9664050));
        assertThat(pod.wasScheduled()).isTrue();
    }
}
