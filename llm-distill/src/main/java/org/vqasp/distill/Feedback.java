package org.vqasp.distill;

import java.util.Objects;

/**
 * What the checks said of a proposal, sent back to the proposer for a repair.
 *
 * @param kind which check refused it
 * @param text the message for the proposer: clingo's own messages with lines and columns, or the expected and
 *     derived answers with the derived intermediate atoms
 */
public record Feedback(Kind kind, String text) {

    /** Which check refused a proposal. */
    public enum Kind {
        /** clingo could not parse or ground the rules (or there were none). */
        SYNTAX,
        /** The rules run, but some example does not get its expected answer. */
        SEMANTIC
    }

    /** Checks the fields. */
    public Feedback {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
