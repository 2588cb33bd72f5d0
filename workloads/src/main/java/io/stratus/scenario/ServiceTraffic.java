package io.stratus.scenario;

import io.stratus.pricing.AlbTraffic;
import java.util.Objects;

/**
 * What a service's traffic and instances are billed for beyond instance time: its load
 * balancer's requests ({@link AlbTraffic}: sizes, connection reuse, rules), the public IPv4
 * address of each instance, the bytes each request sends out of the region and the way they
 * take, CloudWatch detailed monitoring, and the EBS snapshots it keeps.
 *
 * @param alb                   the requests as the load balancer sees them
 * @param publicIp              whether each instance has a public IPv4 address (a default VPC's subnets give one)
 * @param outboundBytes         bytes each request sends from its instance to the internet (a call to a
 *                              third party), beyond the response that the load balancer returns
 * @param outboundViaNat        whether that traffic goes through the region's NAT gateways (else the
 *                              instance's public address)
 * @param detailedMonitoring    whether the instances have CloudWatch detailed (1-minute) monitoring
 * @param snapshotBytes         EBS snapshot storage the service keeps for the whole run (its AMI's, its backups)
 */
public record ServiceTraffic(AlbTraffic alb, boolean publicIp, double outboundBytes, boolean outboundViaNat,
                             boolean detailedMonitoring, double snapshotBytes) {

    /** The format's defaults: default ALB traffic, a public address each, nothing else. */
    public static final ServiceTraffic DEFAULT = new ServiceTraffic(AlbTraffic.DEFAULT, true, 0, false, false, 0);

    public ServiceTraffic {
        Objects.requireNonNull(alb, "alb");
        if (!(outboundBytes >= 0) || !(snapshotBytes >= 0)) {
            throw new IllegalArgumentException("sizes must be non-negative");
        }
    }
}
