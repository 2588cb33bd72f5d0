package io.stratus.hypervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.sim.Time;
import org.junit.jupiter.api.Test;

class BurstCreditsTest {

    @Test
    void exhaustionIsTheBalanceOverTheNetSpendRoundedUp() {
        // earns 0.5 per microsecond, holds 100; spending 2.5 drains 2 per microsecond: 50 us
        BurstCredits credits = new BurstCredits(0.5, 100, 100, CpuCreditMode.STANDARD, Time.SECOND, 0);
        assertThat(credits.exhaustionTime(2.5)).isEqualTo(Time.SECOND + 50);
        assertThat(credits.exhaustionTime(2.0)).isEqualTo(Time.SECOND + 67); // 66.67 rounded up
        assertThat(credits.exhaustionTime(0.5)).isEqualTo(Long.MAX_VALUE); // spends what it earns
    }

    @Test
    void aDrainTooSlowForALongMeansNeverRatherThanAWrappedTime() {
        BurstCredits credits = new BurstCredits(0.5, 1e18, 1e18, CpuCreditMode.STANDARD, Time.DAY, 0);
        // a net drain of 1e-6 per microsecond takes 1e24 us: past the end of time
        assertThat(credits.exhaustionTime(0.5 + 1e-6)).isEqualTo(Long.MAX_VALUE); // was negative
    }
}
