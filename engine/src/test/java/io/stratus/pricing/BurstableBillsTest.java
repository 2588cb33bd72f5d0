package io.stratus.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stratus.compute.Ami;
import io.stratus.compute.BurstableCpu;
import io.stratus.compute.Fleet;
import io.stratus.compute.InstanceCatalog;
import io.stratus.compute.InstanceType;
import io.stratus.compute.LaunchSpec;
import io.stratus.compute.RootDevice;
import io.stratus.hypervisor.CpuCreditMode;
import io.stratus.hypervisor.CpuSharing;
import io.stratus.infra.HostSpec;
import io.stratus.infra.HostTable;
import io.stratus.infra.Zone;
import io.stratus.sim.Simulation;
import io.stratus.sim.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bills of burstable instances and of user-data time, worked by hand from the real price table:
 * t3.micro $0.0104/h (2 vCPUs, baseline 10% per vCPU), t2.micro $0.0116/h (1 vCPU, 10%),
 * m5.large $0.096/h (ec2-catalog-us-east-1.csv), surplus credits $0.05 per vCPU-hour
 * (prices-us-east-1.properties). Every expected number is computed from those inputs in the test,
 * with the arithmetic in a comment.
 *
 * <p>A busy vCPU is one job far longer than the run on an instance alone on a large host, so the
 * instance uses exactly as many vCPUs as it has jobs.
 */
class BurstableBillsTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.bundled();
    private static final InstanceType T3_MICRO = CATALOG.get("t3.micro");
    private static final InstanceType T2_MICRO = CATALOG.get("t2.micro");
    private static final InstanceType M5_LARGE = CATALOG.get("m5.large");
    private static final double EPS = 1e-6;

    private final PriceBook prices = PriceBook.bundled();
    private final double surplusRate = prices.surplusCreditUsdPerVcpuHour();
    private final Simulation sim = new Simulation(3);
    private final HostTable hosts = new HostTable(List.of(new Zone(0, "us-east-1a")));
    private final CpuSharing cpus = new CpuSharing(sim, (id, arrival, now) -> { });
    private final Fleet fleet;
    private final PricingSession pricing;

    BurstableBillsTest() {
        hosts.addHosts(new HostSpec("big-host", "m5", 96, 384 * 1024), 0, 1);
        fleet = new Fleet(sim, hosts, "first-fit", cpus);
        pricing = PricingSession.attach(sim, fleet, PurchaseStrategy.onDemand());
    }

    /** Launches an instance that runs from time 0, with {@code busyVcpus} jobs each of {@code busyFor} of work. */
    private int launchBusy(LaunchSpec spec, int busyVcpus, long busyFor) {
        int id = fleet.launch(spec);
        sim.runUntil(0);
        for (int j = 0; j < busyVcpus; j++) {
            cpus.submit(id, busyFor);
        }
        return id;
    }

    private CostReport bill(long end) {
        sim.runUntil(end);
        return pricing.report(end, 0);
    }

    private static double baselineVcpus(InstanceType type) {
        return BurstableCpu.baselinePerVcpu(type) * type.vcpus();
    }

    @Test
    void t3MicroAtEightyPercentForADayCostsAboutTwoDollars() {
        // The check. A t3.micro (unlimited by default) uses 80% of its 2 vCPUs on average
        // over 24 h: both busy for 19.2 h, then idle. Used 2 x 19.2 = 38.4 vCPU-h; earned
        // 0.1 x 2 x 24 = 4.8 vCPU-h; surplus 33.6 vCPU-h x $0.05 = $1.68 (2,016 credits; 288
        // of them, 24 h of earnings, may stay outstanding; the rest is charged beyond that limit,
        // the outstanding part at the end), plus 24 h x $0.0104 = $0.2496: $1.9296.
        long busy = (long) (0.8 * Time.DAY);
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0), 2, busy);
        CostReport r = bill(Time.DAY);
        double used = 2 * busy / (double) Time.HOUR;
        double earned = baselineVcpus(T3_MICRO) * 24;
        double surplusUsd = (used - earned) * surplusRate;
        double onDemand = 24 * T3_MICRO.onDemandUsdPerHour();
        assertThat(surplusUsd).isCloseTo(1.68, within(EPS));
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isCloseTo(surplusUsd, within(EPS));
        assertThat(r.usd(CostCategory.ON_DEMAND)).isCloseTo(onDemand, within(EPS));
        assertThat(r.totalUsd()).isCloseTo(1.9296, within(EPS));
    }

    @Test
    void surplusBeyondTwentyFourHoursOfEarningsIsChargedAndNeverPaidBack() {
        // Same burst (2 vCPUs for 19.2 h) then idle for 48 h. Surplus rises 1.8 vCPU-h per hour
        // to 34.56 vCPU-h; only 24 h of earnings (0.2 x 24 = 4.8) may stay outstanding, so 29.76
        // is charged as it passes that limit. The 4.8 left is paid back by 24 h of idle earnings.
        // Charged 29.76 vCPU-h x $0.05 = $1.488. (Without the limit the 48 h idle would pay back
        // 9.6 and only 24.96 would be billed.)
        long busy = (long) (0.8 * Time.DAY);
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0), 2, busy);
        long end = busy + 48 * Time.HOUR;
        CostReport r = bill(end);
        double limit = baselineVcpus(T3_MICRO) * 24;
        double charged = (2 - baselineVcpus(T3_MICRO)) * busy / (double) Time.HOUR - limit;
        assertThat(charged).isCloseTo(29.76, within(EPS));
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isCloseTo(charged * surplusRate, within(EPS));
        assertThat(r.usd(CostCategory.ON_DEMAND)).isCloseTo(end * T3_MICRO.onDemandUsdPerHour() / Time.HOUR,
                within(EPS));
    }

    @Test
    void averageAtTheBaselineOverADayIsNotCharged() {
        // 2 vCPUs busy for 2.4 h, then idle to 24 h: used 4.8 vCPU-h = earned 0.2 x 24; the surplus
        // peaks at 1.8 x 2.4 = 4.32 vCPU-h (under the 4.8 limit) and is all paid back: $0.
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0), 2, (long) (2.4 * Time.HOUR));
        CostReport r = bill(Time.DAY);
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isZero();
        assertThat(r.totalUsd()).isCloseTo(24 * T3_MICRO.onDemandUsdPerHour(), within(EPS));
    }

    @Test
    void outstandingSurplusIsChargedWhenTheInstanceTerminates() {
        // 2 vCPUs busy for 1 h, then terminated (shutdown instant): surplus 2 - 0.2 = 1.8 vCPU-h,
        // under the limit, outstanding at termination and charged then, in hour 0: $0.09; on
        // demand 1 h x $0.0104 (the 1 h run after termination adds nothing).
        int id = launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0), 2, Time.DAY);
        sim.runUntil(Time.HOUR);
        fleet.terminate(id);
        CostReport r = bill(2 * Time.HOUR);
        double surplus = (2 - baselineVcpus(T3_MICRO)) * 1;
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isCloseTo(surplus * surplusRate, within(EPS));
        assertThat(r.bill().costs().get(new Bill.Line(0, 0, CostCategory.CPU_CREDITS)))
                .isCloseTo(0.09, within(EPS));
        assertThat(r.usd(CostCategory.ON_DEMAND)).isCloseTo(T3_MICRO.onDemandUsdPerHour(), within(EPS));
    }

    @Test
    void t2IsStandardByDefaultAndIsThrottledNotCharged() {
        // t2.micro launches standard with 30 launch credits: a busy vCPU for a day is throttled to
        // its 10% baseline once the credits are spent. No surplus, only 24 h x $0.0116.
        launchBusy(new LaunchSpec(T2_MICRO, 0, 0, 0), 1, Time.DAY);
        CostReport r = bill(Time.DAY);
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isZero();
        assertThat(r.totalUsd()).isCloseTo(24 * T2_MICRO.onDemandUsdPerHour(), within(EPS));
        // used = 30 credits (0.5 vCPU-h) before throttling, plus the 10% baseline for the day
        assertThat(cpus.busyVcpuMicros(0) / (double) Time.HOUR).isCloseTo(0.5 + 2.4, within(1e-3));
    }

    @Test
    void t2InUnlimitedModeChargesItsSurplus() {
        // t2.micro set unlimited (no launch credits in that mode): 1 vCPU busy for a day, earned
        // 0.1 x 24 = 2.4 vCPU-h, surplus 21.6 vCPU-h x $0.05 = $1.08 plus 24 x $0.0116.
        launchBusy(new LaunchSpec(T2_MICRO, 0, 0, 0).withCreditMode(CpuCreditMode.UNLIMITED), 1, Time.DAY);
        CostReport r = bill(Time.DAY);
        double surplus = 24 - baselineVcpus(T2_MICRO) * 24;
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isCloseTo(surplus * surplusRate, within(EPS));
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isCloseTo(1.08, within(EPS));
        assertThat(r.totalUsd()).isCloseTo(1.08 + 24 * T2_MICRO.onDemandUsdPerHour(), within(EPS));
    }

    @Test
    void t3InStandardModeIsNeverCharged() {
        // a t3.micro set standard has no launch credits: throttled at once to 0.2 vCPU, nothing charged
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0).withCreditMode(CpuCreditMode.STANDARD), 2, Time.DAY);
        CostReport r = bill(Time.DAY);
        assertThat(r.usd(CostCategory.CPU_CREDITS)).isZero();
        assertThat(r.totalUsd()).isCloseTo(24 * T3_MICRO.onDemandUsdPerHour(), within(EPS));
    }

    @Test
    void userDataTimeIsBilledBecauseEc2BillsFromRunning() {
        // m5.large, AMI boot 40 s then 20 s of user data: the simulator's instance serves (enters
        // running) at 60 s, but EC2 put it in running at 40 s, before the user data ran. Over a run
        // of 1 h: billed 3600 - 40 = 3560 s x $0.096 / 3600 = $0.094933.
        Ami ami = new Ami("ami-web", RootDevice.EBS, 40 * Time.SECOND, 20 * Time.SECOND, Ami.DEFAULT_ROOT_GIB);
        int id = fleet.launch(new LaunchSpec(M5_LARGE, 0, 0, 0).withAmi(ami));
        sim.runUntil(60 * Time.SECOND - 1);
        assertThat(fleet.instance(id).state().apiName()).isEqualTo("pending");
        CostReport r = bill(Time.HOUR);
        assertThat(pricing.meter().ledger().instanceMicros(id)).isEqualTo(3560 * Time.SECOND);
        assertThat(r.totalUsd()).isCloseTo(3560 * M5_LARGE.onDemandUsdPerHour() / 3600, within(1e-12));
    }

    @Test
    void onDemandBillingOfRunChargesTheSameSurplus() {
        // stratus run's bill (OnDemandBilling) reads the same credits: the t3.micro day
        OnDemandBilling run = new OnDemandBilling(fleet::surplusCredits);
        fleet.addListener(run);
        long busy = (long) (0.8 * Time.DAY);
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0), 2, busy);
        sim.runUntil(Time.DAY);
        run.close(Time.DAY);
        assertThat(run.surplusCreditsUsd()).isCloseTo(1.68, within(EPS));
        assertThat(run.totalUsd()).isCloseTo(1.9296, within(EPS));
    }

    @Test
    void spotBillingOfRunChargesTheSurplusAsCompareDoes() {
        // the same t3.micro day, launched as spot at a replayed $0.004/h: stratus run's spot bill
        // (SpotBilling) charges the surplus $1.68 as compare does, plus 24 x $0.004 = $0.096: $1.776
        io.stratus.spot.ReplayedSpotPrices spot = new io.stratus.spot.ReplayedSpotPrices(
                new io.stratus.spot.MeanRevertingSpotPrices(prices.spot(), 1)).pool("t3.micro", 0, new double[] {0.004});
        PricingSession compare = PricingSession.attach(sim, fleet, PurchaseStrategy.spot(), prices, spot);
        SpotBilling run = new SpotBilling(spot, id -> true, fleet::surplusCredits);
        fleet.addListener(run);
        long busy = (long) (0.8 * Time.DAY);
        launchBusy(new LaunchSpec(T3_MICRO, 0, 0, 0).withPurchase(io.stratus.compute.PurchaseOption.SPOT), 2, busy);
        sim.runUntil(Time.DAY);
        run.close(Time.DAY);
        CostReport report = compare.report(Time.DAY, 0);
        assertThat(report.usd(CostCategory.CPU_CREDITS)).isCloseTo(1.68, within(EPS));
        assertThat(run.surplusCreditsUsd()).isCloseTo(1.68, within(EPS));
        assertThat(run.totalUsd()).isCloseTo(1.68 + 24 * 0.004, within(EPS));
        assertThat(run.totalUsd()).isCloseTo(report.totalUsd(), within(1e-9));
    }
}
