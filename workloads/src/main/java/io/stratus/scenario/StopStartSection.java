package io.stratus.scenario;

import io.stratus.compute.RootDevice;
import io.stratus.compute.StopStartSchedule;
import io.stratus.sim.Time;
import java.time.DayOfWeek;
import java.util.Set;

/**
 * Reads a fixed fleet's {@code schedule: { start: "08:00", stop: "19:00", days: mon-fri }}: the
 * office hours its instances run, stopped otherwise (AWS Instance Scheduler).
 */
final class StopStartSection {

    private StopStartSection() {
    }

    /** The schedule under the service's {@code schedule} key, or null if it is wrong. */
    static StopStartSchedule read(ConfigNode service, boolean scaled, LaunchSection launch) {
        ConfigNode node = service.child("schedule", true);
        node.allowOnly("start", "stop", "days");
        long start = WeekDays.timeOfDay(node, "start", 0, false);
        long stop = WeekDays.timeOfDay(node, "stop", Time.DAY, true);
        Set<DayOfWeek> days = WeekDays.read(node, "days");
        if (scaled) {
            service.problem("schedule", "a stop / start schedule is for a fixed fleet (instances:); an Auto Scaling "
                    + "group replaces stopped instances, so give it scheduled actions (auto-scaling.scheduled) instead");
            return null;
        }
        if (launch.spec() != null && launch.spec().ami().root() == RootDevice.INSTANCE_STORE) {
            service.problem("schedule", "instances with an instance-store root cannot be stopped, only terminated; "
                    + "use launch.ami.root: ebs");
            return null;
        }
        if (node.isMapping() && node.has("start") && node.has("stop") && start >= stop) {
            node.problem("stop", "stop (" + Time.format(stop) + ") must be after start ("
                    + Time.format(start) + ") on the same day; a night shift across midnight is not "
                    + "modelled");
            return null;
        }
        return node.isMapping() && node.has("start") && node.has("stop") ? new StopStartSchedule(start, stop, days)
                : null;
    }
}
