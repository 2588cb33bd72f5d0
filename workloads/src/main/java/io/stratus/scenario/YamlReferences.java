package io.stratus.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.List;

/**
 * Refuses YAML anchors ({@code &name}) and aliases ({@code *name}) in scenario files, at their
 * line and column. The event-level parser the loader uses does not expand an alias: it would read
 * {@code tenant: *ty} as the text "ty" and accept an alias to nothing, and expanding them
 * invites "billion laughs" blow-ups. A scenario repeats a value instead, or sets it with
 * {@code --set}.
 */
final class YamlReferences {

    private YamlReferences() {
    }

    /** Adds a problem to {@code out} when the parser's current token is an alias or carries an anchor. */
    static void check(JsonParser parser, String file, int[] lc, List<Problem> out) throws IOException {
        if (!(parser instanceof YAMLParser yaml)) {
            return;
        }
        if (yaml.isCurrentAlias()) {
            out.add(new Problem(file, lc[0], lc[1], "", "an alias (*" + yaml.getText() + ") is not allowed: "
                    + "scenario files use no YAML anchors or aliases; write the value itself"));
        } else if (yaml.getCurrentAnchor() != null) {
            out.add(new Problem(file, lc[0], lc[1], "", "an anchor (&" + yaml.getCurrentAnchor() + ") is not allowed: "
                    + "scenario files use no YAML anchors or aliases; write the value itself"));
        }
    }
}
