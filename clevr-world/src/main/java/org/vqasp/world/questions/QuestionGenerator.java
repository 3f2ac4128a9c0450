package org.vqasp.world.questions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.questions.ProgramValue.ObjectSet;
import org.vqasp.world.questions.ProgramValue.SceneObject;

/**
 * Instantiates the CLEVR templates for scenes by the rules of the original generator
 * ({@code question_generation/README.md} of clevr-dataset-gen), written here in Java.
 *
 * <p>For each scene the templates are tried in order of how few questions each has produced so far, and each
 * is instantiated by a randomised depth-first search over parameter values:
 * <ul>
 *   <li>a fused filter node takes only filter values that exist in the scene; {@code filter_unique} and
 *       {@code relate_filter_unique} only values that pick out exactly one object; {@code filter_exist},
 *       {@code filter_count} and {@code filter} also get random values, often matching nothing (as many as
 *       there are options, or as singleton options); {@code relate_filter_*} options whose relation does not
 *       narrow the filter ("trivial" ones) are kept only for about 10% of the options;</li>
 *   <li>constraints: {@code NULL} (the parameter stays empty), {@code OUT_NEQ} (two nodes give different
 *       outputs), {@code NEQ} (two parameters differ); a {@code unique} over zero or several objects rejects
 *       the partial question;</li>
 *   <li>degenerate questions are rejected: in templates with a plain {@code relate} node, a question whose
 *       answer does not change when a {@code relate} step is replaced by the whole scene;</li>
 *   <li>answers are balanced per template: an answer is rejected when it already has more than 1.1 times the
 *       count of the second most frequent answer, or more than 5 times the median count (at least 5); the
 *       counts are reset every 250 scenes;</li>
 *   <li>the text is a random text variant with random synonyms, each {@code [optional]} part kept with
 *       probability 0.5, empty parameters removed, spaces collapsed, and "other"/"another" dropped (or made
 *       "a") when the two objects of the question differ in a given attribute.</li>
 * </ul>
 * Programs are expanded to the released basic functions ({@code filter_unique} becomes
 * {@code filter_size}/.../{@code unique}), with the same step order and inputs as the released data.
 *
 * <p>Two departures from the original, both only about time: a search gives up after {@value #MAX_STATES}
 * states (the original can search a scene exhaustively for minutes), and a template whose last node compares
 * two nodes an {@code OUT_NEQ} constraint keeps apart (it can only answer "no") is not searched while "no" is
 * over-represented for it.
 *
 * <p>The generator keeps state across scenes (template and answer counts, question index): call it for the
 * scenes in order, from one thread. The same seed and the same scenes give the same questions.
 */
