package io.stratus.infra;

/**
 * How an instance shares hardware with other accounts (EC2 tenancy).
 *
 * <ul>
 *   <li>{@link #DEFAULT}: shared, multi-tenant hardware.</li>
 *   <li>{@link #DEDICATED}: a Dedicated Instance runs on hardware that no other account's
 *       instance uses while it runs; it may share with the same account's other instances.</li>
 *   <li>{@link #HOST}: a Dedicated Host, a whole physical server allocated to one account, on
 *       which that account places its instances.</li>
 * </ul>
 */
public enum Tenancy {
    DEFAULT("default"),
    DEDICATED("dedicated"),
    HOST("host");

    private final String apiName;

    Tenancy(String apiName) {
        this.apiName = apiName;
    }

    /** The name the EC2 API and scenario files use. */
    public String apiName() {
        return apiName;
    }
}
