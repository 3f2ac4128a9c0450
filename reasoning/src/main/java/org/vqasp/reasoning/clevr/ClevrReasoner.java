package org.vqasp.reasoning.clevr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.ExplainedAnswer;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Answers CLEVR programs over CLEVR scenes with an ASP theory (by default the bundled one).
 *
 * <p>Questions about the same scene are best answered together ({@link #answerAll}): clingo's cost per
 * call is dominated by preparing the theory's rules, so one call for a scene's questions is several times
 * faster than one call each. Thread-safe: every call solves with its own clingo control.
 */
public final class ClevrReasoner {

    private final Reasoner reasoner;

    /** Creates a reasoner over the bundled CLEVR theory. */
    public ClevrReasoner() {
        this(new Reasoner(Theory.clevr()));
    }

    /** Creates a CLEVR reasoner over a configured generic reasoner (another theory, time limit). */
    public ClevrReasoner(Reasoner reasoner) {
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
    }

    /** Returns the generic reasoner underneath. */
    public Reasoner reasoner() {
        return reasoner;
    }

    /**
     * Answers a program over a scene.
     *
     * @return the answer as a CLEVR string ({@code "yes"}, {@code "3"}, {@code "large"})
     * @throws VqaspException whose kind names why there is no single answer: {@code unique} (zero or
     *     several objects), {@code unknown_function}, {@code type}, {@code no_answer}, {@code ambiguous}, ...
     */
    public String answer(ClevrScene scene, Program program) {
        return explain(scene, program, false).answer();
    }

    /**
     * Answers a program over a scene, keeping the intermediate atoms when asked.
     *
     * @param explain whether to keep the intermediate atoms ({@code set/2}, {@code the/2}, {@code val/2})
     * @throws VqaspException as {@link #answer}
     */
    public ExplainedAnswer explain(ClevrScene scene, Program program, boolean explain) {
        Facts facts = new Facts();
        ClevrSceneEncoder.encode(scene, 0, facts);
        ClevrProgramEncoder.encode(program, 0, 0, facts);
        Reasoner.Outcome out = reasoner.solve(facts.toString(), explain);
        return new ExplainedAnswer(single(out, 0, program), out);
    }

    /**
     * Answers a program over a scene predicted with probabilities: the answer in the most likely scene in
     * which the question makes sense (every step well defined, an answer derived), found by clingo's
     * optimisation over weighted choices (see {@link ProbabilisticSceneEncoder}). When no scene makes sense
     * of the question, the answer (or error) over the plain most-likely-value scene is returned.
     *
     * @param scene a scene whose objects carry confidences and attribute distributions
     * @param program the program
     * @param explain whether to keep the intermediate atoms and the chosen scene ({@code object/2},
     *     {@code has/3})
     * @return the answer and the optimal answer set
     * @throws VqaspException as {@link #answer} when even the plain scene gives no answer
     */
    public ExplainedAnswer answerLikely(ClevrScene scene, Program program, boolean explain) {
        Facts facts = new Facts();
        ProbabilisticSceneEncoder.encode(scene, 0, facts);
        ClevrProgramEncoder.encode(program, 0, 0, facts);
        String text = facts + ProbabilisticSceneEncoder.RULES + ProbabilisticSceneEncoder.PRESUPPOSITIONS
                + (explain ? "#show object/2. #show has/3.\n" : "");
        Reasoner.Outcome out = reasoner.solve(text, explain, true);
        if (out.models().isEmpty()) {
            return explain(scene, program, explain);
        }
        return new ExplainedAnswer(single(out, 0, program), out);
    }

    /** Answers several programs over one scene in one clingo call; see {@link #answerAll(List)}. */
    public List<Answer> answerAll(ClevrScene scene, List<Program> programs) {
        List<Question> qs = new ArrayList<>(programs.size());
        for (Program p : programs) {
            qs.add(new Question(scene, p));
        }
        return answerAll(qs);
    }

    /**
     * Answers several questions, over one scene or several, in one clingo call. A question that fails gets
     * its own error; the others are answered. If the call as a whole fails (a theory that does not ground),
     * each question is tried alone so the failure stays with the question that caused it.
     *
     * @param questions the questions with their scenes (a scene shared by several questions is encoded once)
     * @return one answer or error per question, in order
     */
    public List<Answer> answerAll(List<Question> questions) {
        Facts facts = new Facts();
        List<Answer> out = new ArrayList<>(questions.size());
        try {
            Map<ClevrScene, Integer> images = new IdentityHashMap<>();
            for (int j = 0; j < questions.size(); j++) {
                Question q = questions.get(j);
                Integer w = images.get(q.scene());
                if (w == null) {
                    w = images.size();
                    images.put(q.scene(), w);
                    ClevrSceneEncoder.encode(q.scene(), w, facts);
                }
                ClevrProgramEncoder.encode(q.program(), j, w, facts);
            }
            Reasoner.Outcome o = reasoner.solve(facts.toString(), false);
            for (int j = 0; j < questions.size(); j++) {
                try {
                    out.add(Answer.of(single(o, j, questions.get(j).program())));
                } catch (VqaspException e) {
                    out.add(Answer.failed(e));
                }
            }
            return out;
        } catch (VqaspException e) {
            if (questions.size() == 1) {
                return List.of(Answer.failed(e));
            }
            out.clear();
            for (Question q : questions) {
                out.add(answerAll(List.of(q)).get(0));
            }
            return out;
        }
    }

    /**
     * Translates programs to ASP and grounds them with the theory against an empty scene, reporting what
     * does not compile: clingo errors, and the theory's errors that do not depend on the scene (unknown
     * functions and values, wrong input types or counts, a last step without an answer).
     *
     * @param programs the programs
     * @return per program, null when it compiles, else the first problem
     */
    public List<VqaspException> checkAll(List<Program> programs) {
        Facts facts = new Facts();
        List<VqaspException> out = new ArrayList<>(programs.size());
        try {
            for (int j = 0; j < programs.size(); j++) {
                ClevrProgramEncoder.encode(programs.get(j), j, 0, facts);
            }
            Reasoner.Outcome o = reasoner.solve(facts.toString(), false);
            for (int j = 0; j < programs.size(); j++) {
                try {
                    single(o, j, programs.get(j));
                    out.add(null);
                } catch (VqaspException e) {
                    boolean sceneDependent = e.kind().equals("unique") || e.kind().equals("no_answer")
                            || e.kind().equals("tie") || e.kind().equals("no_position") || e.kind().equals("pair");
                    out.add(sceneDependent ? null : e);
                }
            }
            return out;
        } catch (VqaspException e) {
            if (programs.size() == 1) {
                return Collections.singletonList(e);
            }
            out.clear();
            for (Program p : programs) {
                out.add(checkAll(List.of(p)).get(0));
            }
            return out;
        }
    }

    /**
     * Returns the single answer of the {@code j}-th program of a batch, or throws naming its first failing step.
     */
    static String single(Reasoner.Outcome out, int j, Program program) {
        int base = j * ClevrProgramEncoder.STRIDE;
        Reasoner.StepError first = null;
        for (Reasoner.StepError e : out.errors()) {
            int s = stepNumber(e.step());
            if (s >= base && s < base + ClevrProgramEncoder.STRIDE
                    && (first == null || s < stepNumber(first.step()))) {
                first = e;
            }
        }
        if (first != null) {
            throw new VqaspException(first.kind(), describe(first, stepNumber(first.step()) - base, program));
        }
        List<Symbol> answers = out.answersOf(Symbol.number(base + program.size() - 1));
        if (answers.size() == 1) {
            return answers.get(0).asText();
        }
        if (answers.isEmpty()) {
            throw new VqaspException("no_answer", "the theory derived no answer (solving: "
                    + out.status().name().toLowerCase() + ")");
        }
        throw new VqaspException("ambiguous", "the theory derived " + answers.size() + " answers: " + answers);
    }

    private static int stepNumber(Symbol s) {
        return s.type() == Symbol.Type.NUMBER ? s.number() : -1;
    }

    private static String describe(Reasoner.StepError e, int step, Program program) {
        String fn = step >= 0 && step < program.size() ? program.step(step).function() : "?";
        String where = "step " + step + " (" + fn + ")";
        return switch (e.kind()) {
            case "unique" -> where + ": found " + e.detail() + " objects, expected exactly one";
            case "unknown_function" -> where + ": unknown function \"" + e.detail().asText() + "\"";
            case "unknown_value" -> where + ": unknown value \"" + e.detail().asText() + "\"";
            case "unknown_relation" -> where + ": unknown relation \"" + e.detail().asText() + "\"";
            case "missing_value" -> where + ": missing value input";
            case "inputs" -> where + ": takes " + e.detail() + " inputs, which is the wrong number for "
                    + fn;
            case "type" -> where + ": the output of step " + (stepNumber(e.detail()) % ClevrProgramEncoder.STRIDE)
                    + " has the wrong type for " + fn;
            case "not_terminal" -> where + ": the last step does not produce an answer";
            case "tie" -> where + ": " + (e.detail().asText().equals("0") ? "no objects to take the most common value of"
                    : "no single most common value (" + e.detail() + " tie)");
            case "no_position" -> where + ": object " + e.detail() + " has no position";
            case "pair" -> where + ": expected two objects to look between, found " + e.detail();
            default -> where + ": " + e.kind() + " " + e.detail();
        };
    }

    /**
     * A question for a batch: a program and the scene it asks about.
     *
     * @param scene the scene
     * @param program the program
     */
    public record Question(ClevrScene scene, Program program) {

        /** Checks the fields. */
        public Question {
            Objects.requireNonNull(scene, "scene");
            Objects.requireNonNull(program, "program");
        }
    }
}