public final class QuestionGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(QuestionGenerator.class);

    /** Scenes after which the template and answer counts start again, as in the original. */
    public static final int RESET_COUNTS_EVERY = 250;

    /** Search states one template instantiation may visit before it gives up for a scene. */
    static final int MAX_STATES = 50_000;

    private static final Set<String> OTHER_KEYS = Set.of("<Z>", "<C>", "<M>", "<S>", "<Z2>", "<C2>", "<M2>", "<S2>");
    private static final String[][] OTHER_PAIRS = {{"<Z>", "<Z2>"}, {"<C>", "<C2>"}, {"<M>", "<M2>"}, {"<S>", "<S2>"}};
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[]*)\\]");

    private final TemplateLibrary library;
    private final Random random;
    private final List<List<String>> answerDomains;
    private int[] templateCounts;
    private List<Map<String, Integer>> answerCounts;
    private long scenesSeen;
    private long nextQuestionIndex;

    /**
     * Creates a generator.
     *
     * @param library the templates, metadata and synonyms
     * @param seed the seed of every random choice
     */
    public QuestionGenerator(TemplateLibrary library, long seed) {
        this.library = Objects.requireNonNull(library, "library");
        this.random = new Random(seed);
        this.answerDomains = new ArrayList<>();
        for (Template t : library.templates()) {
            answerDomains.add(answerDomain(t));
        }
        resetCounts();
    }

    /**
     * Produces up to {@code questionsPerImage} questions for a scene, each from a different template; fewer when
     * too few templates can be instantiated. Question indices continue across calls.
     *
     * @param scene a gold scene with relationships
     * @param questionsPerImage the number of templates to instantiate
     * @return the questions, in the released layout, with expanded programs
     * @throws IllegalArgumentException when {@code questionsPerImage} is negative
     */
    public List<ClevrQuestion> generate(ClevrScene scene, int questionsPerImage) {
        if (questionsPerImage < 0) {
            throw new IllegalArgumentException("questionsPerImage must be >= 0, got " + questionsPerImage);
        }
        if (scenesSeen % RESET_COUNTS_EVERY == 0) {
            resetCounts();
        }
        scenesSeen++;
        List<ClevrQuestion> out = new ArrayList<>();
        if (questionsPerImage == 0) {
            return out;
        }
        SceneFacts facts = new SceneFacts(scene);
        FilterOptions options = new FilterOptions(facts);
        List<Template> order = new ArrayList<>(library.templates());
        order.sort((a, b) -> Integer.compare(templateCounts[a.familyIndex()], templateCounts[b.familyIndex()]));
        for (Template t : order) {
            Optional<Instance> found = instantiate(t, facts, options, answerCounts.get(t.familyIndex()));
            if (found.isEmpty()) {
                continue;
            }
            Instance inst = found.get();
            templateCounts[t.familyIndex()]++;
            out.add(new ClevrQuestion(scene.split(), nextQuestionIndex++, scene.imageIndex(), scene.imageFilename(),
                    render(t, inst.values()), inst.answer(), t.familyIndex(), t.filename(), t.index(),
                    inst.program()));
            if (out.size() >= questionsPerImage) {
                break;
            }
        }
        return out;
    }

    private void resetCounts() {
        templateCounts = new int[library.templates().size()];
        answerCounts = new ArrayList<>();
        for (List<String> domain : answerDomains) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String a : domain) {
                counts.put(a, 0);
            }
            answerCounts.add(counts);
        }
    }

    /** The answers a template can give: yes/no, 0-10, or the values of the queried attribute. */
    private List<String> answerDomain(Template t) {
        ClevrMetadata.Signature sig = library.metadata().function(t.nodes().get(t.nodes().size() - 1).type());
        String type = sig == null ? "" : sig.output();
        if (type.equals("Bool")) {
            return List.of("yes", "no");
        }
        if (type.equals("Integer")) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i <= 10; i++) {
                out.add(Integer.toString(i));
            }
            return out;
        }
        return library.metadata().values(type);
    }

    /**
     * One instantiation of a template.
     *
     * @param values the value of every parameter in declaration order ({@code ""} for an empty one,
     *     {@code thing} for an empty shape)
     * @param program the expanded program
     * @param answer the answer
     */
    record Instance(Map<String, String> values, Program program, String answer) {
    }

    /**
     * A search state: the program so far, its step outputs (computed up to {@code computed}), the parameter
     * values by parameter position (null while unset), template node to step, and the next template node.
     */
    private record State(List<ProgramStep> steps, ProgramValue[] outputs, int computed, String[] values,
            int[] inputMap, int next) {
    }

    /**
     * Searches one instantiation of a template for a scene, updating the template's answer counts when one is
     * found; empty counts stand for zero counts of each answer the template can give.
     */
    Optional<Instance> instantiate(Template t, SceneFacts facts, FilterOptions options, Map<String, Integer> counts) {
        return new Search(t, facts, options, counts).run();
    }

    /** The depth-first search of one template over one scene. */
    private final class Search {
        private final Template t;
        private final SceneFacts facts;
        private final FilterOptions options;
        private final Map<String, Integer> counts;
        private final List<String> params;
        private final boolean[] mustBeNull;
        private final boolean hasRelate;
        /** For each constraint: parameter positions (NULL, NEQ) or template nodes (OUT_NEQ). */
        private final int[][] constraintArgs;

        Search(Template t, SceneFacts facts, FilterOptions options, Map<String, Integer> counts) {
            this.t = t;
            this.facts = facts;
            this.options = options;
            this.counts = counts;
            this.params = t.params().stream().map(Template.Param::name).toList();
            this.mustBeNull = new boolean[params.size()];
            for (Template.Constraint c : t.constraints()) {
                if (c.type().equals("NULL")) {
                    mustBeNull[params.indexOf(c.params().get(0))] = true;
                }
            }
            this.hasRelate = t.nodes().stream().anyMatch(n -> n.type().equals("relate"));
            this.constraintArgs = new int[t.constraints().size()][];
            for (int c = 0; c < constraintArgs.length; c++) {
                Template.Constraint con = t.constraints().get(c);
                constraintArgs[c] = con.params().stream().mapToInt(p -> con.type().equals("OUT_NEQ")
                        ? Integer.parseInt(p) : params.indexOf(p)).toArray();
            }
        }

        Optional<Instance> run() {
            int[] initialMap = new int[t.nodes().size()];
            Arrays.fill(initialMap, -1);
            initialMap[0] = 0;
            List<ProgramStep> first = List.of(new ProgramStep(t.nodes().get(0).type(), List.of(), List.of()));
            Deque<State> stack = new ArrayDeque<>();
            stack.push(new State(first, new ProgramValue[1], 0, new String[params.size()], initialMap, 1));
            // the answer counts only change when the search ends, so the rejected answers are known now
            Set<String> rejected = new HashSet<>();
            if (counts.isEmpty()) {
                for (String a : answerDomains.get(t.familyIndex())) {
                    counts.put(a, 0);
                }
            }
            for (String a : counts.keySet()) {
                if (overRepresented(counts, a)) {
                    rejected.add(a);
                }
            }
            if (onlyNo() && rejected.contains("no")) {
                // every instance would be answered "no", and "no" is over-represented: no search can succeed
                return Optional.empty();
            }
            int visited = 0;
            while (!stack.isEmpty()) {
                if (++visited > MAX_STATES) {
                    LOG.debug("{}: gave up after {} search states on scene {}", t.family(), MAX_STATES,
                            facts.scene.imageIndex());
                    return Optional.empty();
                }
                State s = stack.pop();
                ProgramValue[] out = s.outputs();
                boolean valid = true;
                for (int i = s.computed(); i < out.length; i++) {
                    out[i] = ReferenceExecutor.step(s.steps().get(i), i, out, facts);
                    if (out[i] == null) {
                        valid = false;
                        break;
                    }
                }
                if (!valid || violatesConstraint(s, out)) {
                    continue;
                }
                if (s.next() < t.nodes().size()) {
                    expand(s, out, stack);
                    continue;
                }
                String answer = out[out.length - 1].answer();
                if (rejected.contains(answer) || overRepresented(counts, answer)) {
                    continue;
                }
                Program program = new Program(s.steps());
                if (hasRelate && isDegenerate(program, answer, facts)) {
                    continue;
                }
                counts.merge(answer, 1, Integer::sum);
                Map<String, String> named = new LinkedHashMap<>();
                for (int i = 0; i < params.size(); i++) {
                    named.put(params.get(i), s.values()[i]);
                }
                return Optional.of(new Instance(named, program, answer));
            }
            return Optional.empty();
        }

        /**
         * Whether the template can only answer "no": its last node compares the outputs of two nodes that an
         * {@code OUT_NEQ} constraint keeps different ("Are there an equal number of X and Y?").
         */
        private boolean onlyNo() {
            Template.Node last = t.nodes().get(t.nodes().size() - 1);
            if (!last.type().startsWith("equal_") || last.inputs().size() != 2) {
                return false;
            }
            for (int c = 0; c < constraintArgs.length; c++) {
                if (t.constraints().get(c).type().equals("OUT_NEQ")
                        && new HashSet<>(List.of(constraintArgs[c][0], constraintArgs[c][1]))
                                .equals(new HashSet<>(last.inputs()))) {
                    return true;
                }
            }
            return false;
        }

        /** Pushes the successors of a state: one per choice for the next template node, in random order. */
        private void expand(State s, ProgramValue[] out, Deque<State> stack) {
            Template.Node node = t.nodes().get(s.next());
            if (ProgramExpansion.isFused(node.type())) {
                ProgramValue input = out[s.inputMap()[node.inputs().get(0)]];
                List<FilterOptions.Choice> choices;
                if (node.type().startsWith("relate_filter")) {
                    int object = ((SceneObject) input).index();
                    choices = options.relateFilter(object, node.type().equals("relate_filter_unique"),
                            node.type().endsWith("count") || node.type().endsWith("exist"), random);
                } else {
                    choices = options.filter(((ObjectSet) input).members(), node.type(), library.metadata(), random);
                }
                Collections.shuffle(choices, random);
                int[] slots = new int[node.sideInputs().size()];
                for (int k = 0; k < slots.length; k++) {
                    slots[k] = params.indexOf(node.sideInputs().get(k));
                }
                int from = node.type().startsWith("relate") ? 1 : 0;
                choice:
                for (FilterOptions.Choice c : choices) {
                    // a value for a NULL-constrained parameter would be rejected when popped: skip it now
                    for (int a = 0; a < 4; a++) {
                        if (c.filter().get(a) != null && mustBeNull[slots[from + a]]) {
                            continue choice;
                        }
                    }
                    List<String> values = new ArrayList<>(5);
                    String[] named = s.values().clone();
                    if (from == 1) {
                        values.add(c.relation());
                        named[slots[0]] = c.relation();
                    }
                    for (int a = 0; a < 4; a++) {
                        String v = c.filter().get(a);
                        values.add(v);
                        named[slots[from + a]] = v != null ? v : a == 3 ? "thing" : "";
                    }
                    stack.push(successor(s, out, values, named));
                }
            } else if (!node.sideInputs().isEmpty()) {
                int slot = params.indexOf(node.sideInputs().get(0));
                String type = t.params().get(slot).type();
                List<String> domain = new ArrayList<>(library.metadata().values(type));
                if (type.equals("Relation")) {
                    domain.retainAll(facts.relations.keySet());
                }
                Collections.shuffle(domain, random);
                for (String v : domain) {
                    String[] named = s.values().clone();
                    named[slot] = v;
                    stack.push(successor(s, out, List.of(v), named));
                }
            } else {
                stack.push(successor(s, out, List.of(), s.values()));
            }
        }

        private State successor(State s, ProgramValue[] out, List<String> values, String[] named) {
            List<ProgramStep> steps = new ArrayList<>(s.steps());
            int[] map = s.inputMap().clone();
            ProgramExpansion.expand(t, s.next(), values, steps, map);
            return new State(steps, Arrays.copyOf(out, steps.size()), out.length, named, map, s.next() + 1);
        }

        /** Whether a state breaks one of the template's constraints (checked as soon as the values are known). */
        private boolean violatesConstraint(State s, ProgramValue[] out) {
            for (int ci = 0; ci < constraintArgs.length; ci++) {
                Template.Constraint c = t.constraints().get(ci);
                int[] args = constraintArgs[ci];
                switch (c.type()) {
                    case "NULL": {
                        int p = args[0];
                        String v = s.values()[p];
                        if (v != null && !v.equals("Shape".equals(t.params().get(p).type()) ? "thing" : "")) {
                            return true;
                        }
                        break;
                    }
                    case "NEQ": {
                        String v1 = s.values()[args[0]];
                        String v2 = s.values()[args[1]];
                        if (v1 != null && v2 != null && v1.equals(v2)) {
                            return true;
                        }
                        break;
                    }
                    case "OUT_NEQ": {
                        int i = s.inputMap()[args[0]];
                        int j = s.inputMap()[args[1]];
                        if (i >= 0 && j >= 0 && out[i].equals(out[j])) {
                            return true;
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException(t.family() + ": unknown constraint type " + c.type());
                }
            }
            return false;
        }
    }

    /**
     * Whether an answer already has more than 1.1 times the count of the second most frequent answer of this
     * template, or more than 5 times the median count (at least 5).
     */
    static boolean overRepresented(Map<String, Integer> counts, String answer) {
        int current = counts.getOrDefault(answer, 0);
        int[] sorted = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length < 2) {
            return false;
        }
        int median = Math.max(sorted[sorted.length / 2], 5);
        return current > 1.1 * sorted[sorted.length - 2] || current > 5.0 * median;
    }

    /**
     * Whether replacing any {@code relate} step by the whole scene leaves the answer unchanged (the relation then
     * says nothing).
     */
    static boolean isDegenerate(Program program, String answer, SceneFacts facts) {
        for (int idx = 0; idx < program.size(); idx++) {
            if (!program.step(idx).function().equals("relate")) {
                continue;
            }
            List<ProgramStep> replaced = new ArrayList<>(program.steps());
            replaced.set(idx, new ProgramStep("scene", List.of(), List.of()));
            Program pruned = pruneUnused(replaced);
            ProgramValue[] out = new ProgramValue[pruned.size()];
            String changed = null;
            for (int i = 0; i < out.length; i++) {
                out[i] = ReferenceExecutor.step(pruned.step(i), i, out, facts);
                if (out[i] == null) {
                    break;
                }
                if (i == out.length - 1) {
                    changed = out[i].answer();
                }
            }
            if (answer.equals(changed)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps only the steps the last step depends on, renumbering the inputs. */
    static Program pruneUnused(List<ProgramStep> steps) {
        boolean[] used = new boolean[steps.size()];
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(steps.size() - 1);
        while (!todo.isEmpty()) {
            int i = todo.pop();
            used[i] = true;
            for (int in : steps.get(i).inputs()) {
                todo.push(in);
            }
        }
        int[] renumber = new int[steps.size()];
        List<ProgramStep> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (used[i]) {
                renumber[i] = kept.size();
                ProgramStep s = steps.get(i);
                kept.add(new ProgramStep(s.function(), s.inputs().stream().map(x -> renumber[x]).toList(),
                        s.valueInputs()));
            }
        }
        return new Program(kept);
    }

    /** Writes the question text: a random text variant, synonyms, optional parts, spaces, "other". */
    String render(Template t, Map<String, String> values) {
        String text = t.texts().get(random.nextInt(t.texts().size()));
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            List<String> words = library.synonyms().get(v);
            if (words != null) {
                v = words.get(random.nextInt(words.size()));
            }
            text = text.replace(e.getKey(), v);
        }
        text = collapseSpaces(text);
        Matcher m = OPTIONAL.matcher(text);
        while (m.find()) {
            String kept = random.nextDouble() > 0.5 ? m.group(1) : "";
            text = text.substring(0, m.start()) + kept + text.substring(m.end());
            m = OPTIONAL.matcher(text);
        }
        return otherHeuristic(collapseSpaces(text), values);
    }

    /**
     * Drops "other" (and turns "another" into "a") when the question's two objects must differ in an attribute
     * both name, as the original does for the templates with parameters {@code <Z> <C> <M> <S> <Z2> <C2> <M2>
     * <S2>}.
     */
    static String otherHeuristic(String text, Map<String, String> values) {
        if (!text.contains(" other ") && !text.contains(" another ")) {
            return text;
        }
        if (!values.keySet().equals(OTHER_KEYS)) {
            return text;
        }
        for (String[] pair : OTHER_PAIRS) {
            String v1 = values.get(pair[0]);
            String v2 = values.get(pair[1]);
            if (!v1.isEmpty() && !v2.isEmpty() && !v1.equals(v2)) {
                return text.replace(" other ", " ").replace(" another ", " a ");
            }
        }
        return text;
    }

    static String collapseSpaces(String s) {
        return String.join(" ", s.trim().split("\\s+"));
    }
}
