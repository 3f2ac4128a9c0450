package org.vqasp.reasoning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vqasp.reasoning.clingo.AnswerSet;
import org.vqasp.reasoning.clingo.ClingoMessage;
import org.vqasp.reasoning.clingo.Control;
import org.vqasp.reasoning.clingo.SolveHandle;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Runs a theory over facts with clingo and reads back {@code answer/1} and {@code error/3}.
 *
 * <p>Each call makes its own clingo control, so a reasoner may be shared by many threads: every thread works
 * on its own control, in its own copy of the clingo library (see {@code LibraryPool}). The theory is trusted (bundled or already checked): grounding
 * cannot be interrupted, so untrusted programs go through a guarded child process instead.
 */
public final class Reasoner {

    /** The default time limit for solving one question. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private static final String EXPLAIN_SHOWS = "#show set/2. #show the/2. #show val/2. #show step/2.\n";

    private final Theory theory;
    private final Duration timeLimit;
    private final int maxModels;

    /**
     * Creates a reasoner.
     *
     * @param theory the theory
     * @param timeLimit the solving time limit per call
     * @param maxModels the most answer sets to read per call (a stratified theory has one)
     */
    public Reasoner(Theory theory, Duration timeLimit, int maxModels) {
        this.theory = Objects.requireNonNull(theory, "theory");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxModels < 1) {
            throw new IllegalArgumentException("maxModels must be at least 1, was " + maxModels);
        }
        this.maxModels = maxModels;
    }

    /** Creates a reasoner with the default time limit, reading up to 8 answer sets. */
    public Reasoner(Theory theory) {
        this(theory, DEFAULT_TIME_LIMIT, 8);
    }

    /** Returns the theory. */
    public Theory theory() {
        return theory;
    }

    /**
     * Solves the theory with the given facts.
     *
     * @param facts the scene and program facts (one or several questions)
     * @param explain also show the intermediate atoms {@code set/2}, {@code the/2}, {@code val/2}
     * @return the answers per goal step, step errors and answer sets
     * @throws org.vqasp.reasoning.clingo.ClingoException when the program does not parse or ground
     */
    public Outcome solve(String facts, boolean explain) {
        return solve(facts, explain, false);
    }

    /**
     * Solves the theory with the given facts, optionally as an optimisation problem.
     *
     * <p>With {@code optimize}, the facts carry weak constraints (such as a probabilistic scene's costs):
     * clingo searches until the optimum is proved (or the time limit passes) and only the best answer set
     * found is read.
     *
     * @param facts the scene and program facts, possibly with choice rules and weak constraints
     * @param explain also show the intermediate atoms
     * @param optimize read only the best answer set
     * @return the answers per goal step, step errors and the answer sets read
     * @throws org.vqasp.reasoning.clingo.ClingoException when the program does not parse or ground
     */
    public Outcome solve(String facts, boolean explain, boolean optimize) {
        List<String> args = optimize ? List.of("--opt-mode=opt", "--models=0") : List.of("--models=" + maxModels);
        try (Control ctl = Control.create(args)) {
            List<ClingoMessage> messages = new ArrayList<>(ctl.add("base", theory.text()));
            messages.addAll(ctl.add("base", explain ? facts + EXPLAIN_SHOWS : facts));
            messages.addAll(ctl.ground("base"));
            Control.SolveResult r = ctl.solve(timeLimit, optimize ? 0 : maxModels);
            messages.addAll(r.messages());
            List<AnswerSet> read = optimize && !r.models().isEmpty()
                    ? List.of(r.models().get(r.models().size() - 1)) : r.models();
            Map<Symbol, Set<Symbol>> answers = new LinkedHashMap<>();
            Set<StepError> errors = new LinkedHashSet<>();
            for (AnswerSet m : read) {
                for (Symbol s : m.symbols()) {
                    if (s.is("answer", 2)) {
                        answers.computeIfAbsent(s.arg(0), k -> new LinkedHashSet<>()).add(s.arg(1));
                    } else if (s.is("error", 3)) {
                        errors.add(StepError.of(s));
                    }
                }
            }
            Map<Symbol, List<Symbol>> frozen = new LinkedHashMap<>();
            answers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new Outcome(frozen, List.copyOf(errors), read, r.status(), messages);
        }
    }

    /**
     * A step the theory could not evaluate.
     *
     * @param step the step term as encoded (a number for CLEVR and GQA programs)
     * @param kind the error kind the theory derived, such as {@code unique}
     * @param detail the detail term, such as the number of objects found
     */
    public record StepError(Symbol step, String kind, Symbol detail) {

        /** Returns the error an {@code error(S,Kind,Detail)} atom states. */
        public static StepError of(Symbol atom) {
            return new StepError(atom.arg(0), atom.arg(1).asText(), atom.arg(2));
        }
    }

    /**
     * What solving produced.
     *
     * @param answers for each goal step, the distinct answers over all answer sets read
     * @param errors the distinct step errors over all answer sets read
     * @param models the answer sets read
     * @param status how solving ended
     * @param messages every message clingo logged
     */
    public record Outcome(Map<Symbol, List<Symbol>> answers, List<StepError> errors, List<AnswerSet> models,
            SolveHandle.Status status, List<ClingoMessage> messages) {

        /** Copies the collections. */
        public Outcome {
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            errors = List.copyOf(errors);
            models = List.copyOf(models);
            messages = List.copyOf(messages);
        }

        /** Returns the answers derived for a goal step (empty when none). */
        public List<Symbol> answersOf(Symbol goal) {
            return answers.getOrDefault(goal, List.of());
        }
    }
}
