package org.vqasp.distill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Enumerates the rules for one head that a mode bias allows, shortest first, keeping only those whose body holds
 * somewhere in a background answer set and that derive an atom the background does not have (a rule that fires
 * nowhere, or adds nothing, cannot change an answer).
 *
 * <p>Bodies are positive literals in the bias's mode order (so each set of literals is built once), over typed
 * variables and the constants of their types; every variable occurs twice or more, the head's variables occur in
 * the body (so every rule is safe), and each literal shares a variable with the head or the literals before it
 * (so the body is connected to the head and no literal multiplies the bindings). While a body grows, its bindings on
 * the background are joined along: a body with no binding is not extended, since more literals only remove
 * bindings. The enumeration is deterministic.
 */
final class ClauseSearch {

    /**
     * Bounds of the search.
     *
     * @param maxBody the most body literals
     * @param maxVariables the most variables in a rule, the head's included
     * @param maxCandidates the most rules returned
     * @param maxRows the most bindings of a body on the background; larger bodies are not extended
     * @param maxNodes the most bodies built
     */
    record Options(int maxBody, int maxVariables, int maxCandidates, int maxRows, long maxNodes) {

        /** The defaults: 4 body literals, 4 variables, 20,000 rules, 50,000 bindings, 2 million bodies. */
        static final Options DEFAULT = new Options(4, 4, 20_000, 50_000, 2_000_000);

        Options {
            if (maxBody < 1 || maxVariables < 1 || maxCandidates < 1 || maxRows < 1 || maxNodes < 1) {
                throw new IllegalArgumentException("search bounds must be positive");
            }
        }
    }

    /**
     * What a search found.
     *
     * @param clauses the rules, shortest first, in enumeration order within a length
     * @param nodes the bodies built
     * @param truncated true when a bound stopped the search early
     */
    record Result(List<Clause> clauses, long nodes, boolean truncated) {
    }

    private final ModeBias bias;
    private final FactBase background;
    private final Options options;

    private ModeBias.Mode headMode;
    private Clause.Literal head;
    private final List<Clause> found = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private long nodes;
    private boolean truncated;

