package io.stratus.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --shard auto} against the variables each array-job engine sets, and every refusal. */
class ArrayJobIndexTest {

    @Test
    void readsEachEnginesIndexAndCount() throws SweepException {
        assertThat(ArrayJobIndex.resolve("auto/4", Map.of("JOB_COMPLETION_INDEX", "3"))).isEqualTo(new Shard(3, 4));
        assertThat(ArrayJobIndex.resolve("auto", Map.of("JOB_COMPLETION_INDEX", "1", "STRATUS_SHARD_COUNT", "2")))
                .isEqualTo(new Shard(1, 2));
        // --array=1-4: task ids 1 to 4 are shards 0 to 3
        assertThat(ArrayJobIndex.resolve("auto", Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_STEP", "1"))).isEqualTo(new Shard(3, 4));
        assertThat(ArrayJobIndex.resolve("auto", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "0", "AWS_BATCH_JOB_ARRAY_SIZE",
                "10"))).isEqualTo(new Shard(0, 10));
        assertThat(ArrayJobIndex.resolve(" auto/10 ", Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "9"))).isEqualTo(new Shard(9, 10));
        assertThat(ArrayJobIndex.isAuto("auto")).isTrue();
        assertThat(ArrayJobIndex.isAuto("0/2")).isFalse();
    }

    @Test
    void refusesWhatCannotBeATaskOfOneArray() {
        assertRefused("auto", Map.of(), "no array-job index in the environment (looked for JOB_COMPLETION_INDEX");
        assertRefused("auto/2", Map.of("JOB_COMPLETION_INDEX", "0", "AWS_BATCH_JOB_ARRAY_INDEX", "0"),
                "more than one engine (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX)");
        assertRefused("auto", Map.of("JOB_COMPLETION_INDEX", "0"), "nothing gives the number of tasks; write --shard auto/N");
        assertRefused("auto/3", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "4"),
                "the array job has 4 tasks, not 3");
        assertRefused("auto", Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_STEP",
                "4"), "a step of 4");
        assertRefused("auto/x", Map.of("JOB_COMPLETION_INDEX", "0"), "expected auto or auto/COUNT");
        assertRefused("auto/2", Map.of("JOB_COMPLETION_INDEX", "one"), "JOB_COMPLETION_INDEX='one' is not a whole number");
        assertRefused("auto/2", Map.of("JOB_COMPLETION_INDEX", "2"), "the shard index runs from 0 to 1");
    }

    private static void assertRefused(String text, Map<String, String> env, String message) {
        assertThatThrownBy(() -> ArrayJobIndex.resolve(text, env)).isInstanceOf(SweepException.class)
                .hasMessageContaining(message);
    }
}
