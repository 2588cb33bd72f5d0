package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which strategies can be priced from another's run ({@link PurchaseStrategy#priceableFromRunOf}):
 * only those that launch the same instances and read them as the run did, or relabel
 * as-launched on-demand usage uniformly (Dedicated Instances); never across spot, mixed or
 * Dedicated Hosts.
 */
class RepricingRulesTest {

    @Test
    void onlyStrategiesThatCannotChangeTheRunArePricedFromTheOnDemandRun() {
        PurchaseStrategy onDemand = PurchaseStrategy.onDemand();
        for (String name : List.of("on-demand", "reserved-1y", "reserved-3y", "savings-plan-1y", "savings-plan-3y",
                "dedicated-instances")) {
            assertThat(PurchaseStrategy.standard(name).priceableFromRunOf(onDemand)).as(name).isTrue();
        }
        for (String name : List.of("spot", "dedicated-hosts")) {
            assertThat(PurchaseStrategy.standard(name).priceableFromRunOf(onDemand)).as(name).isFalse();
        }
        assertThat(PurchaseStrategy.mixed(2, 50).priceableFromRunOf(onDemand)).isFalse();
        // every strategy prices from its own run; a renamed one too
        assertThat(PurchaseStrategy.spot().priceableFromRunOf(PurchaseStrategy.spot())).isTrue();
        assertThat(PurchaseStrategy.mixed(2, 50).named("x").priceableFromRunOf(PurchaseStrategy.mixed(2, 50))).isTrue();
        // not the other way: a run under Dedicated Instances metered no as-launched usage to relabel
        assertThat(onDemand.priceableFromRunOf(PurchaseStrategy.dedicatedInstances())).isFalse();
        assertThat(PurchaseStrategy.spot().priceableFromRunOf(onDemand)).isFalse();
        assertThat(PurchaseStrategy.mixed(1, 50).priceableFromRunOf(PurchaseStrategy.mixed(2, 50))).isFalse();
    }
}
