package io.stratus.pricing;

/**
 * What the requests through an Application Load Balancer look like, for its capacity units:
 * bytes in each request and response (headers included), how many requests a client connection
 * carries, how long a connection stays open, and how many listener rules a request is evaluated
 * against.
 *
 * <p>Assumptions: every request that reaches the balancer gets a response of
 * {@code responseBytes} (a refused one, the balancer's 503); connections open at the rate
 * {@code requests / requestsPerConnection} and each stays open {@code connectionSeconds}, so the
 * active connections are that rate times that time (Little's law).
 *
 * @param requestBytes          bytes of a request, as the balancer processes it
 * @param responseBytes         bytes of a response
 * @param requestsPerConnection requests a client connection carries (keep-alive reuse), at least 1
 * @param connectionSeconds     how long a connection stays open, seconds
 * @param rules                 listener rules evaluated per request (the first 10 are free)
 */
public record AlbTraffic(double requestBytes, double responseBytes, double requestsPerConnection,
                         double connectionSeconds, int rules) {

    /** The scenario format's defaults: 1 KB requests, 2 KB responses, 10 requests per 60 s connection, 1 rule. */
    public static final AlbTraffic DEFAULT = new AlbTraffic(1000, 2000, 10, 60, 1);

    public AlbTraffic {
        if (!(requestBytes >= 0) || !(responseBytes >= 0) || !(requestsPerConnection >= 1)
                || !(connectionSeconds >= 0) || rules < 0) {
            throw new IllegalArgumentException("sizes and rules must be non-negative, requests per connection >= 1");
        }
    }
}
