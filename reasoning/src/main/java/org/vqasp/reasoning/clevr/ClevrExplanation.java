package org.vqasp.reasoning.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.clingo.AnswerSet;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Why the reasoner gave its answer: what each program step produced in the answer set (the objects a filter
 * kept, the object {@code unique} found, the value a query or count gave), and which objects the answer used
 * (the objects found by {@code unique} steps and the objects counted or tested for existence).
 *
 * @param steps one entry per program step
 * @param usedObjects the objects the answer depends on (scene indices)
 */
public record ClevrExplanation(List<Step> steps, Set<Integer> usedObjects) {

    private static final Set<String> COUNTING = Set.of("count", "exist", "filter_count", "filter_exist",
            "relate_filter_count", "relate_filter_exist");

    /** Copies the collections. */
    public ClevrExplanation {
        steps = List.copyOf(steps);
        usedObjects = Set.copyOf(usedObjects);
    }

    /**
     * What one step produced.
     *
     * @param index the step's index in the program
     * @param step the step
     * @param objects the objects it output (a set, or the one object), empty for a value
     * @param value the value it output, or null for objects
     * @param single whether it outputs one object rather than a set
     */
    public record Step(int index, ProgramStep step, List<Integer> objects, String value, boolean single) {

        /** Copies the objects. */
        public Step {
            objects = List.copyOf(objects);
        }

        /** Returns the step as one line, such as {@code 2 filter_color[red] (1) -> objects 0, 3}. */
        public String describe() {
            StringBuilder sb = new StringBuilder().append(index).append(' ').append(step.function());
            List<String> values = step.valueInputs().stream().filter(v -> !v.isEmpty()).toList();
            if (!values.isEmpty()) {
                sb.append(values);
            }
            if (!step.inputs().isEmpty()) {
                sb.append(' ').append(step.inputs().toString().replace('[', '(').replace(']', ')'));
            }
            sb.append(" -> ");
            if (value != null) {
                sb.append(value);
            } else if (single) {
                sb.append(objects.isEmpty() ? "no object" : "object " + objects.get(0));
            } else {
                sb.append(objects.isEmpty() ? "no objects" : (objects.size() == 1 ? "object " : "objects ")
                        + String.join(", ", objects.stream().map(String::valueOf).toList()));
            }
            return sb.toString();
        }
    }

    /**
     * Reads the explanation of a single question (steps numbered from 0, image 0) out of an outcome solved
     * with explanations on.
     *
     * @param program the program
     * @param outcome the outcome of {@link ClevrReasoner#explain} or {@link ClevrReasoner#answerLikely} with
     *     explanations
     */
    public static ClevrExplanation of(Program program, Reasoner.Outcome outcome) {
        TreeMap<Integer, TreeSet<Integer>> sets = new TreeMap<>();
        TreeMap<Integer, Integer> the = new TreeMap<>();
        TreeMap<Integer, String> vals = new TreeMap<>();
        if (!outcome.models().isEmpty()) {
            AnswerSet m = outcome.models().get(0);
            for (Symbol s : m.atoms("set", 2)) {
                sets.computeIfAbsent(s.arg(0).number(), k -> new TreeSet<>()).add(s.arg(1).number());
            }
            for (Symbol s : m.atoms("the", 2)) {
                the.put(s.arg(0).number(), s.arg(1).number());
            }
            for (Symbol s : m.atoms("val", 2)) {
                vals.put(s.arg(0).number(), s.arg(1).asText());
            }
        }
        List<Step> steps = new ArrayList<>();
        Set<Integer> used = new TreeSet<>(the.values());
        for (int i = 0; i < program.size(); i++) {
            ProgramStep ps = program.step(i);
            if (vals.containsKey(i)) {
                steps.add(new Step(i, ps, List.of(), vals.get(i), false));
            } else if (the.containsKey(i)) {
                steps.add(new Step(i, ps, List.of(the.get(i)), null, true));
            } else {
                boolean single = ps.function().endsWith("unique");
                steps.add(new Step(i, ps, new ArrayList<>(sets.getOrDefault(i, new TreeSet<>())), null, single));
            }
            if (COUNTING.contains(ps.function())) {
                for (int in : ps.inputs()) {
                    used.addAll(sets.getOrDefault(in, new TreeSet<>()));
                }
            }
        }
        return new ClevrExplanation(steps, used);
    }

    /** Returns one line per step. */
    public List<String> lines() {
        return steps.stream().map(Step::describe).toList();
    }
}
