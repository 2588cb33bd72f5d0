package io.stratus.network;

import java.util.List;

/**
 * The address accounting of a VPC's subnets: how many of each subnet's usable addresses are
 * taken. Invariant: 0 &lt;= taken &lt;= usable for every subnet; a take that would break it is refused
 * and changes nothing.
 */
public final class SubnetAddresses {

    private final List<Subnet> subnets;
    private final int[] usable;
    private final int[] taken;
    private final int[] peak;

    /** Accounting for {@code subnets}, all free. */
    public SubnetAddresses(List<Subnet> subnets) {
        this.subnets = List.copyOf(subnets);
        this.usable = new int[this.subnets.size()];
        this.taken = new int[usable.length];
        this.peak = new int[usable.length];
        for (int i = 0; i < usable.length; i++) {
            usable[i] = this.subnets.get(i).usable();
        }
    }

    /** The subnets, in order; indexes below refer to it. */
    public List<Subnet> subnets() {
        return subnets;
    }

    /** Takes {@code n} addresses of subnet {@code s} if that many are free; whether it did. */
    public boolean take(int s, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot take " + n + " addresses");
        }
        if (n > usable[s] - taken[s]) {
            return false;
        }
        taken[s] += n;
        peak[s] = Math.max(peak[s], taken[s]);
        return true;
    }

    /** Gives back {@code n} addresses of subnet {@code s}, taken before. */
    public void release(int s, int n) {
        if (n < 0 || n > taken[s]) {
            throw new IllegalStateException("releasing " + n + " of " + taken[s] + " taken addresses of "
                    + subnets.get(s).name());
        }
        taken[s] -= n;
    }

    /** Free addresses of subnet {@code s}. */
    public int free(int s) {
        return usable[s] - taken[s];
    }

    /** Taken addresses of subnet {@code s}. */
    public int taken(int s) {
        return taken[s];
    }

    /** The most addresses of subnet {@code s} ever taken at once. */
    public int peak(int s) {
        return peak[s];
    }
}