    ClauseSearch(ModeBias bias, FactBase background, Options options) {
        this.bias = Objects.requireNonNull(bias, "bias");
        this.background = Objects.requireNonNull(background, "background");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Enumerates the rules for a head mode. */
    Result search(ModeBias.Mode mode) {
        headMode = mode;
        found.clear();
        seen.clear();
        nodes = 0;
        truncated = false;
        List<String> types = new ArrayList<>(mode.types());
        List<Clause.Arg> args = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            args.add(Clause.Arg.var(i));
        }
        head = new Clause.Literal(mode.predicate(), args);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[options.maxVariables()]);
        extend(new ArrayList<>(), types, rows, 0, null);
        List<Clause> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> Integer.compare(a.body().size(), b.body().size()));
        return new Result(sorted, nodes, truncated);
    }

    private void extend(List<Clause.Literal> body, List<String> types, List<String[]> rows, int fromMode,
            String lastKey) {
        if (!body.isEmpty()) {
            complete(body, types, rows);
        }
        if (body.size() >= options.maxBody() || truncated) {
            return;
        }
        List<ModeBias.Mode> modes = bias.modes();
        for (int mi = fromMode; mi < modes.size() && !truncated; mi++) {
            ModeBias.Mode m = modes.get(mi);
            List<List<Clause.Arg>> choices = new ArrayList<>();
            List<List<String>> newTypes = new ArrayList<>();
            arguments(m, 0, types, new ArrayList<>(), new ArrayList<>(), choices, newTypes);
            for (int c = 0; c < choices.size() && !truncated; c++) {
                Clause.Literal lit = new Clause.Literal(m.predicate(), choices.get(c));
                if (newTypes.get(c).size() == lit.args().stream().filter(Clause.Arg::isVariable).count()) {
                    continue;
                }
                String key = lit.key();
                if (mi == fromMode && lastKey != null && key.compareTo(lastKey) <= 0 || key.equals(head.key())) {
                    continue;
                }
                if (++nodes > options.maxNodes()) {
                    truncated = true;
                    return;
                }
                List<String[]> joined = join(rows, lit);
                if (joined == null || joined.isEmpty()) {
                    continue;
                }
                List<String> t = new ArrayList<>(types);
                t.addAll(newTypes.get(c));
                body.add(lit);
                extend(body, t, joined, mi, key);
                body.remove(body.size() - 1);
            }
        }
    }

    /** Lists the argument choices of a literal: existing variables, one new variable, constants, per type. */
    private void arguments(ModeBias.Mode m, int pos, List<String> types, List<Clause.Arg> cur, List<String> added,
            List<List<Clause.Arg>> out, List<List<String>> outTypes) {
        if (pos == m.types().size()) {
            out.add(new ArrayList<>(cur));
            outTypes.add(new ArrayList<>(added));
            return;
        }
        String type = m.types().get(pos);
        int existing = types.size() + added.size();
        for (int v = 0; v < existing; v++) {
            String tv = v < types.size() ? types.get(v) : added.get(v - types.size());
            if (tv.equals(type)) {
                cur.add(Clause.Arg.var(v));
                arguments(m, pos + 1, types, cur, added, out, outTypes);
                cur.remove(cur.size() - 1);
            }
        }
        if (existing < options.maxVariables()) {
            cur.add(Clause.Arg.var(existing));
            added.add(type);
            arguments(m, pos + 1, types, cur, added, out, outTypes);
            added.remove(added.size() - 1);
            cur.remove(cur.size() - 1);
        }
        for (String c : bias.constantsOf(type)) {
            cur.add(Clause.Arg.constant(c));
            arguments(m, pos + 1, types, cur, added, out, outTypes);
            cur.remove(cur.size() - 1);
        }
    }

    /** Joins bindings with a literal's atoms on the background; null when there would be too many. */
    private List<String[]> join(List<String[]> rows, Clause.Literal lit) {
        List<Clause.Arg> args = lit.args();
        Predicate p = lit.predicate();
        List<String[]> out = new ArrayList<>();
        for (String[] row : rows) {
            int pos = -1;
            String value = null;
            for (int i = 0; i < args.size() && pos < 0; i++) {
                Clause.Arg a = args.get(i);
                String v = a.isVariable() ? row[a.variable()] : a.constant();
                if (v != null) {
                    pos = i;
                    value = v;
                }
            }
            List<String[]> facts = pos >= 0 ? background.lookup(p, pos, value) : background.all(p);
            for (String[] f : facts) {
                String[] next = null;
                boolean ok = true;
                for (int i = 0; i < args.size(); i++) {
                    Clause.Arg a = args.get(i);
                    String v = a.isVariable() ? (next != null ? next[a.variable()] : row[a.variable()]) : a.constant();
                    if (v == null) {
                        if (next == null) {
                            next = row.clone();
                        }
                        next[a.variable()] = f[i];
                    } else if (!v.equals(f[i])) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    out.add(next != null ? next : row);
                    if (out.size() > options.maxRows()) {
                        return null;
                    }
                }
            }
        }
        return out;
    }

    /** Keeps a body that makes a safe, connected rule deriving something new. */
    private void complete(List<Clause.Literal> body, List<String> types, List<String[]> rows) {
        int n = types.size();
        int[] count = new int[n];
        for (Clause.Arg a : head.args()) {
            count[a.variable()]++;
        }
        for (Clause.Literal l : body) {
            boolean hasVar = false;
            for (Clause.Arg a : l.args()) {
                if (a.isVariable()) {
                    count[a.variable()]++;
                    hasVar = true;
                }
            }
            if (!hasVar) {
                return;
            }
        }
        int headVars = head.args().size();
        for (int v = 0; v < n; v++) {
            if (count[v] < 2 && !(bias.anonymous() && v >= headVars && count[v] == 1)) {
                return;
            }
        }
        if (!connected(body, n)) {
            return;
        }
        int arity = head.args().size();
        boolean fresh = false;
        for (String[] row : rows) {
            String[] tuple = new String[arity];
            for (int i = 0; i < arity; i++) {
                tuple[i] = row[i];
            }
            if (!background.contains(headMode.predicate(), tuple)) {
                fresh = true;
                break;
            }
        }
        if (!fresh) {
            return;
        }
        Clause c = new Clause(head, body, types);
        if (seen.add(c.text())) {
            found.add(c);
            if (found.size() >= options.maxCandidates()) {
                truncated = true;
            }
        }
    }

    /** Returns true when every body literal is linked to the head through shared variables. */
    private boolean connected(List<Clause.Literal> body, int n) {
        Set<Integer> reached = new LinkedHashSet<>();
        for (Clause.Arg a : head.args()) {
            reached.add(a.variable());
        }
        boolean[] used = new boolean[body.size()];
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < body.size(); i++) {
                if (used[i]) {
                    continue;
                }
                boolean touches = false;
                for (Clause.Arg a : body.get(i).args()) {
                    if (a.isVariable() && reached.contains(a.variable())) {
                        touches = true;
                        break;
                    }
                }
                if (touches) {
                    used[i] = true;
                    grew = true;
                    for (Clause.Arg a : body.get(i).args()) {
                        if (a.isVariable()) {
                            reached.add(a.variable());
                        }
                    }
                }
            }
        }
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return reached.size() == n;
    }
}
