package io.stratus.run;

import java.util.List;

/**
 * What the scenario's VPC did ({@code network:}): each subnet's address use, and each problem
 * found, in words (launches refused, a security group blocking the health checks, a worker role
 * denied its queue). {@link #NONE} without a VPC.
 *
 * @param subnets  per subnet, in file order
 * @param findings the problems, in workload order, each a sentence saying what happened, its
 *                 cost and the fix
 */
public record NetworkResult(List<SubnetUse> subnets, List<String> findings) {

    /** No VPC. */
    public static final NetworkResult NONE = new NetworkResult(List.of(), List.of());

    /**
     * One subnet's addresses.
     *
     * @param name     its name
     * @param cidr     its block
     * @param zone     its zone's name
     * @param usable   addresses instances may take (its size less the 5 AWS reserves)
     * @param peak     the most taken at once
     * @param takenEnd taken at the end of the run
     */
    public record SubnetUse(String name, String cidr, String zone, int usable, int peak, int takenEnd) {
    }

    public NetworkResult {
        subnets = List.copyOf(subnets);
        findings = List.copyOf(findings);
    }

    /** Whether the run had a VPC. */
    public boolean present() {
        return !subnets.isEmpty();
    }
}
