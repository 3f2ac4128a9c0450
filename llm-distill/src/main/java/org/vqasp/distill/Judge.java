package org.vqasp.distill;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.Reading;
import org.vqasp.reasoning.clingo.ClingoMessage;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Solves a theory, possibly with candidate rules, over examples in guarded clingo runs, and says what it answers
 * to each: the checks that every proposal, from a language model or the enumerator, goes through.
 *
 * <p>Examples can be solved many to a call ({@link #callSize()}), numbered apart; a dataset whose scenes cannot be
 * mixed is solved one scene per call. Only a theory whose rules keep to their own question and scene gives the
 * same answers both ways: a learnt rule such as {@code filter_color(S,O) :- arg(S,0,V), has(O,color,V).} picks
 * objects of every scene of the call. Untrusted rules are therefore judged one example per call (call size 1).
 */
public final class Judge {

    /** The name of the theory's source in clingo's messages. */
    public static final String THEORY = "theory.lp";
    /** The name of the candidate rules' source in clingo's messages. */
    public static final String CANDIDATE = "candidate.lp";
    /** The name of the examples' facts in clingo's messages. */
    public static final String FACTS = "facts.lp";

    private final GuardedClingo clingo;
    private final int maxModels;
    private final int callSize;

    /**
     * Creates a judge.
     *
     * @param clingo the guarded clingo runs
     * @param maxModels the most answer sets read per call (an answer must be the same in every one)
     * @param callSize the most examples solved in one call
     */
    public Judge(GuardedClingo clingo, int maxModels, int callSize) {
        this.clingo = Objects.requireNonNull(clingo, "clingo");
        if (maxModels < 1 || callSize < 1) {
            throw new IllegalArgumentException("maxModels and callSize must be positive, were " + maxModels + ", "
                    + callSize);
        }
        this.maxModels = maxModels;
        this.callSize = callSize;
    }

    /** Returns the guarded clingo runs. */
    public GuardedClingo clingo() {
        return clingo;
    }

    /** Returns the most examples solved in one call. */
    public int callSize() {
        return callSize;
    }

    /**
     * Solves a theory with candidate rules over examples.
     *
     * @param theory the theory
     * @param candidate the candidate rules (empty for none)
     * @param examples the examples
     * @return a verdict per example, and the first run that failed (errors or limits), if any
     */
    public Evaluation evaluate(String theory, String candidate, List<? extends Example> examples) {
        return evaluate(theory, candidate, examples, "");
    }

    /**
     * Solves a theory with candidate rules and extra program text over examples.
     *
     * @param extra more program text (such as {@code #show} statements), added to the facts
     */
    Evaluation evaluate(String theory, String candidate, List<? extends Example> examples, String extra) {
        List<Verdict> verdicts = new ArrayList<>();
        List<List<Symbol>> models = new ArrayList<>();
        List<ClingoMessage> messages = new ArrayList<>();
        GuardedClingo.Run failed = null;
        for (List<Example> call : calls(examples, callSize)) {
            GuardedClingo.Run run = clingo.solve(sources(theory, candidate, encode(call) + extra), maxModels);
            for (ClingoMessage m : run.messages()) {
                if (!messages.contains(m)) {
                    messages.add(m);
                }
            }
            if (!run.solved()) {
                if (failed == null) {
                    failed = run;
                }
                String why = run.status().exceededLimits() ? "refused: " + run.detail() : "clingo: " + run.detail();
                for (int i = 0; i < call.size(); i++) {
                    verdicts.add(Verdict.failed(why));
                }
                continue;
            }
            models.addAll(run.models());
            for (int j = 0; j < call.size(); j++) {
                List<Reading> readings = new ArrayList<>();
                for (List<Symbol> m : run.models()) {
                    readings.add(call.get(j).read(j, m));
                }
                verdicts.add(Verdict.of(call.get(j), readings));
            }
        }
        return new Evaluation(verdicts, failed, models, messages);
    }

    /**
     * Solves one example with its intermediate atoms shown: what the theory derives on the way, for feedback.
     *
     * @param theory the theory
     * @param candidate candidate rules (empty for none)
     * @param example the example, in slot 0
     * @param limit the most intermediate atoms returned
     * @return the verdict and the derived atoms of the first answer set (without answers and errors)
     */
    public Explanation explain(String theory, String candidate, Example example, int limit) {
        Set<Predicate> derived = new LinkedHashSet<>();
        for (Statement s : TheoryText.parse(theory + "\n" + candidate).statements()) {
            if (s.isRule() && s.head() != null && !s.head().name().startsWith("-")) {
                derived.add(s.head());
            }
        }
        StringBuilder shows = new StringBuilder("\n");
        for (Predicate p : derived) {
            shows.append("#show ").append(p.name()).append('/').append(p.arity()).append(".\n");
        }
        Evaluation e = evaluate(theory, candidate, List.of(example), shows.toString());
        List<String> atoms = new ArrayList<>();
        if (!e.models().isEmpty()) {
            for (Symbol t : e.models().get(0)) {
                if (!t.is("answer", 2) && !t.is("error", 3)) {
                    atoms.add(t.toString());
                }
            }
        }
        atoms.sort(null);
        int total = atoms.size();
        return new Explanation(e.verdicts().get(0), atoms.subList(0, Math.min(limit, total)), total);
    }

    static List<GuardedClingo.Source> sources(String theory, String candidate, String facts) {
        return List.of(new GuardedClingo.Source(THEORY, theory), new GuardedClingo.Source(CANDIDATE, candidate),
                new GuardedClingo.Source(FACTS, facts));
    }

    /** Splits examples into calls: at most {@code size} each, and one scene per call when scenes cannot mix. */
    static List<List<Example>> calls(List<? extends Example> examples, int size) {
        List<List<Example>> out = new ArrayList<>();
        Map<Object, List<Example>> byScene = new LinkedHashMap<>();
        List<Example> mixed = new ArrayList<>();
        for (Example e : examples) {
            if (e.scenesNumberedApart()) {
                mixed.add(e);
            } else {
                byScene.computeIfAbsent(e.scene(), k -> new ArrayList<>()).add(e);
            }
        }
        for (int i = 0; i < mixed.size(); i += size) {
            out.add(mixed.subList(i, Math.min(mixed.size(), i + size)));
        }
        for (List<Example> g : byScene.values()) {
            for (int i = 0; i < g.size(); i += size) {
                out.add(g.subList(i, Math.min(g.size(), i + size)));
            }
        }
        return out;
    }

    /** Returns the facts of examples solved together: each scene once, each example in its slot. */
    static String encode(List<Example> call) {
        Facts facts = new Facts();
        Map<Object, Integer> images = new IdentityHashMap<>();
        for (int j = 0; j < call.size(); j++) {
            Example e = call.get(j);
            Integer w = images.get(e.scene());
            if (w == null) {
                w = e.scenesNumberedApart() ? images.size() : 0;
                images.put(e.scene(), w);
                e.encodeScene(w, facts);
            }
            e.encodeProgram(j, w, facts);
        }
        return facts.toString();
    }

    /**
     * Verdicts on examples.
     *
     * @param verdicts one per example, in order
     * @param failed the first run that failed, or null
     * @param models the answer sets read, over all calls
     * @param messages clingo's distinct messages, over all calls
     */
    public record Evaluation(List<Verdict> verdicts, GuardedClingo.Run failed, List<List<Symbol>> models,
            List<ClingoMessage> messages) {

        /** Copies the lists. */
        public Evaluation {
            verdicts = List.copyOf(verdicts);
            models = List.copyOf(models);
            messages = List.copyOf(messages);
        }

        /** Returns the number of correct verdicts. */
        public int correct() {
            return (int) verdicts.stream().filter(Verdict::correct).count();
        }

        /** Returns true when every verdict is correct. */
        public boolean allCorrect() {
            return verdicts.stream().allMatch(Verdict::correct);
        }

        /** Returns clingo's messages about a source, such as {@link Judge#CANDIDATE}. */
        public List<ClingoMessage> messagesAbout(String source) {
            return messages.stream().filter(m -> m.text().startsWith(source + ":")).collect(Collectors.toList());
        }

        /** Returns the error messages of the failed run, one text each. */
        public List<String> errors() {
            return failed == null ? List.of() : failed.messages().stream().filter(ClingoMessage::isError)
                    .map(ClingoMessage::text).collect(Collectors.toList());
        }
    }

    /**
     * What a theory derives for one example.
     *
     * @param verdict the verdict
     * @param atoms the intermediate atoms (up to the limit asked for), sorted
     * @param total how many intermediate atoms there were
     */
    public record Explanation(Verdict verdict, List<String> atoms, int total) {

        /** Copies the list. */
        public Explanation {
            atoms = List.copyOf(atoms);
        }
    }
}
