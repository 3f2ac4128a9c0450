package org.vqasp.reasoning.gqa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.ExplainedAnswer;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Answers GQA semantic programs over GQA scene graphs with an ASP theory (by default the bundled
 * {@code asp-rules/gqa/theory.lp}).
 *
 * <p>Questions about the same image are best answered together ({@link #answerAll}): clingo's cost per call is
 * dominated by preparing the theory's rules. Errors carry a kind: {@code missing_object} when a program selects
 * an object the scene graph has neither by class nor by its annotated id (an annotation gap), {@code empty},
 * {@code missing_attribute}, {@code missing_relation}, {@code ambiguous} and {@code no_answer} when the graph
 * does not support one answer, and the {@linkplain #PROGRAM_ERRORS program errors} whatever the graph.
 * Thread-safe: every call solves with its own clingo control.
 */
public final class GqaReasoner {

    /** Error kinds that belong to the program rather than the scene graph: what {@link #check} reports. */
    public static final Set<String> PROGRAM_ERRORS = Set.of("bad_program", "unknown_operation", "inputs", "type",
            "missing_value", "unknown_category", "not_terminal");

    private final Reasoner reasoner;
    private final GqaVocabulary vocabulary;

    /** Creates a reasoner over the bundled GQA theory and vocabularies. */
    public GqaReasoner() {
        this(new Reasoner(theory()), GqaVocabulary.bundled());
    }

    /** Creates a GQA reasoner over a configured generic reasoner (another theory, time limit). */
    public GqaReasoner(Reasoner reasoner, GqaVocabulary vocabulary) {
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /** Returns the bundled GQA theory ({@code asp-rules/gqa/theory.lp}). */
    public static Theory theory() {
        return Theory.resource("gqa/theory.lp");
    }

    /** Returns the generic reasoner underneath. */
    public Reasoner reasoner() {
        return reasoner;
    }

    /**
     * Answers a program over a scene graph.
     *
     * @return the answer as GQA writes it ({@code "yes"}, {@code "pipe"}, {@code "left"})
     * @throws VqaspException whose kind names why there is no single answer
     */
    public String answer(GqaSceneGraph graph, List<GqaOperation> program) {
        return explain(graph, program, false).answer();
    }

    /**
     * Answers a program over a scene graph, keeping the intermediate atoms when asked.
     *
     * @param explain whether to keep the intermediate atoms ({@code set/2}, {@code val/2})
     * @throws VqaspException as {@link #answer}
     */
    public ExplainedAnswer explain(GqaSceneGraph graph, List<GqaOperation> program, boolean explain) {
        Facts facts = GqaSceneEncoder.encode(graph, vocabulary, new Facts());
        GqaProgramEncoder.encode(program, 0, vocabulary, facts);
        Reasoner.Outcome out = reasoner.solve(facts.toString(), explain);
        return new ExplainedAnswer(single(out, 0, program), out);
    }

    /**
     * Answers several programs over one scene graph in one clingo call. A program that fails gets its own error;
     * the others are answered. If the call as a whole fails (a theory that does not ground), each program is
     * tried alone so the failure stays with the program that caused it.
     *
     * @param graph the scene graph
     * @param programs the programs
     * @return one outcome per program, in order
     */
    public List<Answer> answerAll(GqaSceneGraph graph, List<List<GqaOperation>> programs) {
        String scene = GqaSceneEncoder.encode(graph, vocabulary);
        List<Answer> out = new ArrayList<>(Collections.nCopies(programs.size(), (Answer) null));
        StringBuilder batch = new StringBuilder(scene);
        for (int j = 0; j < programs.size(); j++) {
            try {
                batch.append(GqaProgramEncoder.encode(programs.get(j), j, vocabulary, new Facts()));
            } catch (VqaspException e) {
                out.set(j, Answer.failed(e));
            }
        }
        try {
            Reasoner.Outcome o = reasoner.solve(batch.toString(), false);
            for (int j = 0; j < programs.size(); j++) {
                if (out.get(j) == null) {
                    try {
                        out.set(j, Answer.of(single(o, j, programs.get(j))));
                    } catch (VqaspException e) {
                        out.set(j, Answer.failed(e));
                    }
                }
            }
            return out;
        } catch (VqaspException e) {
            for (int j = 0; j < programs.size(); j++) {
                if (out.get(j) == null) {
                    try {
                        out.set(j, Answer.of(answer(graph, programs.get(j))));
                    } catch (VqaspException ex) {
                        out.set(j, Answer.failed(ex));
                    }
                }
            }
            return out;
        }
    }

    /**
     * Checks that a program translates and grounds with the theory against an empty scene graph, and that the
     * theory finds no {@linkplain #PROGRAM_ERRORS program error} in it.
     *
     * @param program the program
     * @return the first failure, or empty when the program is fine
     */
    public Optional<VqaspException> check(List<GqaOperation> program) {
        return checkAll(List.of(program)).get(0);
    }

    /**
     * Checks several programs in one clingo call (each alone when the call fails), as {@link #check}.
     *
     * @param programs the programs
     * @return one result per program, in order: the first failure, or empty
     */
    public List<Optional<VqaspException>> checkAll(List<List<GqaOperation>> programs) {
        GqaSceneGraph empty = GqaSceneGraph.empty("check");
        List<Optional<VqaspException>> out = new ArrayList<>(programs.size());
        StringBuilder batch = new StringBuilder(GqaSceneEncoder.encode(empty, vocabulary));
        List<VqaspException> encoding = new ArrayList<>(Collections.nCopies(programs.size(), (VqaspException) null));
        for (int j = 0; j < programs.size(); j++) {
            try {
                batch.append(GqaProgramEncoder.encode(programs.get(j), j, vocabulary, new Facts()));
            } catch (VqaspException e) {
                encoding.set(j, e);
            }
        }
        Reasoner.Outcome o;
        try {
            o = reasoner.solve(batch.toString(), false);
        } catch (VqaspException e) {
            if (programs.size() == 1) {
                return List.of(Optional.of(encoding.get(0) != null ? encoding.get(0) : e));
            }
            for (List<GqaOperation> p : programs) {
                out.add(check(p));
            }
            return out;
        }
        for (int j = 0; j < programs.size(); j++) {
            if (encoding.get(j) != null) {
                out.add(Optional.of(encoding.get(j)));
            } else {
                Reasoner.StepError first = firstError(o, j, true);
                out.add(first == null ? Optional.empty()
                        : Optional.of(new VqaspException(first.kind(), describe(first, j, programs.get(j)))));
            }
        }
        return out;
    }

    /** Returns the single answer of the {@code j}-th program of a batch, or throws naming its first failing step. */
    static String single(Reasoner.Outcome out, int j, List<GqaOperation> program) {
        Reasoner.StepError first = firstError(out, j, false);
        if (first != null) {
            VqaspException e = new VqaspException(first.kind(), describe(first, j, program));
            throw PROGRAM_ERRORS.contains(first.kind()) ? new InputException(first.kind(), e.getMessage()) : e;
        }
        int base = j * GqaProgramEncoder.STRIDE;
        boolean relation = "choose_rel".equals(GqaProgramEncoder.theoryOperation(program.get(program.size() - 1)));
        Set<String> answers = new LinkedHashSet<>();
        for (Symbol s : out.answersOf(Symbol.number(base + program.size() - 1))) {
            answers.add(relation ? GqaAnswers.relationAnswer(s.asText()) : s.asText());
        }
        if (answers.size() == 1) {
            return answers.iterator().next();
        }
        if (answers.isEmpty()) {
            throw new VqaspException("no_answer", "the theory derived no answer (solving: "
                    + out.status().name().toLowerCase() + ")");
        }
        throw new VqaspException("ambiguous", "the scene graph supports " + answers.size() + " answers: "
                + String.join(", ", answers));
    }

    /** Returns the error to report for a program: program errors first, then the earliest step's. */
    private static Reasoner.StepError firstError(Reasoner.Outcome out, int j, boolean programErrorsOnly) {
        int base = j * GqaProgramEncoder.STRIDE;
        Reasoner.StepError first = null;
        for (Reasoner.StepError e : out.errors()) {
            int s = stepNumber(e.step());
            if (s < base || s >= base + GqaProgramEncoder.STRIDE) {
                continue;
            }
            boolean program = PROGRAM_ERRORS.contains(e.kind());
            if (programErrorsOnly && !program) {
                continue;
            }
            if (first == null) {
                first = e;
                continue;
            }
            boolean firstProgram = PROGRAM_ERRORS.contains(first.kind());
            if (program && !firstProgram || program == firstProgram && s < stepNumber(first.step())) {
                first = e;
            }
        }
        return first;
    }

    private static int stepNumber(Symbol s) {
        return s.type() == Symbol.Type.NUMBER ? s.number() : -1;
    }

    private static String describe(Reasoner.StepError e, int j, List<GqaOperation> program) {
        int base = j * GqaProgramEncoder.STRIDE;
        int step = stepNumber(e.step()) - base;
        GqaOperation op = step >= 0 && step < program.size() ? program.get(step) : null;
        String where = "step " + step + (op == null ? "" : " (" + op.operation() + ": " + op.argument().strip() + ")");
        String detail = e.detail().asText();
        return switch (e.kind()) {
            case "missing_object" -> where + ": the scene graph has no " + detail
                    + " and not the annotated object: an annotation gap";
            case "empty" -> where + ": its input (step " + (stepNumber(e.detail()) - base) + ") is empty";
            case "missing_attribute" -> where + (detail.equals("none") ? ": the scene graph gives no value to report"
                    : ": the scene graph gives no " + detail + " value");
            case "missing_relation" -> where + ": no object stands in either relation";
            case "unknown_operation" -> where + ": unknown operation \"" + detail + "\"";
            case "inputs" -> where + ": has " + detail + " dependencies, the wrong number for this operation";
            case "type" -> where + ": the output of step " + (stepNumber(e.detail()) - base)
                    + " has the wrong type for this operation";
            case "missing_value" -> where + ": missing " + detail + " in the argument";
            case "unknown_category" -> where + ": unknown category \"" + detail + "\"";
            case "not_terminal" -> where + ": the last step gives a set of objects, not an answer";
            default -> where + ": " + e.kind() + " " + detail;
        };
    }
}
