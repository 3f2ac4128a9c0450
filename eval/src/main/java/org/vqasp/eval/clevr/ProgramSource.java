package org.vqasp.eval.clevr;

import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.Program;
import org.vqasp.language.clevr.ClevrQuestionParser;
import org.vqasp.language.clevr.ParseResult;

/** Where a question's program comes from: the dataset (gold) or the question parser. */
@FunctionalInterface
public interface ProgramSource {

    /**
     * Returns the program of a question.
     *
     * @throws VqaspException {@code missing_program} or {@code not_understood}
     */
    Program program(ClevrQuestion question);

    /** The dataset's own programs. */
    static ProgramSource gold() {
        return q -> {
            if (q.program() == null) {
                throw new VqaspException(ErrorKind.MISSING_PROGRAM, "question " + q.questionIndex()
                        + " has no program (use --programs parsed)");
            }
            return q.program();
        };
    }

    /** Programs parsed from the question text. */
    static ProgramSource parsed(ClevrQuestionParser parser) {
        return q -> {
            ParseResult r = parser.parse(q.question());
            if (r instanceof ParseResult.Parsed p) {
                return p.program();
            }
            throw new VqaspException(ErrorKind.NOT_UNDERSTOOD, ((ParseResult.NotUnderstood) r).message());
        };
    }
}
