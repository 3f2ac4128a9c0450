package org.vqasp.language;

/**
 * Reads a question into a program: one stage of a {@link ParserChain} (the CLEVR template parser, the grammar
 * parser, a learned model, a language model).
 *
 * <p>A parser never throws for text it cannot read: it answers {@link Parse.NotUnderstood} with the reason.
 * Implementations must be thread-safe; the chain calls them from several threads.
 *
 * @param <P> the program type (a CLEVR {@code Program}, a GQA program)
 */
public interface QuestionParser<P> {

    /**
     * Returns the parser's short, stable name, written into predictions ({@code template}, {@code grammar},
     * {@code learned}, {@code llm}).
     */
    String name();

    /**
     * Reads a question.
     *
     * @param question the question as a person typed it (any casing, punctuation, typos)
     * @return the program with this parser's name and confidence, or why it was not understood
     */
    Parse<P> parse(String question);
}
