package org.vqasp.reasoning;

import org.vqasp.core.VqaspException;

/**
 * The answer to one question of a batch, or why there is none.
 *
 * @param answer the answer, or null
 * @param error the error, or null
 */
public record Answer(String answer, VqaspException error) {

    /** Checks that exactly one of answer and error is set. */
    public Answer {
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of answer and error must be set");
        }
    }

    /** Returns an answer. */
    public static Answer of(String answer) {
        return new Answer(answer, null);
    }

    /** Returns an error. */
    public static Answer failed(VqaspException error) {
        return new Answer(null, error);
    }

    /** Returns true when there is an answer. */
    public boolean ok() {
        return error == null;
    }
}
