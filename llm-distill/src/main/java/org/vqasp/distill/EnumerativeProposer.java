package org.vqasp.distill;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.reasoning.Reading;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Proposes rules with no model: a bounded enumeration of rules over the theory's own predicates, in the style of
 * a mode bias ({@link ModeBias}, a theory's {@code modes.lp}), screened by clingo.
 *
 * <p>For a task it picks the heads to learn: the bias's derived predicates that the theory uses but no longer
 * defines, then the others. For each head it enumerates rules shortest first ({@link ClauseSearch}) on the
 * background answer set of the task's examples, and screens them many at a time in guarded clingo runs: each
 * candidate is guarded by an atom {@code use(i)}, a choice picks exactly one, and each answer set tells what the
 * theory with that candidate answers. Candidates that answer every task example and keep every earlier accepted
 * example's answer are proposed in order, one per call; feedback is not needed, since the next call proposes the
 * next candidate. Proposals still go through the same checks as a language model's. Deterministic: the same task
 * gives the same proposals.
 */
public final class EnumerativeProposer extends RuleProposer {

    private static final Logger LOG = LoggerFactory.getLogger(EnumerativeProposer.class);

    private final Judge judge;
    private final String modes;
    private final Bounds bounds;
    private Search search;

    /**
     * Creates a proposer.
     *
     * @param judge the checks (its guarded clingo runs the screening)
     * @param modes the text of the theory's {@code modes.lp}
     * @param bounds the search bounds
     */
    public EnumerativeProposer(Judge judge, String modes, Bounds bounds) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.modes = Objects.requireNonNull(modes, "modes");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String name() {
        return "enumerative";
    }

    @Override
    protected Proposal doPropose(Dialogue dialogue) {
        Task task = dialogue.task();
        if (search == null || !search.key.equals(task.key())) {
            search = new Search(task);
        }
        return search.next();
    }

    /**
     * Bounds of the enumeration.
     *
     * @param maxBody the most body literals of a rule
     * @param maxVariables the most variables of a rule, the head's included
     * @param maxCandidates the most rules enumerated for one task, over all its heads
     * @param chunk how many candidates one clingo run screens
     */
    public record Bounds(int maxBody, int maxVariables, int maxCandidates, int chunk) {

        /** The defaults: 4 body literals, 4 variables, 20,000 rules per task, 500 per clingo run. */
        public static final Bounds DEFAULT = new Bounds(4, 4, 20_000, 500);

        /** Checks the bounds. */
        public Bounds {
            if (maxBody < 1 || maxVariables < 1 || maxCandidates < 1 || chunk < 1) {
                throw new IllegalArgumentException("bounds must be positive: " + maxBody + ", " + maxVariables + ", "
                        + maxCandidates + ", " + chunk);
            }
        }
    }

    /** The search for one task: heads, their candidates, and the cursor over those that pass. */
    private final class Search {
        private final String key;
        private final Task task;
        private final Deque<ModeBias.Mode> heads = new ArrayDeque<>();
        private final Deque<String> ready = new ArrayDeque<>();
        private ModeBias bias;
        private FactBase background;
        private List<Clause> clauses = List.of();
        private int next;
        private ModeBias.Mode head;
        private long enumerated;
        private long screened;
        private int runs;
        private int proposed;

        Search(Task task) {
            this.key = task.key();
            this.task = task;
        }

        Proposal next() {
            if (bias == null) {
                start();
            }
            while (ready.isEmpty()) {
                if (next >= clauses.size()) {
                    if (heads.isEmpty() || enumerated >= bounds.maxCandidates()) {
                        return Proposal.nothing("enumerative: no more rules pass (" + enumerated + " enumerated, "
                                + screened + " screened in " + runs + " clingo runs)");
                    }
                    head = heads.poll();
                    ClauseSearch.Result r = new ClauseSearch(bias, background, new ClauseSearch.Options(bounds.maxBody(),
                            bounds.maxVariables(), (int) (bounds.maxCandidates() - enumerated), 50_000, 2_000_000))
                            .search(head);
                    clauses = r.clauses();
                    next = 0;
                    enumerated += clauses.size();
                    LOG.debug("head {}: {} rules from {} bodies{}", head.predicate(), clauses.size(), r.nodes(),
                            r.truncated() ? " (bounded)" : "");
                    continue;
                }
                int to = Math.min(clauses.size(), next + bounds.chunk());
                List<Clause> chunk = clauses.subList(next, to);
                List<Integer> pass = screen(chunk, task.examples());
                if (!pass.isEmpty() && !task.solved().isEmpty()) {
                    List<Clause> survivors = new ArrayList<>();
                    for (int i : pass) {
                        survivors.add(chunk.get(i));
                    }
                    List<Integer> keep = screen(survivors, task.solved());
                    List<Integer> mapped = new ArrayList<>();
                    for (int i : keep) {
                        mapped.add(pass.get(i));
                    }
                    pass = mapped;
                }
                screened += chunk.size();
                for (int i : pass) {
                    ready.add(chunk.get(i).text());
                }
                next = to;
            }
            proposed++;
            return new Proposal("", ready.poll() + "\n", 0, 0, 0, "enumerative: head " + head.predicate()
                    + ", proposal " + proposed + "; " + enumerated + " rules enumerated, " + screened + " screened in "
                    + runs + " clingo runs");
        }

        private void start() {
            bias = ModeBias.read(judge.clingo(), modes, task.theory());
            Set<Predicate> undefined = TheoryText.parse(task.theory()).undefined();
            List<ModeBias.Mode> later = new ArrayList<>();
            for (ModeBias.Mode m : bias.derived()) {
                if (undefined.contains(m.predicate())) {
                    heads.add(m);
                } else {
                    later.add(m);
                }
            }
            heads.addAll(later);
            StringBuilder shows = new StringBuilder("\n");
            Set<Predicate> shown = new LinkedHashSet<>();
            for (ModeBias.Mode m : bias.modes()) {
                if (shown.add(m.predicate())) {
                    shows.append("#show ").append(m.predicate().name()).append('/').append(m.predicate().arity())
                            .append(".\n");
                }
            }
            List<Example> first = Judge.calls(task.examples(), Integer.MAX_VALUE).get(0);
            GuardedClingo.Run run = judge.clingo().solve(Judge.sources(task.theory(), "", Judge.encode(first)
                    + shows), 1);
            runs++;
            background = FactBase.of(run.models().isEmpty() ? List.of() : run.models().get(0));
        }

        /**
         * Returns the positions of the candidates with which every example gets its expected answer: example by
         * example (one scene per run is cheapest), each run screening only the candidates left.
         */
        private List<Integer> screen(List<Clause> candidates, List<Example> examples) {
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                left.add(i);
            }
            for (Example e : examples) {
                if (left.isEmpty()) {
                    break;
                }
                List<Clause> sub = new ArrayList<>();
                for (int i : left) {
                    sub.add(candidates.get(i));
                }
                List<Integer> kept = new ArrayList<>();
                for (int i : screenCall(sub, List.of(e))) {
                    kept.add(left.get(i));
                }
                kept.sort(null);
                left = kept;
            }
            return left;
        }

        private Set<Integer> screenCall(List<Clause> candidates, List<Example> call) {
            StringBuilder meta = new StringBuilder("1 { ");
            for (int i = 0; i < candidates.size(); i++) {
                meta.append(i > 0 ? "; " : "").append("use(").append(i).append(')');
            }
            meta.append(" } 1.\n#show use/1.\n");
            for (int i = 0; i < candidates.size(); i++) {
                meta.append(candidates.get(i).text("use(" + i + ")")).append('\n');
            }
            GuardedClingo.Run run = judge.clingo().solve(Judge.sources(task.theory(), meta.toString(),
                    Judge.encode(call)), 0);
            runs++;
            if (!run.solved()) {
                if (candidates.size() == 1) {
                    LOG.debug("candidate refused by clingo: {} ({})", candidates.get(0).text(), run.detail());
                    return new LinkedHashSet<>();
                }
                int half = candidates.size() / 2;
                Set<Integer> out = screenCall(candidates.subList(0, half), call);
                for (int i : screenCall(candidates.subList(half, candidates.size()), call)) {
                    out.add(i + half);
                }
                return out;
            }
            Map<Integer, List<List<Symbol>>> byCandidate = new HashMap<>();
            for (List<Symbol> model : run.models()) {
                for (Symbol t : model) {
                    if (t.is("use", 1) && t.arg(0).isNumber()) {
                        byCandidate.computeIfAbsent(t.arg(0).number(), k -> new ArrayList<>()).add(model);
                        break;
                    }
                }
            }
            Set<Integer> ok = new LinkedHashSet<>();
            for (Map.Entry<Integer, List<List<Symbol>>> e : byCandidate.entrySet()) {
                boolean all = true;
                for (int j = 0; j < call.size() && all; j++) {
                    List<Reading> readings = new ArrayList<>();
                    for (List<Symbol> m : e.getValue()) {
                        readings.add(call.get(j).read(j, m));
                    }
                    all = Verdict.of(call.get(j), readings).correct();
                }
                if (all) {
                    ok.add(e.getKey());
                }
            }
            return ok;
        }
    }
}
