package io.stratus.run;

import io.stratus.pricing.CostReport;
import io.stratus.pricing.PricingSession;
import io.stratus.pricing.PurchaseStrategy;
import io.stratus.pricing.UsageLedger;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One finished run's usage, priced on demand under any strategy that could not have changed the
 * run ({@link PurchaseStrategy#priceableFromRunOf}): each price is the one a run of its own gives,
 * without simulating again ({@link PricingSession#reportAs}). The scenario's own Dedicated Hosts and
 * its {@code commitments:} are added to every strategy, as a run adds them.
 */
public final class UsagePricer {

    private final PricingSession session;
    private final PurchaseStrategy simulated;
    private final UnaryOperator<PurchaseStrategy> ofAccount;
    private final long endMicros;
    private final RunResult result;
    private final long requests;

    /** @param ofAccount a strategy as the scenario's account holds it (its Dedicated Hosts and commitments added) */
    UsagePricer(PricingSession session, PurchaseStrategy simulated, UnaryOperator<PurchaseStrategy> ofAccount,
                long endMicros, RunResult result) {
        this.session = Objects.requireNonNull(session, "session");
        this.simulated = Objects.requireNonNull(simulated, "simulated");
        this.ofAccount = Objects.requireNonNull(ofAccount, "ofAccount");
        this.endMicros = endMicros;
        this.result = Objects.requireNonNull(result, "result");
        this.requests = result.services().stream().mapToLong(ServiceResult::completed).sum();
    }

    /** The run's cost under {@code strategy}, as a run under it would report it. */
    public CostReport price(PurchaseStrategy strategy) {
        if (!strategy.priceableFromRunOf(simulated)) {
            throw new IllegalArgumentException(strategy + " cannot be priced from a run under " + simulated);
        }
        return session.reportAs(ofAccount.apply(strategy), endMicros, requests);
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
