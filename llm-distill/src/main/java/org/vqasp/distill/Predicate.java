package org.vqasp.distill;

import java.util.Objects;
import java.util.regex.Pattern;
import org.vqasp.reasoning.clingo.Symbol;

/**
 * A predicate: a name and an arity, written {@code name/arity} as clingo does.
 *
 * @param name the name, a clingo identifier (classical negation {@code -p} keeps its sign)
 * @param arity the number of arguments
 */
public record Predicate(String name, int arity) implements Comparable<Predicate> {

    static final Pattern NAME = Pattern.compile("-?_*[a-z][A-Za-z0-9_']*");

    /** Checks the name and the arity. */
    public Predicate {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a predicate name: \"" + name + "\"");
        }
        if (arity < 0) {
            throw new IllegalArgumentException("arity must not be negative, was " + arity);
        }
    }

    /** Returns the predicate of an atom: its name (with {@code -} when classically negated) and arity. */
    public static Predicate of(Symbol atom) {
        return new Predicate((atom.positive() ? "" : "-") + atom.name(), atom.arity());
    }

    @Override
    public int compareTo(Predicate o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : Integer.compare(arity, o.arity);
    }

    @Override
    public String toString() {
        return name + "/" + arity;
    }
}
