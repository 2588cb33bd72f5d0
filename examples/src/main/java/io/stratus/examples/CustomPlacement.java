package io.stratus.examples;

import io.stratus.cloud.Cloud;
import io.stratus.cloud.CloudBuilder;
import io.stratus.infra.HostView;
import io.stratus.placement.PlacementPolicy;
import io.stratus.placement.PlacementRequest;
import io.stratus.sim.Time;
import io.stratus.workload.ConstantRate;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A placement policy of your own: {@link FewestInstances} puts each instance on the host of its
 * zone holding the fewest instances (ties to the lowest number), spreading a fleet for
 * availability where first fit packs it. The engine asks the policy, the policy reads only the
 * read-only {@link HostView} it is given and answers a host number; the fleet applies the decision
 * (tenancy and placement-group rules still apply). The program places twelve m5.large on four m5
 * hosts per zone with each policy and prints how many hosts each used.
 *
 * <p>A linear scan: fine for a few thousand hosts; the bundled policies search an index instead.
 */
public final class CustomPlacement {

    private CustomPlacement() {
    }

    /** The fewest-instances policy. */
    public static final class FewestInstances implements PlacementPolicy {

        @Override
        public String name() {
            return "fewest-instances";
        }

        @Override
        public int choose(PlacementRequest request, HostView hosts) {
            int best = NO_HOST;
            for (int h = 0; h < hosts.hostCount(); h++) {
                if (request.allowsZone(hosts.zoneOf(h)) && hosts.fits(h, request.threads(), request.memoryMib())
                        && (best == NO_HOST || hosts.instanceCount(h) < hosts.instanceCount(best))) {
                    best = h;
                }
            }
            return best;
        }
    }

    public static void main(String[] args) {
        run(System.out);
    }

    /** Hosts used by twelve instances under first fit, then under the custom policy. */
    public static int[] run(PrintStream out) {
        Cloud packed = twelve().placement("first-fit").build().run(Time.MINUTE);
        Cloud spread = twelve().placement("fewest-instances", context -> new FewestInstances()).build()
                .run(Time.MINUTE);
        int[] used = {hostsUsed(packed), hostsUsed(spread)};
        out.printf(Locale.ROOT, "12 m5.large on 8 m5 hosts: first-fit uses %d hosts, fewest-instances %d%n",
                used[0], used[1]);
        return used;
    }

    private static CloudBuilder twelve() {
        return Cloud.builder().seed(1).zones("us-east-1a", "us-east-1b").hosts("m5", 4)
                .service("web", s -> s.instanceType("m5.large").instances(12)
                        .poisson(new ConstantRate(1)).exponentialWork(Time.MILLISECOND));
    }

    private static int hostsUsed(Cloud cloud) {
        int used = 0;
        for (int h = 0; h < cloud.hosts().hostCount(); h++) {
            used += cloud.hosts().instanceCount(h) > 0 ? 1 : 0;
        }
        return used;
    }
}
