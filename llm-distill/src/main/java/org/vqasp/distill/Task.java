package org.vqasp.distill;

import java.util.List;
import java.util.Objects;

/**
 * What a proposer is asked for: rules that make a theory answer examples it does not answer yet, without
 * breaking those it already answers.
 *
 * @param theory the current theory, verbatim
 * @param examples the examples to learn from (the theory does not answer them)
 * @param current what the theory derives for each of them now, in order
 * @param solved the examples that must keep their answers (the regression set): those accepted so far, and
 *     those of the batch that the theory already answers
 */
public record Task(String theory, List<Example> examples, List<Verdict> current, List<Example> solved) {

    /** Checks the fields and copies the lists. */
    public Task {
        Objects.requireNonNull(theory, "theory");
        examples = List.copyOf(examples);
        current = List.copyOf(current);
        solved = List.copyOf(solved);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one example");
        }
        if (current.size() != examples.size()) {
            throw new IllegalArgumentException("one current verdict per example is needed: " + current.size()
                    + " verdicts for " + examples.size() + " examples");
        }
    }

    /** Returns a key that is equal for equal tasks: the theory and the examples' identifiers. */
    public String key() {
        StringBuilder sb = new StringBuilder().append(theory.hashCode()).append(':').append(theory.length());
        for (Example e : examples) {
            sb.append(',').append(e.id());
        }
        sb.append('|');
        for (Example e : solved) {
            sb.append(',').append(e.id());
        }
        return sb.toString();
    }
}
