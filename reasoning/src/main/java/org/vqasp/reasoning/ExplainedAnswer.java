package org.vqasp.reasoning;

/**
 * An answer and how it was reached.
 *
 * @param answer the answer
 * @param outcome everything solving produced (intermediate atoms when explanations were asked for)
 */
public record ExplainedAnswer(String answer, Reasoner.Outcome outcome) {
}
