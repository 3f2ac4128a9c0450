package org.vqasp.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parsers tried in order (for CLEVR: the exact template parser, the grammar parser, a learned model, a language
 * model); the first reading a stage accepts wins. A stage accepts a reading whose confidence reaches the stage's
 * minimum and, for stages marked {@code checked}, that the {@link ProgramCheck} passes (the program compiles
 * against the theory: untrusted stages such as a language model). When no stage accepts, the chain answers
 * {@link Parse.NotUnderstood} with every stage's reason, in order: {@code "template: ...; grammar: ..."}.
 *
 * <p>Immutable and thread-safe when its stages and check are.
 *
 * @param <P> the program type
 */
public final class ParserChain<P> implements QuestionParser<P> {

    /** The chain's name in a "not understood" answer. */
    public static final String NAME = "chain";

    /** Checks a program before an untrusted stage's reading is accepted. */
    @FunctionalInterface
    public interface ProgramCheck<P> {
        /**
         * Checks a program.
         *
         * @param program the program
         * @return null when the program may be used, else what is wrong with it
         */
        String problem(P program);
    }

    /**
     * One stage of the chain.
     *
     * @param parser the parser
     * @param minConfidence readings below this confidence are passed on to the next stage
     * @param checked whether the stage's readings go through the chain's {@link ProgramCheck}
     * @param <P> the program type
     */
    public record Stage<P>(QuestionParser<P> parser, double minConfidence, boolean checked) {
        /** Checks the fields. */
        public Stage {
            Objects.requireNonNull(parser, "parser");
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0, 1], is " + minConfidence);
            }
        }

        /** A trusted stage that accepts every reading. */
        public static <P> Stage<P> of(QuestionParser<P> parser) {
            return new Stage<>(parser, 0, false);
        }
    }

    private final List<Stage<P>> stages;
    private final ProgramCheck<P> check;

    /**
     * Creates a chain.
     *
     * @param stages the stages, tried in order; at least one
     * @param check checks the readings of {@code checked} stages; may be null when no stage is checked
     */
    public ParserChain(List<Stage<P>> stages, ProgramCheck<P> check) {
        this.stages = List.copyOf(stages);
        if (this.stages.isEmpty()) {
            throw new IllegalArgumentException("a parser chain needs at least one stage");
        }
        for (Stage<P> s : this.stages) {
            if (s.checked() && check == null) {
                throw new IllegalArgumentException("stage " + s.parser().name() + " is checked but the chain has no check");
            }
        }
        this.check = check;
    }

    /** Returns the stages, in order. */
    public List<Stage<P>> stages() {
        return stages;
    }

    /** Returns a chain with one more stage at the end. */
    public ParserChain<P> then(Stage<P> stage) {
        List<Stage<P>> more = new ArrayList<>(stages);
        more.add(stage);
        return new ParserChain<>(more, check);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parse<P> parse(String question) {
        StringBuilder reasons = new StringBuilder();
        for (Stage<P> s : stages) {
            String name = s.parser().name();
            Parse<P> r;
            try {
                r = s.parser().parse(question);
            } catch (RuntimeException e) {
                // a stage that fails (a model that cannot run) must not stop the chain
                r = new Parse.NotUnderstood<>(name, "failed: " + e.getMessage());
            }
            String why;
            if (r instanceof Parse.Parsed<P> p) {
                if (p.confidence() < s.minConfidence()) {
                    why = String.format(java.util.Locale.ROOT, "confidence %.2f below %.2f", p.confidence(),
                            s.minConfidence());
                } else if (s.checked() && (why = check.problem(p.program())) != null) {
                    why = "program refused: " + why;
                } else {
                    return p;
                }
            } else {
                why = ((Parse.NotUnderstood<P>) r).reason();
            }
            if (reasons.length() > 0) {
                reasons.append("; ");
            }
            reasons.append(name).append(": ").append(why);
        }
        return new Parse.NotUnderstood<>(NAME, reasons.toString());
    }
}
