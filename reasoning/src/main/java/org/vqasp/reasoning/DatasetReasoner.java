package org.vqasp.reasoning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vqasp.core.VqaspException;

/**
 * Answers a dataset's programs over its scenes with its ASP theory, through the dataset's {@link AspDataset}
 * alone: encode the scenes and programs, solve, read each program's answer back.
 *
 * <p>Questions are best answered many to a call ({@link #answerAll}): clingo's cost per call is dominated by
 * preparing the theory's rules. A question that fails gets its own error; if a call fails as a whole (a theory
 * that does not ground), each question is tried alone so that the failure stays with the question that caused it.
 * Thread-safe: every call solves with its own clingo control.
 *
 * @param <S> the scene type
 * @param <P> the program type
 */
public class DatasetReasoner<S, P> {

    private final AspDataset<S, P> dataset;
    private final Reasoner reasoner;

    /**
     * Creates a reasoner.
     *
     * @param dataset the dataset
     * @param reasoner the generic reasoner (its theory, time limit)
     */
    public DatasetReasoner(AspDataset<S, P> dataset, Reasoner reasoner) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.reasoner = Objects.requireNonNull(reasoner, "reasoner");
    }

    /** Returns the dataset. */
    public final AspDataset<S, P> dataset() {
        return dataset;
    }

    /** Returns the generic reasoner underneath. */
    public final Reasoner reasoner() {
        return reasoner;
    }

    /**
     * Answers a program over a scene.
     *
     * @return the answer as the dataset writes it ({@code "yes"}, {@code "3"}, {@code "large"})
     * @throws VqaspException whose kind names why there is no single answer: a step error the theory derived
     *     (such as {@code unique}), {@code no_answer} or {@code ambiguous}
     */
    public String answer(S scene, P program) {
        return explain(scene, program, false).answer();
    }

    /**
     * Answers a program over a scene, keeping the intermediate atoms when asked.
     *
     * @param explain whether to keep the intermediate atoms ({@code set/2}, {@code the/2}, {@code val/2})
     * @throws VqaspException as {@link #answer}
     */
    public ExplainedAnswer explain(S scene, P program, boolean explain) {
        Reasoner.Outcome out = solve(scene, program, explain);
        return new ExplainedAnswer(single(out, 0, program), out);
    }

    /**
     * Solves a program over a scene with explanations on and returns what solving produced, whether or not it
     * derived a single answer: the trace of a question that failed shows the step where it went wrong.
     *
     * @throws VqaspException only when the program cannot be encoded or the call fails as a whole
     */
    public Reasoner.Outcome trace(S scene, P program) {
        return solve(scene, program, true);
    }

    private Reasoner.Outcome solve(S scene, P program, boolean explain) {
        Facts facts = new Facts();
        dataset.encodeScene(scene, 0, facts);
        dataset.encodeProgram(program, 0, 0, facts);
        return reasoner.solve(facts.toString(), explain);
    }

    /** Returns the single answer of the program in a slot of an outcome, or throws naming why there is none. */
    protected final String single(Reasoner.Outcome out, int slot, P program) {
        return Reading.of(dataset, program, slot, out).single(out.status().name().toLowerCase());
    }

    /** Answers several programs over one scene in one clingo call; see {@link #answerAll(List)}. */
    public List<Answer> answerAll(S scene, List<P> programs) {
        List<Question<S, P>> qs = new ArrayList<>(programs.size());
        for (P p : programs) {
            qs.add(new Question<>(scene, p));
        }
        return answerAll(qs);
    }

    /**
     * Answers several questions, over one scene or several: in one clingo call when the dataset numbers scenes
     * apart, else one call per scene.
     *
     * @param questions the questions with their scenes (a scene shared by several questions is encoded once)
     * @return one answer or error per question, in order
     */
    public List<Answer> answerAll(List<Question<S, P>> questions) {
        if (dataset.scenesNumberedApart()) {
            return answerCall(questions);
        }
        Map<S, Integer> group = new IdentityHashMap<>();
        List<List<Integer>> groups = new ArrayList<>();
        for (int j = 0; j < questions.size(); j++) {
            Integer g = group.get(questions.get(j).scene());
            if (g == null) {
                g = groups.size();
                group.put(questions.get(j).scene(), g);
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(j);
        }
        List<Answer> out = new ArrayList<>(Collections.nCopies(questions.size(), (Answer) null));
        for (List<Integer> positions : groups) {
            List<Question<S, P>> call = new ArrayList<>(positions.size());
            positions.forEach(j -> call.add(questions.get(j)));
            List<Answer> got = answerCall(call);
            for (int k = 0; k < got.size(); k++) {
                out.set(positions.get(k), got.get(k));
            }
        }
        return out;
    }

    /** Answers questions in one call (their scenes numbered apart, or all the same scene). */
    private List<Answer> answerCall(List<Question<S, P>> questions) {
        List<Answer> out = new ArrayList<>(Collections.nCopies(questions.size(), (Answer) null));
        StringBuilder batch = new StringBuilder();
        try {
            Map<S, Integer> images = new IdentityHashMap<>();
            for (int j = 0; j < questions.size(); j++) {
                Question<S, P> q = questions.get(j);
                Integer w = images.get(q.scene());
                if (w == null) {
                    w = images.size();
                    images.put(q.scene(), w);
                    Facts scene = new Facts();
                    dataset.encodeScene(q.scene(), w, scene);
                    batch.append(scene);
                }
                Facts program = new Facts();
                try {
                    dataset.encodeProgram(q.program(), j, w, program);
                    batch.append(program);
                } catch (VqaspException e) {
                    out.set(j, Answer.failed(e));
                }
            }
            Reasoner.Outcome o = reasoner.solve(batch.toString(), false);
            for (int j = 0; j < questions.size(); j++) {
                if (out.get(j) == null) {
                    out.set(j, answerOf(o, j, questions.get(j).program()));
                }
            }
            return out;
        } catch (VqaspException e) {
            if (questions.size() == 1) {
                return List.of(out.get(0) != null ? out.get(0) : Answer.failed(e));
            }
            List<Answer> alone = new ArrayList<>(questions.size());
            for (Question<S, P> q : questions) {
                alone.add(answerCall(List.of(q)).get(0));
            }
            return alone;
        }
    }

    private Answer answerOf(Reasoner.Outcome o, int slot, P program) {
        try {
            return Answer.of(single(o, slot, program));
        } catch (VqaspException e) {
            return Answer.failed(e);
        }
    }

    /**
     * Checks that a program translates and grounds with the theory against an empty scene, and that the theory
     * finds no {@linkplain AspDataset#isProgramError program error} in it: the check a program from an untrusted
     * source (a parser, a language model) passes before it is answered.
     *
     * @param program the program
     * @return the first problem, or empty when the program is fine
     */
    public Optional<VqaspException> check(P program) {
        return checkAll(List.of(program)).get(0);
    }

    /**
     * Checks several programs in one clingo call (each alone when the call fails), as {@link #check}.
     *
     * @param programs the programs
     * @return one result per program, in order: the first problem, or empty
     */
    public List<Optional<VqaspException>> checkAll(List<P> programs) {
        List<VqaspException> encoding = new ArrayList<>(Collections.nCopies(programs.size(), (VqaspException) null));
        Facts scene = new Facts();
        dataset.encodeScene(dataset.emptyScene(), 0, scene);
        StringBuilder batch = new StringBuilder(scene.toString());
        for (int j = 0; j < programs.size(); j++) {
            Facts f = new Facts();
            try {
                dataset.encodeProgram(programs.get(j), j, 0, f);
                batch.append(f);
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
            List<Optional<VqaspException>> alone = new ArrayList<>(programs.size());
            for (P p : programs) {
                alone.add(check(p));
            }
            return alone;
        }
        List<Optional<VqaspException>> out = new ArrayList<>(programs.size());
        for (int j = 0; j < programs.size(); j++) {
            if (encoding.get(j) != null) {
                out.add(Optional.of(encoding.get(j)));
                continue;
            }
            VqaspException e = Reading.of(dataset, programs.get(j), j, o).error();
            out.add(e != null && dataset.isProgramError(e.kind()) ? Optional.of(e) : Optional.empty());
        }
        return out;
    }

    /**
     * A question for a batch: a program and the scene it asks about.
     *
     * @param scene the scene
     * @param program the program
     * @param <S> the scene type
     * @param <P> the program type
     */
    public record Question<S, P>(S scene, P program) {

        /** Checks the fields. */
        public Question {
            Objects.requireNonNull(scene, "scene");
            Objects.requireNonNull(program, "program");
        }
    }
}
