package org.vqasp.eval.clevr;

import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.ProgramOrigin;
import org.vqasp.language.Parse;
import org.vqasp.language.QuestionParser;
import org.vqasp.language.clevr.UniqueRelaxation;

/** Where a question's program comes from: the dataset (gold) or the question parser. */
@FunctionalInterface
public interface ProgramSource {

    /**
     * A question's program and where it came from.
     *
     * @param program the program
     * @param origin the parser that read it, or null for the dataset's own program
     */
    record Sourced(Program program, ProgramOrigin origin) {
    }

    /**
     * Returns the program of a question and where it came from.
     *
     * @throws VqaspException {@code missing_program} or {@code not_understood}
     */
    Sourced read(ClevrQuestion question);

    /**
     * Returns the program of a question.
     *
     * @throws VqaspException {@code missing_program} or {@code not_understood}
     */
    default Program program(ClevrQuestion question) {
        return read(question).program();
    }

    /**
     * Returns whether a program that fails with {@code unique} may be read again the way people mean it
     * ({@link UniqueRelaxation}): true for parsed programs, false for the dataset's own.
     */
    default boolean relaxes() {
        return false;
    }

    /** The dataset's own programs. */
    static ProgramSource gold() {
        return q -> {
            if (q.program() == null) {
                throw new VqaspException(ErrorKind.MISSING_PROGRAM, "question " + q.questionIndex()
                        + " has no program (use --programs parsed)");
            }
            return new Sourced(q.program(), null);
        };
    }

    /** Programs parsed from the question text by a parser (the parser chain). */
    static ProgramSource parsed(QuestionParser<Program> parser) {
        return new ProgramSource() {
            @Override
            public Sourced read(ClevrQuestion q) {
                Parse<Program> r = parser.parse(q.question());
                if (r instanceof Parse.Parsed<Program> p) {
                    return new Sourced(p.program(), new ProgramOrigin(p.parser(), p.confidence(), false));
                }
                throw new VqaspException(ErrorKind.NOT_UNDERSTOOD,
                        "not understood: " + ((Parse.NotUnderstood<Program>) r).reason());
            }

            @Override
            public boolean relaxes() {
                return true;
            }
        };
    }
}
