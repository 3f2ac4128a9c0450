package org.vqasp.eval;

import org.vqasp.core.VqaspException;

/**
 * What answering one item gave: an answer or an error, and the time it took.
 *
 * @param predicted the answer, or null
 * @param error why there is no answer, or null
 * @param ms milliseconds spent on this item (its share of a batch)
 */
public record Outcome(String predicted, VqaspException error, double ms) {

    /** Returns an answer. */
    public static Outcome of(String predicted, double ms) {
        return new Outcome(predicted, null, ms);
    }

    /** Returns an error. */
    public static Outcome failed(VqaspException error, double ms) {
        return new Outcome(null, error, ms);
    }
}
