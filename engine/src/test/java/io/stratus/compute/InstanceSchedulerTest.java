package io.stratus.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stratus.pricing.EbsMeter;
import io.stratus.pricing.EbsPrices;
import io.stratus.pricing.OnDemandBilling;
import io.stratus.pricing.PriceBook;
import io.stratus.sim.Time;
import io.stratus.sim.WeekClock;
import io.stratus.storage.BlockStorage;
import io.stratus.testkit.Rig;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Office hours: the schedule's arithmetic, and an instance stopped and started with its bill by hand. */
class InstanceSchedulerTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void weekClockStartsOnAMonday() {
        assertThat(WeekClock.dayOfWeek(0)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(WeekClock.dayOfWeek(5 * Time.DAY + Time.HOUR)).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(WeekClock.dayOfWeek(7 * Time.DAY)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(WeekClock.timeOfDay(3 * Time.DAY + 5 * Time.HOUR)).isEqualTo(5 * Time.HOUR);
    }

    @Test
    void officeHoursChangeAtTheirEdgesAndSkipTheWeekend() {
        StopStartSchedule s = new StopStartSchedule(8 * Time.HOUR, 19 * Time.HOUR, WEEKDAYS);
        assertThat(s.isRunningTime(0)).isFalse();
        assertThat(s.isRunningTime(8 * Time.HOUR)).isTrue();
        assertThat(s.isRunningTime(19 * Time.HOUR)).isFalse();
        assertThat(s.nextChange(0)).isEqualTo(8 * Time.HOUR);
        assertThat(s.nextChange(8 * Time.HOUR)).isEqualTo(19 * Time.HOUR);
        long fridayEvening = 4 * Time.DAY + 19 * Time.HOUR;
        assertThat(s.nextChange(fridayEvening)).isEqualTo(7 * Time.DAY + 8 * Time.HOUR); // Monday 08:00
        assertThat(s.runningHoursPerWeek()).isEqualTo(55.0);
        StopStartSchedule always = new StopStartSchedule(0, Time.DAY, EnumSet.allOf(DayOfWeek.class));
        assertThat(always.nextChange(123)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new StopStartSchedule(19 * Time.HOUR, 8 * Time.HOUR, WEEKDAYS))
                .hasMessageContaining("start < stop");
    }

    /**
     * One m5.large launched at Monday 00:00 under an 08:00-09:00 weekday schedule, for two days.
     * It boots in 40 s and is stopped at once (billed the 60 s minimum), starts at 08:00 each day,
     * runs from 08:00:40 to 09:00 (3,560 s) and stops: 60 + 2 x 3,560 = 7,180 s billed. Its 8 GiB
     * gp3 root volume is billed from 00:00:40 to the end, stopped or not.
     */
    @Test
    void theBillFollowsTheRunningIntervalsAndTheVolumeStaysBilled() {
        Rig rig = new Rig(3, 1);
        OnDemandBilling billing = new OnDemandBilling();
        rig.fleet.addListener(billing);
        BlockStorage storage = new BlockStorage(rig.sim, rig.fleet);
        EbsMeter ebs = EbsMeter.forInstances(id -> true);
        storage.addListener(ebs);
        StopStartSchedule hours = new StopStartSchedule(8 * Time.HOUR, 9 * Time.HOUR, WEEKDAYS);
        InstanceScheduler scheduler = new InstanceScheduler(rig.sim, rig.fleet, hours, id -> true);
        int id = rig.fleet.launch(new LaunchSpec(Rig.M5_LARGE, 0, 40 * Time.SECOND, 5 * Time.SECOND));
        rig.sim.runUntil(Time.HOUR);
        assertThat(rig.fleet.instance(id).state()).isEqualTo(InstanceState.STOPPED);
        assertThat(scheduler.stoppedBySchedule(id)).isTrue();
        rig.sim.runUntil(8 * Time.HOUR + 30 * Time.MINUTE);
        assertThat(rig.fleet.instance(id).state()).isEqualTo(InstanceState.RUNNING);
        assertThat(scheduler.stoppedBySchedule(id)).isFalse();
        long end = 2 * Time.DAY;
        rig.sim.runUntil(end);
        billing.close(end);
        assertThat(scheduler.stops()).isEqualTo(3);
        assertThat(scheduler.starts()).isEqualTo(2);
        assertThat(billing.billedSecondsByType()).isEqualTo(java.util.Map.of("m5.large", 7180L));
        double price = PriceBook.bundled().onDemandUsdPerHour(Rig.M5_LARGE);
        assertThat(billing.totalUsd()).isCloseTo(7180 * price / 3600, org.assertj.core.data.Offset.offset(1e-9));
        EbsPrices p = PriceBook.bundled().ebs();
        double rootUsd = 8 * p.usdPerUnitMonth(EbsPrices.Charge.GP3_GB) / p.hoursPerMonth()
                * Time.toSeconds(end - 40 * Time.SECOND) / 3600;
        assertThat(ebs.totalUsd(p, end)).isCloseTo(rootUsd, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(List.of(storage.attachedTo(id).size())).containsExactly(1);
    }
}
