package io.stratus.run;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One workload of a scenario during a run (a service, a batch workload, a queue, a GPU cluster, a
 * consolidation), as the runner sees it: built on the run's shared region, fleet and storage by
 * {@link WorkloadRuns}, then started, asked for its metrics at the end of each period, closed at
 * the end, and asked for its result and its bill. The runner never knows the kind.
 */
interface WorkloadRun {

    /** Starts the workload at time 0 (launches, first arrivals). */
    void start() throws IOException;

    /** Adds the measurements of the period ending {@code now} to {@code rows}; starts the next period. */
    void endPeriod(long now, List<MetricsRow> rows);

    /**
     * Ends the run at {@code end}: last intervals integrated. The runner then closes its
     * {@link #bill}, so a run's own close never has to.
     */
    void close(long end);

    /** Adds the whole-run result to {@code results}, after {@link #close}. */
    void addResult(RunResults results);

    /**
     * Its instances' on-demand bill (instances and their EBS volumes, Dedicated Instances' usage),
     * closed by the runner after {@link #close}; empty for a workload that runs no EC2 instances.
     */
    Optional<WorkloadBill> bill();

    /**
     * Registers with the run's alarms, topics, scaling policies and office hours what they may
     * watch or drive of this workload; nothing by default.
     */
    default void monitoredBy(MonitoringRun monitoring) {
    }

    /**
     * Wires it into the scenario's VPC before it starts (address checks are the fleet's; here the
     * security groups of its balancer's traffic, its workers' role); nothing by default.
     */
    default void networkedBy(NetworkRun network) {
    }

    /**
     * Adds what it is charged for beyond instance time and EBS volumes (load balancer, addresses,
     * data transfer, requests to SQS) to {@code lines}, after {@link #close}; nothing by default.
     */
    default void charges(ChargeLines lines) {
    }
}
