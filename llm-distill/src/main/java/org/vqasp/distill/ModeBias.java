package org.vqasp.distill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vqasp.core.ErrorKind;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * The enumerative proposer's language bias, read from a theory's {@code modes.lp}: which predicates a learnt
 * rule may use, the type of each argument, and the constants an argument of a type may be.
 *
 * <p>{@code modes.lp} is ASP: {@code given(step(step,function)).} (an encoder's fact), {@code derived(set(step,object)).}
 * (a predicate of the theory, which a rule may define), {@code constant(attribute,A) :- value(A,_).} It is solved
 * together with the theory, so constants are read off the theory's own facts.
 *
 * <p>With the fact {@code anonymous.}, a rule may also have body variables that occur once, written {@code _}
 * (as in {@code found(S) :- set(S,_).}).
 *
 * @param modes the modes, encoder facts first, each group sorted
 * @param constants the constants of each type, sorted
 * @param anonymous whether body variables may occur once
 */
public record ModeBias(List<Mode> modes, Map<String, List<String>> constants, boolean anonymous) {

    /** Copies the collections. */
    public ModeBias {
        modes = List.copyOf(modes);
        Map<String, List<String>> c = new TreeMap<>();
        constants.forEach((k, v) -> c.put(k, List.copyOf(v)));
        constants = java.util.Collections.unmodifiableMap(c);
    }

    /**
     * Reads a mode bias by solving it with a theory in a guarded run.
     *
     * @param clingo the guarded clingo
     * @param modes the text of {@code modes.lp}
     * @param theory the theory whose facts give the constants
     * @return the bias
     * @throws org.vqasp.core.VqaspException of kind {@code bad_modes} when it does not solve or has no modes
     */
    public static ModeBias read(GuardedClingo clingo, String modes, String theory) {
        GuardedClingo.Run run = clingo.solve(List.of(new GuardedClingo.Source("theory.lp", theory),
                new GuardedClingo.Source("modes.lp", modes
                        + "\n#defined anonymous/0.\n#show given/1. #show derived/1. #show constant/2. #show anonymous/0.\n")), 1);
        if (run.status() != GuardedClingo.Status.SATISFIABLE || run.models().isEmpty()) {
            throw new org.vqasp.core.VqaspException(ErrorKind.BAD_MODES, "the mode bias does not solve with the theory: "
                    + run.status() + " " + run.detail() + " " + run.messages());
        }
        List<Mode> given = new ArrayList<>();
        List<Mode> derived = new ArrayList<>();
        Map<String, TreeSet<String>> constants = new TreeMap<>();
        boolean anonymous = false;
        for (Symbol t : run.models().get(0)) {
            if (t.is("anonymous", 0)) {
                anonymous = true;
            }
            if ((t.is("given", 1) || t.is("derived", 1)) && t.arg(0).type() == Symbol.Type.FUNCTION
                    && !t.arg(0).name().isEmpty()) {
                Symbol p = t.arg(0);
                List<String> types = new ArrayList<>();
                for (Symbol a : p.args()) {
                    types.add(a.toString());
                }
                Mode m = new Mode(new Predicate(p.name(), p.args().size()), types, t.is("given", 1));
                (m.given() ? given : derived).add(m);
            } else if (t.is("constant", 2)) {
                constants.computeIfAbsent(t.arg(0).toString(), k -> new TreeSet<>(CONSTANT_ORDER)).add(t.arg(1).toString());
            }
        }
        Comparator<Mode> order = Comparator.comparing((Mode m) -> m.predicate()).thenComparing(m -> m.types().toString());
        given.sort(order);
        derived.sort(order);
        if (given.isEmpty() && derived.isEmpty()) {
            throw new org.vqasp.core.VqaspException(ErrorKind.BAD_MODES, "the mode bias declares no given/1 or derived/1 modes");
        }
        List<Mode> all = new ArrayList<>(given);
        all.addAll(derived);
        Map<String, List<String>> c = new TreeMap<>();
        constants.forEach((k, v) -> c.put(k, new ArrayList<>(v)));
        return new ModeBias(all, c, anonymous);
    }

    /** Numbers before other constants, numbers by value, the rest alphabetically. */
    private static final Comparator<String> CONSTANT_ORDER = (a, b) -> {
        boolean na = a.matches("-?\\d+");
        boolean nb = b.matches("-?\\d+");
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    };

    /** Returns the modes of the theory's own predicates, which rules may define. */
    public List<Mode> derived() {
        return modes.stream().filter(m -> !m.given()).toList();
    }

    /** Returns the constants of a type (empty when it has none). */
    public List<String> constantsOf(String type) {
        return constants.getOrDefault(type, List.of());
    }

    /**
     * One mode: a predicate with the type of each argument.
     *
     * @param predicate the predicate
     * @param types one type per argument
     * @param given true for an encoder's fact, false for a predicate of the theory
     */
    public record Mode(Predicate predicate, List<String> types, boolean given) {

        /** Checks that there is one type per argument. */
        public Mode {
            Objects.requireNonNull(predicate, "predicate");
            types = List.copyOf(types);
            if (types.size() != predicate.arity()) {
                throw new IllegalArgumentException(predicate + " needs " + predicate.arity() + " types, has " + types);
            }
        }
    }
}
