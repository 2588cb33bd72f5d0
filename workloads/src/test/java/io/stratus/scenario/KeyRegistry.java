package io.stratus.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every key the loader accepts, at every path pattern, with how its readers read it, merged over
 * many loads: the format as the section readers define it. Built by {@link FormatWalks}.
 */
final class KeyRegistry implements KeyRecorder {

    /** What the readers do with one key at one pattern, merged over every read seen. */
    static final class Entry {
        final Set<Kind> kinds = new LinkedHashSet<>();
        final List<Read> reads = new ArrayList<>();

        /** Whether every value read of the key requires it (false when only its shape was read). */
        boolean alwaysRequired() {
            List<Read> values = valueReads();
            return !values.isEmpty() && values.stream().allMatch(Read::required);
        }

        boolean sometimesRequired() {
            return reads.stream().anyMatch(Read::required);
        }

        /** Reads of a value (not of a mapping, nor of a raw shape). */
        List<Read> valueReads() {
            return reads.stream().filter(r -> r.kind() != Kind.MAPPING && r.kind() != Kind.RAW).toList();
        }

        /** Whether it is only ever read as a nested mapping. */
        boolean isMapping() {
            return kinds.equals(Set.of(Kind.MAPPING));
        }

        /** The default, when every value read falls back to one and the same non-null value; else null. */
        Object constantDefault() {
            Set<Object> fallbacks = new LinkedHashSet<>();
            for (Read r : valueReads()) {
                fallbacks.add(r.fallback());
            }
            return fallbacks.size() == 1 ? fallbacks.iterator().next() : null;
        }

    /** A default written as in a scenario, read as the readers read the key. */
        Object parse(String literal) {
            Read read = valueReads().get(0);
            try {
                switch (read.kind()) {
                    case INTEGER:
                        return Long.parseLong(literal);
                    case NUMBER:
                        return Double.parseDouble(literal);
                    case BOOLEAN:
                        return literal.equals("true") ? Boolean.TRUE : literal.equals("false") ? Boolean.FALSE : literal;
                    case UNIT:
                        return read.parser().apply(literal);
                    default:
                        return literal;
                }
            } catch (IllegalArgumentException ex) {
                return "unreadable: " + ex.getMessage();
            }
        }

        /** The words allowed, over every read of a closed set. */
        Set<String> allowedWords() {
            Set<String> out = new TreeSet<>();
            reads.stream().filter(r -> r.kind() == Kind.WORD).forEach(r -> out.addAll(r.allowed()));
            return out;
        }
    }

    private final Map<String, Set<String>> accepted = new TreeMap<>();
    private final Set<String> named = new TreeSet<>();
    private final Map<String, Map<String, Entry>> entries = new TreeMap<>();

    @Override
    public void accepts(String pattern, List<String> keys) {
        accepted.computeIfAbsent(pattern, p -> new LinkedHashSet<>()).addAll(keys);
    }

    @Override
    public void names(String pattern) {
        named.add(pattern);
    }

    @Override
    public void reads(String pattern, String key, Read read) {
        Entry e = entries.computeIfAbsent(pattern, p -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Entry());
        e.kinds.add(read.kind());
        if (!e.reads.contains(read)) {
            e.reads.add(read);
        }
    }

    /** The patterns of mappings with a fixed set of keys, in order. */
    Set<String> mappings() {
        return accepted.keySet();
    }

    /** The keys accepted at {@code pattern} (empty when no reader of it was visited). */
    Set<String> accepted(String pattern) {
        return accepted.getOrDefault(pattern, Set.of());
    }

    /** Whether the mapping at {@code pattern} maps names of the user's choosing to mappings. */
    boolean isNamed(String pattern) {
        return named.contains(pattern);
    }

    /** How {@code key} is read at {@code pattern}; an empty entry when it was only accepted. */
    Entry entry(String pattern, String key) {
        Map<String, Entry> byKey = entries.getOrDefault(pattern, Map.of());
        return byKey.getOrDefault(key, new Entry());
    }

    /** The pattern of key {@code key} of the mapping at {@code pattern}. */
    static String child(String pattern, String key) {
        Objects.requireNonNull(key);
        return pattern.isEmpty() || key.startsWith("[") ? pattern + key : pattern + "." + key;
    }
}
