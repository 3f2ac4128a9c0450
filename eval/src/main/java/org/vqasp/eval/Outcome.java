package org.vqasp.eval;

import org.vqasp.core.VqaspException;

/**
 * What answering one item gave: an answer or an error, the time it took, and where its program came from.
 *
 * @param predicted the answer, or null
 * @param error why there is no answer, or null
 * @param ms milliseconds spent on this item (its share of a batch)
 * @param origin the parser that read the question, or null when programs are not parsed
 */
public record Outcome(String predicted, VqaspException error, double ms, ProgramOrigin origin) {

    /** An outcome without a parser. */
    public Outcome(String predicted, VqaspException error, double ms) {
        this(predicted, error, ms, null);
    }

    /** Returns an answer. */
    public static Outcome of(String predicted, double ms) {
        return new Outcome(predicted, null, ms);
    }

    /** Returns an error. */
    public static Outcome failed(VqaspException error, double ms) {
        return new Outcome(null, error, ms);
    }

    /** Returns this outcome with the origin of its program. */
    public Outcome from(ProgramOrigin o) {
        return new Outcome(predicted, error, ms, o);
    }
}
