package io.stratus.cloud;

import java.util.List;

/**
 * A {@link CloudBuilder} was asked to build a cloud whose description is incomplete or
 * inconsistent; {@link #problems()} lists every problem, each saying what is missing and how to
 * supply it.
 */
public final class IncompleteWiringException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    IncompleteWiringException(List<String> problems) {
        super("the cloud is not completely described (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order of the description. */
    public List<String> problems() {
        return problems;
    }
}
