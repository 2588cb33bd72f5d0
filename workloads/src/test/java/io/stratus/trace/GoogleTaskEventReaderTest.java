package io.stratus.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.trace.GoogleTaskEvent.Type;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleTaskEventReaderTest extends TraceReaderContract<GoogleTaskEvent> {

    @Override
    TraceFormat format() {
        return TraceFormat.GOOGLE_TASK_EVENTS;
    }

    @Override
    String fileName() {
        return "part-00000-of-00500.csv";
    }

    @Override
    String header() {
        return "#time,missing info,job,task,machine,type,user,class,priority,cpu,memory,disk,different\n";
    }

    @Override
    List<String> lines() {
        return List.of(
                "0,,1,0,0,0,userA,3,9,0.125,0.07446,0.2122,0",
                "10000000,,1,0,5,1,userA,3,9,,,,1",
                "10000000,2,7,3,,4,userB,0,0,0.0625,0.09277,0.247,");
    }

    @Override
    List<GoogleTaskEvent> records() {
        return List.of(
                new GoogleTaskEvent(0, GoogleTaskEvent.NONE, 1, 0, 0, Type.SUBMIT, "userA", 3, 9,
                        0.125, 0.07446, 0.2122, false),
                new GoogleTaskEvent(10_000_000, GoogleTaskEvent.NONE, 1, 0, 5, Type.SCHEDULE, "userA", 3, 9,
                        Double.NaN, Double.NaN, Double.NaN, true),
                new GoogleTaskEvent(10_000_000, 2, 7, 3, GoogleTaskEvent.NONE, Type.FINISH, "userB", 0, 0,
                        0.0625, 0.09277, 0.247, false));
    }

    @Override
    List<BadLine> badLines() {
        String type = "5,,1,0,0,9,userA,3,9,0.1,0.1,0.1,0";
        String noUser = "5,,1,0,0,0,,3,9,0.1,0.1,0.1,0";
        String flag = "5,,1,0,0,0,userA,3,9,0.1,0.1,0.1,2";
        String shortLine = "5,,1,0,0,0,userA,3,9,0.1,0.1,0.1";
        return List.of(
                new BadLine(type, column(type, ',', 5), "must be 0 (SUBMIT) to 8 (UPDATE_RUNNING)"),
                new BadLine(noUser, column(noUser, ',', 6), "must not be empty"),
                new BadLine(flag, column(flag, ',', 12), "must be 0 or 1"),
                new BadLine(shortLine, pastEnd(shortLine), "expected 13 fields, found 12"));
    }

    @Test
    void timesMustNotGoBack() throws IOException {
        Path file = write(fileName(), "20,,1,0,0,0,userA,3,9,0.1,0.1,0.1,0\n10,,1,0,0,0,userA,3,9,0.1,0.1,0.1,0\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(file))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(1);
                });
    }
}
