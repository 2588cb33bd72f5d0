package io.stratus.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a scenario value found where another was expected is described in an error message: its
 * type, or its text (shortened past 40 characters), so that "expected X, found Y" names Y the way
 * the file's author wrote it.
 */
final class ValueDescriptions {

    private ValueDescriptions() {
    }

    /** A short description of a node's type and value for messages. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            String s = v.asText();
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        return v.asText();
    }
}
