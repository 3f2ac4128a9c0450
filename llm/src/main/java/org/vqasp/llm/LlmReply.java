package org.vqasp.llm;

import java.util.Objects;

/**
 * A model's reply to one chat, after any retries.
 *
 * @param text the reply's text, verbatim (empty when the model gave none)
 * @param calls how many calls it took, retries included
 * @param tokensIn the input tokens the model counted (0 when it did not say)
 * @param tokensOut the output tokens the model counted (0 when it did not say)
 * @param note one line for logs: the model, the time the last call took and why it stopped
 */
public record LlmReply(String text, int calls, long tokensIn, long tokensOut, String note) {

    /** Checks the fields. */
    public LlmReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(note, "note");
        if (calls < 1 || tokensIn < 0 || tokensOut < 0) {
            throw new IllegalArgumentException("counts out of range: " + calls + ", " + tokensIn + ", " + tokensOut);
        }
    }
}
