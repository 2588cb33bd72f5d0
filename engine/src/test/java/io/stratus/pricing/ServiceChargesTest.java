package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked bills of the charges beyond instances, one per charge, from the bundled us-east-1
 * price table ({@code service-prices-us-east-1.properties}). A GB is 2^30 = 1,073,741,824 bytes; a
 * month is 730 hours; a week is 168 hours, 168 / 730 = 0.230137 of a month.
 */
class ServiceChargesTest {

    private static final ServicePrices P = ServicePrices.bundled();
    private static final long WEEK = 168 * Time.HOUR;
    private static final long MONTH = 730 * Time.HOUR;
    private static final double GB = 1_073_741_824.0;

    @Test
    void albWeekAtFortyRequestsPerSecondIsBilledOnProcessedBytes() {
        // 40 requests/s = 144,000 requests each hour, 1 KB in + 2 KB out, 10 requests per 60 s connection, 1 rule:
        //   new connections 144,000 / 10 / 3,600 = 4/s          -> 4 / 25      = 0.16 LCU
        //   active connections 4/s x 60 s = 240                 -> 240 / 3,000 = 0.08 LCU
        //   processed 144,000 x 3,000 B = 432,000,000 B         -> 0.402331 GB = 0.402331 LCU (the largest)
        //   rule evaluations: 1 rule, the first 10 free         -> 0 LCU
        // LCU-hours 168 x 0.40233135 = 67.591667, x $0.008 = $0.540733; ALB-hours 168 x $0.0225 = $3.78.
        long[] hours = new long[168];
        java.util.Arrays.fill(hours, 144_000);
        double[] d = LoadBalancerCharges.dimensions(P, AlbTraffic.DEFAULT, 144_000);
        assertThat(d[0]).isCloseTo(0.16, within(1e-12));
        assertThat(d[1]).isCloseTo(0.08, within(1e-12));
        assertThat(d[2]).isCloseTo(432e6 / GB, within(1e-12));
        assertThat(d[3]).isZero();
        List<Charge> lines = LoadBalancerCharges.of(P, "web", AlbTraffic.DEFAULT, hours, WEEK);
        assertThat(lines.get(0).quantity()).isEqualTo(168);
        assertThat(lines.get(0).costUsd()).isCloseTo(3.78, within(1e-9));
        assertThat(lines.get(1).quantity()).isCloseTo(67.591667, within(1e-6));
        assertThat(lines.get(1).costUsd()).isCloseTo(0.540733, within(1e-6));
    }

    @Test
    void eachLcuDimensionCanBeTheLargest() {
        // New connections: 360,000 requests of 100 B + 100 B in an hour, one per 1 s connection:
        //   100 new/s -> 4 LCU; active 100 -> 0.0333; 72,000,000 B = 0.0671 GB -> 0.0671; so 4 LCU.
        assertThat(LoadBalancerCharges.lcus(P, new AlbTraffic(100, 100, 1, 1, 1), 360_000))
                .isCloseTo(4.0, within(1e-12));
        // Rule evaluations: 360,000 requests against 30 rules, 20 beyond the free 10:
        //   360,000 x 20 / 3,600 = 2,000/s -> 2 LCU (new connections 10/s -> 0.4; bytes 0 GB).
        assertThat(LoadBalancerCharges.lcus(P, new AlbTraffic(0, 0, 1000, 1, 30), 360_000))
                .isCloseTo(2.0, within(1e-12));
        // Active connections: 36,000 requests, 100 per connection, each open an hour:
        //   0.1 new/s -> 0.004 LCU; 0.1 x 3,600 s = 360 active -> 360 / 3,000 = 0.12 LCU (the largest).
        assertThat(LoadBalancerCharges.lcus(P, new AlbTraffic(0, 0, 100, 3600, 1), 36_000))
                .isCloseTo(0.12, within(1e-12));
    }

