package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stratus.compute.InstanceState;
import io.stratus.sim.Time;
import io.stratus.testkit.LifecycleChurn;
import io.stratus.testkit.Rig;
import org.junit.jupiter.api.Test;

/**
 * The usage meter keeps per-instance state for instances not terminated only, and the bill stays
 * exact: a structural check, and the billable time against the per-key totals.
 */
class UsageMeterMemoryTest {

    @Test
    void perInstanceStateStaysBoundedAndTheBillableTimeExactOver200kLifecycles() {
        Rig rig = new Rig(8, 2);
        UsageMeter meter = new UsageMeter();
        rig.fleet.addListener(meter);
        LifecycleChurn churn = new LifecycleChurn(rig);
        int lifecycles = 200_000;
        churn.run(lifecycles, 20, 0);

        UsageLedger ledger = meter.ledger();
        assertThat(ledger.instancesKept()).isLessThanOrEqualTo(churn.peakLive());
        assertThat(meter.termsOf(0)).isNull(); // terminated long ago
        int terminated = rig.fleet.count(InstanceState.TERMINATED);
        // each instance runs 20 s before the 21st launch after it ends its run: 60 s minimum each
        assertThat(ledger.retiredInstanceMicros()).isEqualTo(terminated * Time.seconds(60));
        long now = rig.sim.now();
        meter.close(now);
        long kept = 0;
        for (int id = 0; id < rig.fleet.size(); id++) {
            kept += ledger.instanceMicros(id);
        }
        long byKey = ledger.micros().values().stream().mapToLong(Long::longValue).sum();
        assertThat(ledger.retiredInstanceMicros() + kept).isEqualTo(byKey);
    }
}
