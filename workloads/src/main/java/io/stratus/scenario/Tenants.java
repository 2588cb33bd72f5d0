package io.stratus.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts of a scenario, by name: each name gets a tenant number in order of first mention
 * (the default account, {@value #DEFAULT}, is always 0).
 */
final class Tenants {

    /** The account of every launch that names none. */
    static final String DEFAULT = "default";

    private final Map<String, Integer> ids = new LinkedHashMap<>();

    Tenants() {
        ids.put(DEFAULT, 0);
    }

    /** The number of the tenant of that name, assigning the next one on first mention. */
    int id(String name) {
        return ids.computeIfAbsent(name, n -> ids.size());
    }
}
