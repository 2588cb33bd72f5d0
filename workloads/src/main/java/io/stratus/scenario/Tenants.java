package io.stratus.scenario;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The accounts of a scenario, by name: each name gets a tenant number in order of first mention
 * (the default account, {@value #DEFAULT}, is always 0).
 */
final class Tenants {

    /** The account of every launch that names none. */
    static final String DEFAULT = "default";

    private final Map<String, Integer> ids = new LinkedHashMap<>();
    private final Set<Integer> withHosts = new HashSet<>();

    Tenants() {
        ids.put(DEFAULT, 0);
    }

    /** The number of the tenant of that name, assigning the next one on first mention. */
    int id(String name) {
        return ids.computeIfAbsent(name, n -> ids.size());
    }

    /** Records that the tenant has Dedicated Hosts allocated ({@code region.dedicated-hosts}). */
    void hasDedicatedHosts(int id) {
        withHosts.add(id);
    }

    /** Whether the tenant has Dedicated Hosts allocated. */
    boolean dedicatedHostsOf(int id) {
        return withHosts.contains(id);
    }
}
