package io.stratus.report;

import io.stratus.pricing.Bill;
import io.stratus.pricing.CostReport;
import io.stratus.run.RunResult;
import io.stratus.run.ServiceResult;
import java.util.List;
import java.util.Objects;

/**
 * One purchase strategy's line in a comparison: its cost report and what the service did under
 * it (spot interruptions change the service, so spot and mixed strategies have their own run;
 * strategies that cannot change it share the on-demand run's result).
 *
 * @param cost   the strategy's cost report
 * @param result the run's simulated result
 */
public record CompareRow(CostReport cost, RunResult result) {

    public CompareRow {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(result, "result");
    }

    /** The strategy's name. */
    public String strategy() {
        return cost.strategy();
    }

    /** Requests completed by all services. */
    public long completed() {
        return result.services().stream().mapToLong(ServiceResult::completed).sum();
    }

    /** Requests refused or dropped (lost with an instance), the work lost to the strategy. */
    public long lost() {
        return result.services().stream().mapToLong(s -> s.refused() + s.dropped()).sum();
    }

    /** Instances replaced after an interruption. */
    public long replacements() {
        return result.services().stream().mapToLong(ServiceResult::replacements).sum();
    }

    /** The worst p99 latency over the services, ms (NaN without services). */
    public double worstP99Ms() {
        return result.services().stream().mapToDouble(ServiceResult::p99Ms).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** Whether every service's p99 is within {@code sloMs} (true when there is no objective). */
    public boolean meetsSlo(double sloMs) {
        return sloMs <= 0 || !(worstP99Ms() > sloMs);
    }

    /** Each commitment's break-even utilisation, as "label: 62%". */
    public List<String> breakEvens() {
        return cost.commitments().stream()
                .map((Bill.CommitmentUse c) -> String.format("%s: %.0f%%", c.label(), 100 * c.breakEvenUtilisation()))
                .toList();
    }
}
