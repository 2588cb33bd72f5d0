package io.stratus.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The launches of one group (an Auto Scaling group, a fixed fleet) that EC2 refused before
 * placement, by error code, as its activity history shows them: how many, when first and last,
 * and the first refusal's message.
 */
public final class LaunchRefusals {

    /**
     * One error code's refusals.
     *
     * @param code         EC2's error code, such as {@code InsufficientFreeAddressesInSubnet}
     * @param firstMessage the message of the first refusal
     * @param count        refused launch attempts (a group retries, so one missing instance may count many)
     * @param firstMicros  when the first happened
     * @param lastMicros   when the last happened
     */
    public record Refused(String code, String firstMessage, long count, long firstMicros, long lastMicros) {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(firstMessage, "firstMessage");
        }
    }

    private final Map<String, Refused> byCode = new LinkedHashMap<>();

    /** Records a refusal; {@code message} is built only for the first of its code. */
    void record(String code, java.util.function.Supplier<String> message, long now) {
        Refused r = byCode.get(code);
        byCode.put(code, r == null ? new Refused(code, message.get(), 1, now, now)
                : new Refused(code, r.firstMessage(), r.count() + 1, r.firstMicros(), now));
    }

    /** The refusals by code, in the order the codes first happened. */
    public List<Refused> all() {
        return new ArrayList<>(byCode.values());
    }

    /** Refused launch attempts of every code. */
    public long total() {
        return byCode.values().stream().mapToLong(Refused::count).sum();
    }
}
