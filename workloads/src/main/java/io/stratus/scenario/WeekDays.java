package io.stratus.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.stratus.sim.Time;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the calendar keys of schedules: {@code days} (a word such as {@code daily},
 * {@code weekdays}, {@code weekends}, a range such as {@code mon-fri}, one day such as
 * {@code sat}, or a list such as {@code [mon, wed, fri]}) and times of day ({@code "08:00"},
 * quoted). Simulated time 0 is a Monday at 00:00 ({@link io.stratus.sim.WeekClock}).
 */
final class WeekDays {

    static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    static final String FORM = "daily, weekdays, weekends, a range such as mon-fri, one day such as sat, "
            + "or a list such as [mon, wed]";

    private WeekDays() {
    }

    /** The days under {@code key}; every day when absent. */
    static Set<DayOfWeek> read(ConfigNode node, String key) {
        JsonNode v = node.raw(key);
        if (v == null || v.isNull()) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                DayOfWeek d = v.get(i).isTextual() ? day(v.get(i).asText()) : null;
                if (d == null) {
                    node.problemAt(node.pointerOf(key).appendIndex(i), "expected a day (" + String.join(", ", NAMES)
                            + "), found " + ValueDescriptions.describe(v.get(i)));
                } else {
                    days.add(d);
                }
            }
            if (v.isEmpty()) {
                node.problem(key, "needs at least one day; write " + FORM);
            }
            return days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days;
        }
        String text = v.isTextual() ? v.asText().strip().toLowerCase(java.util.Locale.ROOT) : "";
        switch (text) {
            case "daily":
                return EnumSet.allOf(DayOfWeek.class);
            case "weekdays":
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            case "weekends":
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            default:
                break;
        }
        String[] range = text.split("-", -1);
        DayOfWeek from = range.length <= 2 ? day(range[0]) : null;
        DayOfWeek to = range.length == 2 ? day(range[1]) : from;
        if (from == null || to == null) {
            node.problem(key, ValueDescriptions.describe(v) + " is not a set of days; write " + FORM);
            return EnumSet.allOf(DayOfWeek.class);
        }
        for (DayOfWeek d = from; ; d = d.plus(1)) { // a range may wrap: fri-mon
            days.add(d);
            if (d == to) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String name) {
        int i = NAMES.indexOf(name.strip().toLowerCase(java.util.Locale.ROOT));
        return i < 0 ? null : DayOfWeek.of(i + 1);
    }

    /**
     * A time of day under {@code key} ({@code "HH:MM"}), microseconds after midnight; with
     * {@code endOfDay}, {@code "24:00"} is allowed too.
     */
    static long timeOfDay(ConfigNode node, String key, long fallback, boolean endOfDay) {
        JsonNode v = node.raw(key);
        if (v == null || v.isNull()) {
            node.string(key, null, true); // reports the missing key
            return fallback;
        }
        if (!v.isTextual()) {
            node.problem(key, "expected a time of day in quotes such as \"08:00\", found " + ValueDescriptions.describe(v));
            return fallback;
        }
        if (endOfDay && "24:00".equals(v.asText().strip())) {
            return Time.DAY;
        }
        try {
            return Units.timeOfDay(v.asText());
        } catch (IllegalArgumentException e) {
            node.problem(key, e.getMessage());
            return fallback;
        }
    }
}
