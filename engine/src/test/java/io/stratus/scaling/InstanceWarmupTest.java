package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

/** EC2's warm-up fallback, case by case (Auto Scaling User Guide, default instance warmup). */
class InstanceWarmupTest {

    private static final long NOT_SET = InstanceWarmup.NOT_SET;

    @Test
    void neitherSetFallsBackToTheDefaultCooldown() {
        assertThat(InstanceWarmup.effective(NOT_SET, NOT_SET, GroupSettings.DEFAULT_COOLDOWN))
                .isEqualTo(300 * Time.SECOND);
        assertThat(InstanceWarmup.effective(NOT_SET, NOT_SET, 120 * Time.SECOND)).isEqualTo(120 * Time.SECOND);
    }

    @Test
    void thePolicysEstimateComesBeforeTheCooldown() {
        assertThat(InstanceWarmup.effective(NOT_SET, 90 * Time.SECOND, 300 * Time.SECOND)).isEqualTo(90 * Time.SECOND);
    }

    @Test
    void theGroupsDefaultComesFirstEvenWhenZero() {
        assertThat(InstanceWarmup.effective(0, 90 * Time.SECOND, 300 * Time.SECOND)).isZero();
        assertThat(InstanceWarmup.effective(60 * Time.SECOND, NOT_SET, 300 * Time.SECOND)).isEqualTo(60 * Time.SECOND);
    }

    @Test
    void negativeValuesAreRefused() {
        assertThatThrownBy(() -> InstanceWarmup.effective(-2, NOT_SET, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
