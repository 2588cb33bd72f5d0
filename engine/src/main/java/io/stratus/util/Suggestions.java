package io.stratus.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" suggestions: the known names closest to a mistyped one by Levenshtein edit
 * distance, kept only when close enough to be a likely typo (at most a third of the name's
 * length, and at least 2 edits).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to {@code limit} names from {@code known} close to {@code word}, closest first. */
    public static List<String> closest(String word, Collection<String> known, int limit) {
        List<String> candidates = new ArrayList<>(known);
        candidates.sort(Comparator.<String>comparingInt(n -> editDistance(word, n)).thenComparing(n -> n));
        List<String> out = new ArrayList<>();
        for (String n : candidates) {
            if (out.size() == limit || editDistance(word, n) > Math.max(2, word.length() / 3)) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    /** The single closest name, or null when none is close. */
    public static String closest(String word, Collection<String> known) {
        List<String> one = closest(word, known, 1);
        return one.isEmpty() ? null : one.get(0);
    }

    /** Levenshtein distance between two strings. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
