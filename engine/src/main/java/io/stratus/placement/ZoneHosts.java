package io.stratus.placement;

import io.stratus.infra.HostView;
import java.util.Arrays;

/**
 * The hosts of each zone in ascending host order, and each host's position within its zone, for
 * indexes that keep one structure per zone.
 *
 * <p>Hosts are only ever added (never removed), with increasing numbers, so appending keeps each
 * zone's list sorted. {@link #sync} picks up hosts added since the last call.
 */
final class ZoneHosts {

    private int[][] hostsOf;
    private int[] countOf;
    private int[] positionOf = new int[16];
    private int known;

    ZoneHosts(int zones) {
        hostsOf = new int[zones][16];
        countOf = new int[zones];
    }

    /**
     * Adds hosts numbered from {@link #known()} up to {@code view.hostCount() - 1}.
     *
     * @return the number of hosts known before the call
     */
    int sync(HostView view) {
        int before = known;
        int n = view.hostCount();
        if (n > positionOf.length) {
            positionOf = Arrays.copyOf(positionOf, Math.max(n, positionOf.length * 2));
        }
        for (int h = known; h < n; h++) {
            int z = view.zoneOf(h);
            if (countOf[z] == hostsOf[z].length) {
                hostsOf[z] = Arrays.copyOf(hostsOf[z], countOf[z] * 2);
            }
            positionOf[h] = countOf[z];
            hostsOf[z][countOf[z]++] = h;
        }
        known = n;
        return before;
    }

    int known() {
        return known;
    }

    int zones() {
        return countOf.length;
    }

    int count(int zone) {
        return countOf[zone];
    }

    int host(int zone, int position) {
        return hostsOf[zone][position];
    }

    int position(int host) {
        return positionOf[host];
    }

    /** Position in {@code zone} of the first host numbered {@code >= host} (may be count(zone)). */
    int lowerBound(int zone, int host) {
        int lo = 0;
        int hi = countOf[zone];
        int[] a = hostsOf[zone];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < host) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
