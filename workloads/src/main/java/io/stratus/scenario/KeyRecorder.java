package io.stratus.scenario;

import java.util.List;
import java.util.function.Function;

/**
 * Receives, while a scenario is read, every key a section reader accepts and how it reads each one
 * (its kind, default, range or allowed words), so that the format can be listed from the readers
 * themselves: the test registry behind {@code reference.yaml} and {@code scenario.schema.json}.
 * Paths are patterns: {@code services.*.launch} for a key under any service,
 * {@code region.dedicated-hosts[]} for any item of a list. Only a loader given a recorder calls it;
 * an ordinary load records nothing and pays nothing.
 */
public interface KeyRecorder {

    /** How a reader reads a value. */
    enum Kind {
        /** Free text. */
        TEXT,
        /** One of a closed set of words ({@link Read#allowed}). */
        WORD,
        /** A whole number within {@link Read#min} and {@link Read#max}. */
        INTEGER,
        /** A decimal number within {@link Read#min} and {@link Read#max}. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** A value with a unit, parsed by {@link Read#parser}. */
        UNIT,
        /** A list of names. */
        LIST,
        /** A nested mapping. */
        MAPPING,
        /** A value whose shape the reader checks itself (a list of mappings, a name or a list). */
        RAW
    }

    /**
     * One read of a key.
     *
     * @param kind     how it is read
     * @param fallback the value the reader uses when the key is absent (null: none)
     * @param required whether the reader refuses the document without it
     * @param min      the smallest value allowed (numbers and units), else null
     * @param max      the largest value allowed, else null
     * @param allowed  the words allowed ({@link Kind#WORD}), else empty
     * @param parser   the parser of a {@link Kind#UNIT} value, else null
     */
    record Read(Kind kind, Object fallback, boolean required, Object min, Object max, List<String> allowed,
                Function<String, ?> parser) {

        static Read of(Kind kind, Object fallback, boolean required) {
            return new Read(kind, fallback, required, null, null, List.of(), null);
        }
    }

    /** The keys {@code allowOnly} accepts in the mapping at {@code pattern}. */
    void accepts(String pattern, List<String> keys);

    /** The mapping at {@code pattern} maps names of the user's choosing (services, queues...) to mappings. */
    void names(String pattern);

    /** A reader read {@code key} of the mapping at {@code pattern}. */
    void reads(String pattern, String key, Read read);
}
