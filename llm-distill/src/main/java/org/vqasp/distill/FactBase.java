package org.vqasp.distill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * Ground atoms of an answer set, indexed for joins: what the enumerative proposer evaluates rule bodies on.
 * Arguments are kept as clingo prints them.
 */
final class FactBase {

    private final Map<Predicate, List<String[]>> rows = new HashMap<>();
    private final Map<Predicate, Set<String>> keys = new HashMap<>();
    private final Map<Predicate, Map<Integer, Map<String, List<String[]>>>> index = new HashMap<>();

    /** Indexes atoms. */
    static FactBase of(List<Symbol> atoms) {
        FactBase f = new FactBase();
        for (Symbol t : atoms) {
            if (t.type() != Symbol.Type.FUNCTION || t.name().isEmpty()) {
                continue;
            }
            String[] args = new String[t.args().size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = t.arg(i).toString();
            }
            Predicate p = Predicate.of(t);
            if (f.keys.computeIfAbsent(p, k -> new HashSet<>()).add(String.join("\u0000", args))) {
                f.rows.computeIfAbsent(p, k -> new ArrayList<>()).add(args);
            }
        }
        return f;
    }

    /** Returns the tuples of a predicate. */
    List<String[]> all(Predicate p) {
        return rows.getOrDefault(p, List.of());
    }

    /** Returns the tuples of a predicate whose argument {@code pos} is {@code value}. */
    List<String[]> lookup(Predicate p, int pos, String value) {
        Map<String, List<String[]>> byValue = index.computeIfAbsent(p, k -> new HashMap<>()).computeIfAbsent(pos, k -> {
            Map<String, List<String[]>> m = new HashMap<>();
            for (String[] r : all(p)) {
                m.computeIfAbsent(r[pos], x -> new ArrayList<>()).add(r);
            }
            return m;
        });
        return byValue.getOrDefault(value, List.of());
    }

    /** Returns true when the tuple is an atom of the predicate. */
    boolean contains(Predicate p, String[] tuple) {
        Set<String> k = keys.get(p);
        return k != null && k.contains(String.join("\u0000", tuple));
    }

    /** Returns the number of atoms. */
    int size() {
        return rows.values().stream().mapToInt(List::size).sum();
    }
}
