package org.vqasp.language.gqa;

import java.util.List;
import java.util.Objects;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.SemanticString;

/**
 * What {@link GqaQuestionParser} made of a question: a GQA semantic program with the parser and question form
 * that produced it and a confidence, or a "not understood" answer with the reason.
 */
public sealed interface GqaParse permits GqaParse.Parsed, GqaParse.NotUnderstood {

    /** Returns the name of the parser that answered. */
    String parser();

    /**
     * A question read as a program.
     *
     * @param program the program, as the released {@code semantic} lists write it, without object ids
     * @param parser the parser that read it ({@code gqa-grammar})
     * @param confidence how sure the parser is, in (0, 1]
     * @param note the question form it was read by ({@code relS}, {@code verifyAttr}, ...), then
     *     {@code "; unknown words: w1, w2"} when it read words the lexicon does not know as names
     * @param answering the program to answer, when it says more than GQA's form of it (see
     *     {@link #forAnswering}); else the program
     */
    record Parsed(List<GqaOperation> program, String parser, double confidence, String note,
            List<GqaOperation> answering) implements GqaParse {

        /** A parse whose program is also the one to answer. */
        public Parsed(List<GqaOperation> program, String parser, double confidence, String note) {
            this(program, parser, confidence, note, program);
        }

        /** Checks the fields. */
        public Parsed {
            program = List.copyOf(program);
            answering = answering == null ? program : List.copyOf(answering);
            Objects.requireNonNull(parser, "parser");
            note = note == null ? "" : note;
            if (program.isEmpty()) {
                throw new IllegalArgumentException("empty program");
            }
            if (!(confidence > 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1], was " + confidence);
            }
        }

        /** Returns the program as a {@code semanticStr}. */
        public String semanticStr() {
            return SemanticString.format(program);
        }

        /**
         * Returns the program to give the reasoner: {@link #answering} with its pronouns made answerable
         * ({@link GqaPronouns#forAnswering}). GQA's programs pin objects by id where their text drops what the
         * question says of them; a parsed program has no ids, so it keeps what the question says.
         */
        public List<GqaOperation> forAnswering() {
            return GqaPronouns.forAnswering(answering);
        }

        /** Returns this parse with another confidence and note. */
        public Parsed with(double newConfidence, String newNote) {
            return new Parsed(program, parser, newConfidence, newNote, answering);
        }
    }

    /**
     * A question the parser could not read.
     *
     * @param parser the parser that tried
     * @param reason what was wrong, for people ({@code "matches no GQA question form; unknown words: zorblax"})
     */
    record NotUnderstood(String parser, String reason) implements GqaParse {
        /** Checks the fields. */
        public NotUnderstood {
            Objects.requireNonNull(parser, "parser");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
