package org.vqasp.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One proposal and its repairs: the task, then each reply with the feedback it got. A fresh proposal starts a new
 * dialogue with no turns.
 *
 * @param task the task
 * @param attempt which fresh proposal this is for the task, from 0
 * @param turns the replies so far, each with its feedback
 */
public record Dialogue(Task task, int attempt, List<Turn> turns) {

    /** Checks the fields and copies the list. */
    public Dialogue {
        Objects.requireNonNull(task, "task");
        turns = List.copyOf(turns);
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, was " + attempt);
        }
    }

    /** Starts the {@code attempt}-th fresh proposal for a task. */
    public static Dialogue start(Task task, int attempt) {
        return new Dialogue(task, attempt, List.of());
    }

    /** Returns this dialogue with one more turn. */
    public Dialogue then(String reply, Feedback feedback) {
        List<Turn> t = new ArrayList<>(turns);
        t.add(new Turn(reply, feedback));
        return new Dialogue(task, attempt, t);
    }

    /**
     * A reply and what the checks said of it.
     *
     * @param reply the proposer's reply, verbatim
     * @param feedback the feedback it got
     */
    public record Turn(String reply, Feedback feedback) {

        /** Checks the fields. */
        public Turn {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(feedback, "feedback");
        }
    }
}
