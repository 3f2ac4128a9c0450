package org.vqasp.cli.ask;

import org.vqasp.core.clevr.Program;
import org.vqasp.reasoning.clevr.ClevrExplanation;

/**
 * What asking one question gave.
 *
 * @param question the question as typed
 * @param answer the answer, or null
 * @param program the program the question was read as, or null when it was not understood
 * @param source the parser of the chain that read the question ({@code template}, {@code grammar},
 *     {@code llm}), or null
 * @param explanation what each step produced and which objects the answer used, or null
 * @param errorKind why there is no answer ({@code not_understood}, {@code unique}, ...), or null
 * @param errorMessage one line for people, or null
 * @param errorReason for a question not understood, the error message without the question and the closest
 *     template (for the prompt, where both are on screen already); otherwise null
 * @param suggestion the closest question template when the question was not understood, or null
 * @param ms milliseconds from question to answer
 * @param note what people should know about the answer (it comes from the relaxed reading of a description that
 *     fits several objects), or null
 */
public record AskResult(String question, String answer, Program program, String source,
        ClevrExplanation explanation, String errorKind, String errorMessage, String errorReason, String suggestion,
        double ms, String note) {

    /** A result without a note. */
    public AskResult(String question, String answer, Program program, String source, ClevrExplanation explanation,
            String errorKind, String errorMessage, String errorReason, String suggestion, double ms) {
        this(question, answer, program, source, explanation, errorKind, errorMessage, errorReason, suggestion, ms,
                null);
    }
}
