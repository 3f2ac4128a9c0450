package org.vqasp.reasoning.gqa;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vqasp.core.gqa.GqaObject;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.clingo.AnswerSet;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Why the reasoner gave its answer to a GQA program: what each step produced in the answer set (the objects a
 * select, relate or filter kept; the value a query, verify or choose gave) and which objects the answer rests on
 * (the objects of the sets the answering steps read).
 *
 * @param steps one entry per program step
 * @param usedObjects the ids of the objects the answer rests on, in the order found
 */
public record GqaExplanation(List<Step> steps, Set<String> usedObjects) {

    /** Copies the collections. */
    public GqaExplanation {
        steps = List.copyOf(steps);
        usedObjects = Set.copyOf(new LinkedHashSet<>(usedObjects));
    }

    /**
     * What one step produced.
     *
     * @param index the step's index in the program
     * @param step the step
     * @param objects the ids of the objects it output, empty for a value
     * @param names the objects' names, in the same order
     * @param value the value it output, or null for objects
     */
    public record Step(int index, GqaOperation step, List<String> objects, List<String> names, String value) {

        /** Copies the lists. */
        public Step {
            objects = List.copyOf(objects);
            names = List.copyOf(names);
        }

        /** Returns the step as one line, such as {@code 1 filter color: white (0) -> 722332 wall}. */
        public String describe() {
            StringBuilder sb = new StringBuilder().append(index).append(' ').append(step.operation().strip());
            String a = step.argument().strip();
            sb.append(a.isEmpty() ? "" : ": " + a);
            if (!step.dependencies().isEmpty()) {
                sb.append(' ').append(step.dependencies().toString().replace('[', '(').replace(']', ')'));
            }
            sb.append(" -> ");
            if (value != null) {
                sb.append(value);
            } else if (objects.isEmpty()) {
                sb.append("no objects");
            } else {
                List<String> shown = new ArrayList<>();
                for (int i = 0; i < objects.size(); i++) {
                    shown.add(objects.get(i) + " " + names.get(i));
                }
                sb.append(String.join(", ", shown));
            }
            return sb.toString();
        }
    }

    /**
     * Reads the explanation of a single program (steps numbered from 0) out of an outcome solved with
     * explanations on ({@link GqaReasoner#explain}).
     *
     * @param program the program that was solved
     * @param graph the scene graph, for the objects' names
     * @param outcome the outcome
     */
    public static GqaExplanation of(List<GqaOperation> program, GqaSceneGraph graph, Reasoner.Outcome outcome) {
        Map<Integer, List<String>> sets = new TreeMap<>();
        Map<Integer, String> vals = new TreeMap<>();
        if (!outcome.models().isEmpty()) {
            AnswerSet m = outcome.models().get(0);
            for (Symbol s : m.atoms("set", 2)) {
                sets.computeIfAbsent(s.arg(0).number(), k -> new ArrayList<>()).add(s.arg(1).asText());
            }
            for (Symbol s : m.atoms("val", 2)) {
                vals.merge(s.arg(0).number(), s.arg(1).asText(), (x, y) -> x + ", " + y);
            }
        }
        Map<String, String> names = new TreeMap<>();
        for (GqaObject o : graph.objects().values()) {
            names.put(o.id(), o.name());
        }
        names.put(GqaSceneEncoder.SCENE, "(the image)");
        List<Step> steps = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (int i = 0; i < program.size(); i++) {
            GqaOperation op = program.get(i);
            List<String> objects = sets.getOrDefault(i, List.of()).stream().sorted().toList();
            List<String> named = objects.stream().map(o -> names.getOrDefault(o, "?")).toList();
            String value = sets.containsKey(i) ? null : vals.get(i);
            if (value == null && !sets.containsKey(i) && !isSetStep(op)) {
                value = "(nothing)";
            }
            steps.add(new Step(i, op, objects, named, value));
            if (!isSetStep(op)) {
                for (int d : op.dependencies()) {
                    for (String o : sets.getOrDefault(d, List.of())) {
                        if (!o.equals(GqaSceneEncoder.SCENE)) {
                            used.add(o);
                        }
                    }
                }
            }
        }
        return new GqaExplanation(steps, used);
    }

    /**
     * Solves a program with explanations on and reads what each step produced, also when the program has no
     * answer (an empty input, a missing attribute): the trace shows where it stopped.
     *
     * @param reasoner the reasoner (over the GQA theory)
     * @param graph the scene graph
     * @param program the program
     * @param vocabulary the hierarchies
     * @throws org.vqasp.core.InputException when the program cannot be encoded
     */
    public static GqaExplanation trace(Reasoner reasoner, GqaSceneGraph graph, List<GqaOperation> program,
            GqaVocabulary vocabulary) {
        String facts = GqaSceneEncoder.encode(graph, vocabulary) + GqaProgramEncoder.encode(program, vocabulary);
        return of(program, graph, reasoner.solve(facts, true));
    }

    private static boolean isSetStep(GqaOperation op) {
        String verb = op.verb();
        return verb.equals("select") || verb.equals("relate") || verb.equals("filter");
    }

    /** Returns one line per step. */
    public List<String> lines() {
        return steps.stream().map(Step::describe).toList();
    }
}
