package org.vqasp.eval.gqa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.SemanticString;
import org.vqasp.language.gqa.GqaParse;
import org.vqasp.language.gqa.GqaQuestionParser;

/** Where a GQA question's program comes from: the questions file (gold) or the question parser. */
public interface GqaProgramSource {

    /**
     * A question's program.
     *
     * @param program the program as read or parsed
     * @param answering the program to give the reasoner (the parser's, with what GQA's form leaves out)
     * @param extras the keys it adds to the question's row of {@code predictions.jsonl} (none for gold programs)
     */
    record Choice(List<GqaOperation> program, List<GqaOperation> answering, Map<String, Object> extras) {

        /** A program that is also the one to answer. */
        public Choice(List<GqaOperation> program, Map<String, Object> extras) {
            this(program, program, extras);
        }

        /** Checks the fields. */
        public Choice {
            program = List.copyOf(program);
            answering = List.copyOf(answering);
            extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        }
    }

    /**
     * Returns the program of a question.
     *
     * @throws ProgramException {@code not_understood}, with the keys the question's row still gets
     */
    Choice program(GqaQuestion question);

    /**
     * The file's own programs: its {@code semantic} list, or the one parsed from {@code semanticStr} (an empty one
     * when it has neither, which the reasoner reports as {@code bad_program}).
     */
    static GqaProgramSource gold() {
        return q -> new Choice(q.semantic(), Map.of());
    }

    /**
     * Programs parsed from the question text. Each row gets {@code program} (the parsed program as a
     * {@code semanticStr}), {@code gold_program} (the file's, without object ids, or null), {@code program_correct}
     * (null without a gold program), {@code parser}, {@code parser_confidence}, {@code parser_note} and
     * {@code type_detailed}.
     *
     * @param parser the parser
     */
    static GqaProgramSource parsed(GqaQuestionParser parser) {
        Objects.requireNonNull(parser, "parser");
        return new GqaProgramSource() {
            @Override
            public Choice program(GqaQuestion q) {
                GqaParse r = parser.parse(q.question());
                Map<String, Object> extras = new LinkedHashMap<>();
                String gold = q.semantic().isEmpty() ? null : SemanticString.withoutIds(SemanticString.format(
                        q.semantic()));
                if (r instanceof GqaParse.Parsed p) {
                    String program = SemanticString.withoutIds(p.semanticStr());
                    extras.put("program", program);
                    extras.put("gold_program", gold);
                    extras.put("program_correct", gold == null ? null : program.equals(gold));
                    extras.put("parser", p.parser());
                    extras.put("parser_confidence", Math.round(p.confidence() * 1000) / 1000.0);
                    extras.put("parser_note", p.note());
                    extras.put("type_detailed", q.types().detailed());
                    return new Choice(p.program(), p.forAnswering(), extras);
                }
                GqaParse.NotUnderstood nu = (GqaParse.NotUnderstood) r;
                extras.put("program", null);
                extras.put("gold_program", gold);
                extras.put("program_correct", gold == null ? null : false);
                extras.put("parser", nu.parser());
                extras.put("parser_confidence", null);
                extras.put("parser_note", nu.reason());
                extras.put("type_detailed", q.types().detailed());
                throw new ProgramException(new VqaspException("not_understood", nu.reason()), extras);
            }
        };
    }

    /** A question without a program, with the keys its row still gets. */
    final class ProgramException extends VqaspException {
        private static final long serialVersionUID = 1L;

        /** The row's keys. */
        private final transient Map<String, Object> extras;

        ProgramException(VqaspException cause, Map<String, Object> extras) {
            super(cause.kind(), cause.getMessage(), cause);
            this.extras = new LinkedHashMap<>(extras);
        }

        /** Returns the keys the row gets. */
        public Map<String, Object> extras() {
            return extras;
        }
    }
}
