package io.stratus.run;

import io.stratus.pricing.Commitments;
import io.stratus.pricing.CostReport;
import io.stratus.pricing.HostAllocation;
import io.stratus.pricing.PricingSession;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.UsageLedger;
import java.util.List;
import java.util.Objects;

/**
 * One finished run's usage, priced on demand under any strategy that could not have changed the
 * run ({@link PurchaseStrategy#priceableFromRunOf}): each price is the one a run of its own gives,
 * without simulating again ({@link PricingSession#reportAs}). The scenario's own Dedicated Hosts and
 * the commitments it holds ({@code commitments:}) are added to every strategy, as a run adds them.
 */
public final class UsagePricer {

    private final PricingSession session;
    private final PurchaseStrategy simulated;
    private final List<HostAllocation> hosts;
    private final Commitments held;
    private final long endMicros;
    private final RunResult result;
    private final long requests;

    UsagePricer(PricingSession session, PurchaseStrategy simulated, List<HostAllocation> hosts, Commitments held,
                long endMicros, RunResult result) {
        this.session = Objects.requireNonNull(session, "session");
        this.simulated = Objects.requireNonNull(simulated, "simulated");
        this.hosts = List.copyOf(hosts);
        this.held = Objects.requireNonNull(held, "held");
        this.endMicros = endMicros;
        this.result = Objects.requireNonNull(result, "result");
        this.requests = result.services().stream().mapToLong(ServiceResult::completed).sum();
    }

    /** The run's cost under {@code strategy}, as a run under it would report it. */
    public CostReport price(PurchaseStrategy strategy) {
        if (!strategy.priceableFromRunOf(simulated)) {
            throw new IllegalArgumentException(strategy + " cannot be priced from a run under " + simulated);
        }
        return session.reportAs(strategy.withDedicatedHosts(hosts).withCommitments(held), endMicros, requests);
    }

    /** The run's metered instance usage, closed at the end of the run. */
    public UsageLedger usage() {
        price(simulated); // closes the meter (idempotent)
        return session.meter().ledger();
    }

    /** The run's simulated result. */
    public RunResult result() {
        return result;
    }

    /** The run's length. */
    public long endMicros() {
        return endMicros;
    }
}
