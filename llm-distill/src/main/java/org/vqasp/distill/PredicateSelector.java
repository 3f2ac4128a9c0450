package org.vqasp.distill;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks predicates by name, and by arity when one is given: {@code filter_color} or {@code filter_color/2}, as
 * {@code --delete-predicate} takes them.
 *
 * @param name the name
 * @param arity the arity, or -1 for any
 */
public record PredicateSelector(String name, int arity) {

    private static final Pattern SPEC = Pattern.compile("(" + Predicate.NAME.pattern() + ")(?:/(\\d+))?");

    /** Checks the name. */
    public PredicateSelector {
        if (name == null || !Predicate.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a predicate name: \"" + name + "\"");
        }
        if (arity < -1) {
            throw new IllegalArgumentException("arity must be -1 (any) or more, was " + arity);
        }
    }

    /**
     * Parses {@code name} or {@code name/arity}.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static PredicateSelector parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a predicate such as filter_color or filter_color/2, found \""
                    + spec + "\"");
        }
        return new PredicateSelector(m.group(1), m.group(2) == null ? -1 : Integer.parseInt(m.group(2)));
    }

    /** Returns true when the predicate is one of those picked. */
    public boolean matches(Predicate p) {
        return p != null && p.name().equals(name) && (arity < 0 || p.arity() == arity);
    }

    @Override
    public String toString() {
        return arity < 0 ? name : name + "/" + arity;
    }
}
