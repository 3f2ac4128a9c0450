package org.vqasp.distill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vqasp.reasoning.Reading;

/**
 * What a program answers to an example. An answer counts only when it is the single answer of the program: every
 * answer set read derives it and nothing else, and no step error.
 *
 * @param derived the single answer, or null
 * @param error why there is no single answer ("no answer", "2 answers: ...", a step error), or null
 * @param correct true when the single answer is the expected one
 */
public record Verdict(String derived, String error, boolean correct) {

    /** Checks that a correct verdict has an answer. */
    public Verdict {
        if (correct && derived == null) {
            throw new IllegalArgumentException("a correct verdict needs an answer");
        }
    }

    /** Returns a verdict for a failed run: no answer, for the given reason. */
    public static Verdict failed(String why) {
        return new Verdict(null, Objects.requireNonNull(why, "why"), false);
    }

    /**
     * Combines the readings of every answer set read into one verdict.
     *
     * @param example the example
     * @param readings one reading per answer set (none when the program has no answer set)
     * @return the verdict
     */
    public static Verdict of(Example example, List<Reading> readings) {
        if (readings.isEmpty()) {
            return failed("no answer: the program has no answer set");
        }
        Set<String> all = new LinkedHashSet<>();
        for (Reading r : readings) {
            if (r.error() != null) {
                return failed(r.error().getMessage());
            }
            all.addAll(r.answers());
        }
        boolean everyOne = readings.stream().allMatch(r -> r.answers().size() == 1);
        if (all.size() == 1 && everyOne) {
            String a = all.iterator().next();
            return new Verdict(a, null, example.matches(a));
        }
        if (all.isEmpty()) {
            return failed("no answer: the program derives no answer");
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(null);
        if (all.size() == 1) {
            return failed("no single answer: some answer sets derive " + sorted.get(0) + ", others nothing");
        }
        return failed("no single answer: the program derives " + all.size() + " answers: " + String.join(", ", sorted));
    }

    /** Returns the derived answer, or the error, for messages. */
    public String describe() {
        return derived != null ? derived : error;
    }
}