    @Test
    void aPartialAlbHourIsAWholeOne() {
        // 90 minutes: 2 ALB-hours = $0.045; no requests, no LCU.
        List<Charge> lines = LoadBalancerCharges.of(P, "web", AlbTraffic.DEFAULT, new long[] {0, 0}, 90 * Time.MINUTE);
        assertThat(lines.get(0).quantity()).isEqualTo(2);
        assertThat(lines.get(0).costUsd()).isCloseTo(0.045, within(1e-12));
        assertThat(lines.get(1).costUsd()).isZero();
    }

    @Test
    void internetEgressAfterTheProratedFreeAllowance() {
        // A week, 50 GB out: free 100 x 168 / 730 = 23.013699 GB; 26.986301 GB x $0.09 = $2.428767.
        List<Charge> week = InternetEgress.of(P, 50 * GB, WEEK);
        assertThat(week).hasSize(2);
        assertThat(week.get(0).quantity()).isCloseTo(23.013699, within(1e-6));
        assertThat(week.get(0).costUsd()).isZero();
        assertThat(Charge.totalUsd(week)).isCloseTo(2.428767, within(1e-6));
        // A month, 12,000 GB: 100 free, 10,240 x $0.09 = $921.60, 1,660 x $0.085 = $141.10; $1,062.70.
        List<Charge> month = InternetEgress.of(P, 12_000 * GB, MONTH);
        assertThat(month).hasSize(3);
        assertThat(month.get(2).quantity()).isCloseTo(1660, within(1e-9));
        assertThat(Charge.totalUsd(month)).isCloseTo(1062.70, within(1e-9));
        // Under the allowance nothing is billed.
        assertThat(Charge.totalUsd(InternetEgress.of(P, 20 * GB, WEEK))).isZero();
    }

