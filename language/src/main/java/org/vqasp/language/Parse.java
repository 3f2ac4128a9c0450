package org.vqasp.language;

import java.util.Objects;

/**
 * What a {@link QuestionParser} made of a question: a program with the parser's name and confidence, or a
 * "not understood" with the reason.
 *
 * @param <P> the program type
 */
public sealed interface Parse<P> permits Parse.Parsed, Parse.NotUnderstood {

    /** Returns the name of the parser that answered. */
    String parser();

    /**
     * A question read as a program.
     *
     * @param program the program
     * @param parser the name of the parser that read it
     * @param confidence how sure the parser is, in [0, 1]: 1 for an exact template match
     * @param note what the parser wants people to know about the reading (the template, the words it corrected);
     *     may be empty
     * @param <P> the program type
     */
    record Parsed<P>(P program, String parser, double confidence, String note) implements Parse<P> {
        /** Checks the fields. */
        public Parsed {
            Objects.requireNonNull(program, "program");
            Objects.requireNonNull(parser, "parser");
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1], is " + confidence);
            }
            note = note == null ? "" : note;
        }
    }

    /**
     * A question the parser could not read.
     *
     * @param parser the name of the parser that declined
     * @param reason one line for people: what was wrong ({@code "unknown words: zorblax"})
     * @param <P> the program type
     */
    record NotUnderstood<P>(String parser, String reason) implements Parse<P> {
        /** Checks the fields. */
        public NotUnderstood {
            Objects.requireNonNull(parser, "parser");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
