package io.stratus.serverless;

/**
 * An account's Lambda concurrency in a region: a limit (1,000 by default), from which functions
 * reserve their own share; the rest, the unreserved pool, is shared by the functions without a
 * reservation. Mutable; one per run.
 *
 * <p>Simplified: AWS keeps at least 100 unreserved; here reservations may take the whole limit.
 */
public final class LambdaAccount {

    /** The default account concurrency limit per region. */
    public static final int DEFAULT_LIMIT = 1_000;

    private final int limit;
    private int reserved;
    private int unreservedInUse;

    /** An account with a concurrency limit of {@code limit}. */
    public LambdaAccount(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** Reserves {@code n} of the limit for one function. */
    void reserve(int n) {
        if (n > limit - reserved) {
            throw new IllegalArgumentException("reserving " + n + " leaves less than nothing of the account's "
                    + limit + " (already reserved: " + reserved + ")");
        }
        reserved += n;
    }

    /** Takes one unit of the unreserved pool, if there is one left. */
    boolean tryAcquireUnreserved() {
        if (unreservedInUse < limit - reserved) {
            unreservedInUse++;
            return true;
        }
        return false;
    }

    /** Returns one unit to the unreserved pool. */
    void releaseUnreserved() {
        if (unreservedInUse == 0) {
            throw new IllegalStateException("released more than acquired");
        }
        unreservedInUse--;
    }

    /** The account's limit. */
    public int limit() {
        return limit;
    }

    /** The unreserved pool's size. */
    public int unreserved() {
        return limit - reserved;
    }

    /** Units of the unreserved pool in use now. */
    public int unreservedInUse() {
        return unreservedInUse;
    }
}
