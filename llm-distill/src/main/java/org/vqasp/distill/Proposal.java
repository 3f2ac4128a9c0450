package org.vqasp.distill;

import java.util.Objects;

/**
 * A proposer's reply to a dialogue.
 *
 * @param prompt what was sent this time (the task, or the feedback), empty for proposers without prompts
 * @param reply the reply, verbatim; empty when the proposer has nothing (more) to propose
 * @param calls how many model calls it took (retries included)
 * @param tokensIn the input tokens the model counted
 * @param tokensOut the output tokens the model counted
 * @param note one line on how it was found, for the log (empty when there is nothing to say)
 */
public record Proposal(String prompt, String reply, int calls, long tokensIn, long tokensOut, String note) {

    /** Checks the fields. */
    public Proposal {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(note, "note");
        if (calls < 0 || tokensIn < 0 || tokensOut < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + calls + ", " + tokensIn + ", "
                    + tokensOut);
        }
    }

    /** Returns a proposal saying there is nothing (more) to propose. */
    public static Proposal nothing(String note) {
        return new Proposal("", "", 0, 0, 0, note);
    }

    /** Returns true when the proposer had nothing to propose. */
    public boolean isEmpty() {
        return reply.isBlank();
    }
}
