package io.stratus.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.compute.InstancesDistribution;
import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

/** Hand-worked cases of the small rules the policies and the group share. */
class PolicyArithmeticTest {

    @Test
    void onDemandBaseThenPercentageAboveItRoundedUp() {
        InstancesDistribution mix = InstancesDistribution.spot(2, 70); // 30 % on-demand above a base of 2
        assertThat(mix.onDemandTarget(0)).isZero();
        assertThat(mix.onDemandTarget(1)).isEqualTo(1);
        assertThat(mix.onDemandTarget(2)).isEqualTo(2);
        assertThat(mix.onDemandTarget(3)).isEqualTo(3);  // 30 % of 1 rounds up
        assertThat(mix.onDemandTarget(12)).isEqualTo(5); // 2 + 30 % of 10
        assertThat(InstancesDistribution.ON_DEMAND.onDemandTarget(7)).isEqualTo(7);
    }

    @Test
    void adjustmentsRoundAsAwsDoes() {
        assertThat(Adjustment.change(3).applyTo(4)).isEqualTo(7);
        assertThat(Adjustment.change(-9).applyTo(4)).isZero();
        assertThat(Adjustment.exact(5).applyTo(40)).isEqualTo(5);
        assertThat(Adjustment.percent(10, 0).applyTo(4)).isEqualTo(5);   // 0.4 becomes 1
        assertThat(Adjustment.percent(-10, 0).applyTo(4)).isEqualTo(3);  // -0.4 becomes -1
        assertThat(Adjustment.percent(25, 0).applyTo(10)).isEqualTo(12); // 2.5 truncates to 2
        assertThat(Adjustment.percent(25, 4).applyTo(10)).isEqualTo(14); // at least 4
    }

    @Test
    void schedulesFindTheNextTime() {
        Schedule daily = Schedule.daily(9 * Time.HOUR);
        assertThat(daily.nextAtOrAfter(0)).isEqualTo(9 * Time.HOUR);
        assertThat(daily.nextAtOrAfter(9 * Time.HOUR)).isEqualTo(9 * Time.HOUR);
        assertThat(daily.nextAtOrAfter(9 * Time.HOUR + 1)).isEqualTo(Time.DAY + 9 * Time.HOUR);
        Schedule once = Schedule.at(5 * Time.HOUR, 2 * Time.HOUR);
        assertThat(once.nextAtOrAfter(0)).isEqualTo(2 * Time.HOUR);
        assertThat(once.nextAtOrAfter(3 * Time.HOUR)).isEqualTo(5 * Time.HOUR);
        assertThat(once.nextAtOrAfter(6 * Time.HOUR)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void policyNamesAreCheckedAgainstTheRegistry() {
        assertThat(ScalingPolicies.check("target-tracking")).isEqualTo("target-tracking");
        assertThatThrownBy(() -> ScalingPolicies.check("reactive"))
                .hasMessageContaining("target-tracking, step, simple, scheduled, predictive");
    }

    @Test
    void groupSettingsRefuseInconsistentCapacities() {
        assertThatThrownBy(() -> GroupSettings.of(3, 2, 5, java.util.List.of(0)))
                .hasMessageContaining("min <= desired <= max");
    }
}
