package io.stratus.scenario;

import io.stratus.fault.Lifetime;
import io.stratus.fault.ScheduledHostEvent;
import java.util.List;
import java.util.Objects;

/**
 * The scenario's {@code faults:}: random host failures, zone outages and scheduled events, with
 * EC2 automatic recovery and the availability objective the run is measured against.
 *
 * @param hostFailures          random host failures, or null for none
 * @param zoneOutages           zone outages, in file order
 * @param scheduledEvents       scheduled events (retirement, maintenance), in file order
 * @param autoRecovery          whether EC2 automatic recovery moves the running instances of fixed
 *                              fleets (not Auto Scaling groups, which replace theirs) to new hardware
 * @param availabilityObjective the fraction of a minute's requests that must be good (served, and
 *                              within {@code latencyMicros} when set) for the minute to meet the
 *                              objective, such as 0.999
 * @param latencyMicros         a request served slower than this is not good; 0 for no latency bound
 */
public record FaultsConfig(HostFailures hostFailures, List<ZoneOutageAt> zoneOutages,
                           List<ScheduledEvent> scheduledEvents, boolean autoRecovery, double availabilityObjective,
                           long latencyMicros) {

    /** No faults. */
    public static final FaultsConfig NONE = new FaultsConfig(null, List.of(), List.of(), true,
            Units.percent("99.9%"), 0);

    public FaultsConfig {
        zoneOutages = List.copyOf(zoneOutages);
        scheduledEvents = List.copyOf(scheduledEvents);
        if (!(availabilityObjective > 0 && availabilityObjective <= 1)) {
            throw new IllegalArgumentException("objective must be in (0, 1], got " + availabilityObjective);
        }
    }

    /** Whether the scenario has any fault (without, the run is exactly as before faults existed). */
    public boolean any() {
        return hostFailures != null || !zoneOutages.isEmpty() || !scheduledEvents.isEmpty();
    }

    /**
     * Random, independent host failures.
     *
     * @param timeToFailure time from a host's start or repair to its failure
     * @param repair        time a failed host stays down
     * @param zones         the zones whose hosts fail, by index
     */
    public record HostFailures(Lifetime timeToFailure, Lifetime repair, List<Integer> zones) {
        public HostFailures {
            Objects.requireNonNull(timeToFailure, "timeToFailure");
            Objects.requireNonNull(repair, "repair");
            zones = List.copyOf(zones);
        }
    }

    /** A zone (by index) down from {@code startMicros} for {@code durationMicros}. */
    public record ZoneOutageAt(int zone, long startMicros, long durationMicros) {
    }

    /**
     * A scheduled event on host {@code hostInZone} (counted from 0) of zone {@code zone}: due at
     * {@code atMicros}, announced {@code noticeMicros} ahead; maintenance lasts {@code windowMicros}.
     */
    public record ScheduledEvent(ScheduledHostEvent.Kind kind, int zone, int hostInZone, long atMicros,
                                 long noticeMicros, long windowMicros) {
        public ScheduledEvent {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