    @Test
    void interZoneTransferIsBilledInEachDirection() {
        // 10 GB from zone a to zone b: 10 GB out of a + 10 GB into b = 20 x $0.01 = $0.20.
        Charge c = ServiceCharges.interZone(P, "NAT gateway in another zone", 10 * GB);
        assertThat(c.quantity()).isCloseTo(20, within(1e-12));
        assertThat(c.costUsd()).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void publicIpv4AddressHours() {
        // 2 load balancer nodes + 1 idle Elastic IP for a week: 3 x 168 = 504 address-hours x $0.005 = $2.52.
        Charge c = ServiceCharges.publicIpv4(P, "public IPv4", 3 * 168);
        assertThat(c.costUsd()).isCloseTo(2.52, within(1e-12));
    }

    @Test
    void natGatewayHoursAndBytes() {
        // One gateway for 24.5 h: 25 gateway-hours x $0.045 = $1.125; 100 GB processed x $0.045 = $4.50.
        assertThat(ServiceCharges.natHours(P, 1, 24 * Time.HOUR + 30 * Time.MINUTE).costUsd())
                .isCloseTo(1.125, within(1e-12));
        assertThat(ServiceCharges.natHours(P, 2, 24 * Time.HOUR).costUsd()).isCloseTo(2.16, within(1e-12));
        assertThat(ServiceCharges.natProcessed(P, 100 * GB).costUsd()).isCloseTo(4.50, within(1e-12));
    }

    @Test
    void cloudWatchDetailedMonitoringAndAlarms() {
        // Two instances for a 730-h month: 1,460 instance-hours x 7 metrics / 730 = 14 metric-months
        // x $0.30 = $4.20 (= 2 x $2.10 per instance-month).
        Charge detailed = ServiceCharges.detailedMonitoring(P, "web", 1460);
        assertThat(detailed.quantity()).isCloseTo(14, within(1e-12));
        assertThat(detailed.costUsd()).isCloseTo(4.20, within(1e-12));
        // Three alarms for a week: 3 x 168 / 730 = 0.690411 alarm-months x $0.10 = $0.0690411.
        assertThat(ServiceCharges.alarms(P, 3, WEEK).costUsd()).isCloseTo(0.0690411, within(1e-7));
    }

    @Test
    void sqsRequestsInSixtyFourKilobyteChunksAfterTheFreeMillion() {
        // 3,000,000 messages of 100 KB in a month, each sent, received and deleted: 3 requests x
        // ceil(100,000 / 65,536) = 2 chunks = 6 requests each, 18,000,000; minus 1,000,000 free
        // = 17 million x $0.40 = $6.80.
        assertThat(ServiceCharges.chunks(P, 100_000)).isEqualTo(2);
        assertThat(ServiceCharges.chunks(P, 1)).isEqualTo(1);
        assertThat(ServiceCharges.chunks(P, 65_536)).isEqualTo(1);
        assertThat(ServiceCharges.sqsRequests(P, 18_000_000, MONTH).costUsd()).isCloseTo(6.80, within(1e-9));
        // A week gets 1,000,000 x 168 / 730 = 230,137 free: 500,000 requests cost
        // (500,000 - 230,136.99) / 1e6 x $0.40 = $0.107945.
        assertThat(ServiceCharges.sqsRequests(P, 500_000, WEEK).costUsd()).isCloseTo(0.107945, within(1e-6));
    }

    @Test
    void snsPublishesAfterTheFreeMillion() {
        // 2,500,000 publishes in a month: 1,500,000 beyond the free million x $0.50 per million = $0.75.
        assertThat(ServiceCharges.snsPublishes(P, 2_500_000, MONTH).costUsd()).isCloseTo(0.75, within(1e-9));
        // 13 alarm pages in a week: all free.
        assertThat(ServiceCharges.snsPublishes(P, 13, WEEK).costUsd()).isZero();
    }

    @Test
    void ebsSnapshotStorage() {
        // A 40 GB AMI snapshot kept a week: 40 x 168 / 730 = 9.205479 GB-months x $0.05 = $0.460274.
        Charge c = ServiceCharges.snapshots(P, "web: AMI snapshot", 40, WEEK);
        assertThat(c.quantity()).isCloseTo(9.205479, within(1e-6));
        assertThat(c.costUsd()).isCloseTo(0.460274, within(1e-6));
    }

    @Test
    void hourlyCountsSplitACumulativeCountAtClockHours() {
        // Increments at 10 min, 50 min (hour 0), 70 min (hour 1) and 150 min (hour 2, which ends at 2.5 h).
        Simulation sim = new Simulation(1);
        long[] count = new long[1];
        int kind = sim.registerKind("tick", (s, d) -> count[0] += d);
        sim.schedule(10 * Time.MINUTE, kind, 0, 1);
        sim.schedule(50 * Time.MINUTE, kind, 0, 2);
        sim.schedule(70 * Time.MINUTE, kind, 0, 4);
        sim.schedule(145 * Time.MINUTE, kind, 0, 8);
        HourlyCounts hours = HourlyCounts.attach(sim, "test", () -> count[0]);
        sim.runUntil(150 * Time.MINUTE);
        assertThat(hours.perHour(150 * Time.MINUTE)).containsExactly(3, 4, 8);
        assertThat(hours.perHour(150 * Time.MINUTE)).containsExactly(3, 4, 8);
    }

    @Test
    void chargesAreInTheBillTotalAndItsOnDemandEquivalent() {
        Bill empty = new Bill(new java.util.TreeMap<>(), List.of(), List.of(), 10.0);
        Bill billed = empty.withCharges(List.of(ServiceCharges.publicIpv4(P, "ip", 200)));
        // 200 address-hours x $0.005 = $1.00 on top of nothing hourly; on-demand equivalent 10 + 1.
        assertThat(billed.totalUsd()).isCloseTo(1.0, within(1e-12));
        assertThat(billed.onDemandEquivalentUsd()).isCloseTo(11.0, within(1e-12));
        assertThat(billed.charges()).hasSize(1);
    }
}
