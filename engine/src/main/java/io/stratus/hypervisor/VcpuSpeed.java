package io.stratus.hypervisor;

/**
 * How fast an instance's vCPUs do work, relative to the reference vCPU, and how that speed falls
 * as more of them are busy at once (simultaneous multithreading, and all-core effects).
 *
 * <p>Work is measured in <em>reference-vCPU microseconds</em>: the time the work takes on one
 * otherwise idle vCPU of the reference type (the catalogue names it: m5.large, a hyperthread of a
 * Xeon Platinum 8259CL). A lone busy vCPU of this instance does {@code speed} reference
 * microseconds of work per microsecond.
 *
 * <p>Model, for an instance of {@code c} vCPUs of which {@code b} are busy:
 * <ul>
 *   <li>{@code threadsPerCore = 2} (a vCPU is one hyperthread: Intel, AMD before EPYC 4th gen):
 *       the instance has {@code k = ceil(c / 2)} cores and the guest spreads busy vCPUs over idle
 *       cores first, so {@code p = max(0, b - k)} cores have both siblings busy. A vCPU alone on
 *       its core runs at {@code speed}; each sibling of a fully busy core at
 *       {@code speed * allBusyFraction}. Work rate: {@code speed * ((b - 2p) + 2p * allBusyFraction)}.</li>
 *   <li>{@code threadsPerCore = 1} (a vCPU is a core: Graviton, AMD EPYC 4th gen and later): no
 *       sibling; the all-busy fraction (shared caches, memory bandwidth, clocks) is reached when
 *       every vCPU is busy and grows linearly with the busy vCPUs:
 *       {@code speed * b * (1 + (allBusyFraction - 1) * (b - 1) / (c - 1))}.</li>
 * </ul>
 * With every vCPU busy both give {@code speed * c * allBusyFraction}: what an all-vCPU CoreMark
 * run measures, as a lone busy vCPU gives what a single-thread run measures.
 *
 * <p>Assumptions: an instance's cores are its own (EC2 never puts two instances' vCPUs on the
 * siblings of one core), so siblings contend only within an instance; the guest scheduler always
 * spreads over idle cores first; every busy vCPU of an instance progresses at the instance's mean
 * rate (processor sharing does not track which job sits on which sibling).
 *
 * @param speed           single-thread speed relative to the reference vCPU (&gt; 0)
 * @param threadsPerCore  vCPUs per physical core: 1 or 2
 * @param allBusyFraction the speed of each vCPU when all are busy, as a fraction of {@code speed}
 *                        (&gt; 0; about 0.66 on Intel, 0.73 on older AMD, about 1 where a vCPU is a core)
 */
public record VcpuSpeed(double speed, int threadsPerCore, double allBusyFraction) {

    /** The reference vCPU: every vCPU the same, unaffected by its siblings. */
    public static final VcpuSpeed REFERENCE = new VcpuSpeed(1.0, 1, 1.0);

    public VcpuSpeed {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive and finite, got " + speed);
        }
        if (threadsPerCore != 1 && threadsPerCore != 2) {
            throw new IllegalArgumentException("threads per core must be 1 or 2, got " + threadsPerCore);
        }
        if (!(allBusyFraction > 0 && allBusyFraction <= 2)) {
            throw new IllegalArgumentException("all-busy fraction must be in (0, 2], got " + allBusyFraction);
        }
    }

    /**
     * Reference-vCPU microseconds of work per microsecond done by an instance of {@code vcpus}
     * vCPUs with {@code busy} of them busy (0 &lt;= busy &lt;= vcpus). For the reference vCPU it
     * is exactly {@code busy}.
     */
    public double workRate(int busy, int vcpus) {
        if (busy <= 1 || allBusyFraction == 1.0) {
            return speed * busy;
        }
        if (threadsPerCore == 2) {
            int cores = (vcpus + 1) / 2;
            int pairs = Math.max(0, busy - cores);
            return speed * ((busy - 2 * pairs) + 2 * pairs * allBusyFraction);
        }
        return speed * busy * (1 + (allBusyFraction - 1) * (busy - 1) / (vcpus - 1));
    }
}
