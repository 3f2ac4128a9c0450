package org.vqasp.reasoning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * What answer sets say of the program in one slot of a call: the distinct answers derived for its goal and its
 * first step error, read back the one way every caller does (the reasoners over an {@link Reasoner.Outcome},
 * distillation over each answer set of a guarded run). The first error is a program error if there is one (see
 * {@link AspDataset#isProgramError}), else the error of the earliest step.
 *
 * @param answers the distinct answers, as the dataset writes them
 * @param error the first step error, described; an {@link InputException} for a program error; or null
 */
public record Reading(Set<String> answers, VqaspException error) {

    /** Copies the answers. */
    public Reading {
        answers = Collections.unmodifiableSet(new LinkedHashSet<>(answers));
    }

    /**
     * Reads a slot out of an outcome (over all the answer sets it read).
     *
     * @param dataset the dataset
     * @param program the slot's program
     * @param slot the slot
     * @param outcome the outcome
     * @param <P> the program type
     * @return the reading
     */
    public static <P> Reading of(AspDataset<?, P> dataset, P program, int slot, Reasoner.Outcome outcome) {
        Symbol goal = Symbol.number(slot * dataset.stride() + dataset.steps(program) - 1);
        return of(dataset, program, slot, outcome.answersOf(goal), outcome.errors());
    }

    /**
     * Reads a slot out of one answer set's atoms.
     *
     * @param dataset the dataset
     * @param program the slot's program
     * @param slot the slot
     * @param atoms the answer set's shown atoms
     * @param <P> the program type
     * @return the reading
     */
    public static <P> Reading of(AspDataset<?, P> dataset, P program, int slot, List<Symbol> atoms) {
        int goal = slot * dataset.stride() + dataset.steps(program) - 1;
        List<Symbol> answers = new ArrayList<>();
        List<Reasoner.StepError> errors = new ArrayList<>();
        for (Symbol a : atoms) {
            if (a.is("answer", 2) && a.arg(0).isNumber() && a.arg(0).number() == goal) {
                answers.add(a.arg(1));
            } else if (a.is("error", 3)) {
                errors.add(Reasoner.StepError.of(a));
            }
        }
        return of(dataset, program, slot, answers, errors);
    }

    private static <P> Reading of(AspDataset<?, P> dataset, P program, int slot, Collection<Symbol> goalAnswers,
            Collection<Reasoner.StepError> errors) {
        int base = slot * dataset.stride();
        Reasoner.StepError first = null;
        int firstStep = -1;
        boolean firstProgram = false;
        for (Reasoner.StepError e : errors) {
            int s = e.step().isNumber() ? e.step().number() : -1;
            if (s < base || s >= base + dataset.stride()) {
                continue;
            }
            boolean ofProgram = dataset.isProgramError(e.kind());
            if (first == null || ofProgram && !firstProgram || ofProgram == firstProgram && s < firstStep) {
                first = e;
                firstStep = s;
                firstProgram = ofProgram;
            }
        }
        VqaspException error = null;
        if (first != null) {
            String message = dataset.describe(first, firstStep - base, slot, program);
            error = firstProgram ? new InputException(first.kind(), message) : new VqaspException(first.kind(), message);
        }
        Set<String> answers = new LinkedHashSet<>();
        for (Symbol a : goalAnswers) {
            answers.add(dataset.answerText(program, a));
        }
        return new Reading(answers, error);
    }

    /**
     * Returns the single answer, or throws saying why there is none.
     *
     * @param solving how solving ended, for the message when nothing was derived
     * @return the answer
     * @throws VqaspException the step error; {@link ErrorKind#NO_ANSWER} when nothing was derived;
     *     {@link ErrorKind#AMBIGUOUS} when several answers were
     */
    public String single(String solving) {
        if (error != null) {
            throw error;
        }
        if (answers.size() == 1) {
            return answers.iterator().next();
        }
        if (answers.isEmpty()) {
            throw new VqaspException(ErrorKind.NO_ANSWER, "the theory derived no answer (solving: " + solving + ")");
        }
        throw new VqaspException(ErrorKind.AMBIGUOUS, "the theory derived " + answers.size() + " answers: "
                + String.join(", ", answers));
    }
}
