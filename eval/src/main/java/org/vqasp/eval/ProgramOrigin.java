package org.vqasp.eval;

/**
 * Where a prediction's program came from, for runs whose programs are parsed from the question text: the parser
 * of the chain that read it ({@code template}, {@code grammar}, {@code learned}, {@code llm}) with its confidence,
 * and whether the program was answered in its relaxed reading (a {@code unique} step that found several objects
 * read as "the one nearest ..."). Written into {@code predictions.jsonl} as {@code parser},
 * {@code parser_confidence} and {@code relaxed}.
 *
 * @param parser the parser's name, or null when no parser read the question
 * @param confidence the parser's confidence, or null
 * @param relaxed whether the answer comes from the relaxed reading
 */
public record ProgramOrigin(String parser, Double confidence, boolean relaxed) {

    /** A question no parser read. */
    public static final ProgramOrigin NONE = new ProgramOrigin(null, null, false);

    /** Returns the same origin, answered in the relaxed reading. */
    public ProgramOrigin asRelaxed() {
        return new ProgramOrigin(parser, confidence, true);
    }
}
