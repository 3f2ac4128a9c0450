package org.vqasp.distill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule the enumerative proposer builds: a head and a body of positive literals over typed variables and
 * constants.
 *
 * @param head the head literal
 * @param body the body literals
 * @param types the type of each variable, by variable number
 */
record Clause(Literal head, List<Literal> body, List<String> types) {

    /** Copies the lists. */
    Clause {
        Objects.requireNonNull(head, "head");
        body = List.copyOf(body);
        types = List.copyOf(types);
    }

    /** Returns the rule's text, such as {@code filter_color(S,O) :- step(S,filter_color), input(S,O).} */
    String text() {
        return text(null);
    }

    /**
     * Returns the rule's text with a guard atom first in its body.
     *
     * @param guard the guard, such as {@code use(17)}, or null for none
     */
    String text(String guard) {
        List<String> names = names();
        StringBuilder sb = new StringBuilder(head.text(names)).append(" :- ");
        if (guard != null) {
            sb.append(guard).append(", ");
        }
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(body.get(i).text(names));
        }
        return sb.append('.').toString();
    }

    /**
     * Names variables after their types' initials: S, O, V, then S1, S2 for more of the same initial; a variable
     * that occurs once is {@code _}.
     */
    private List<String> names() {
        int[] count = new int[types.size()];
        for (Arg a : head.args()) {
            count[a.variable()]++;
        }
        for (Literal l : body) {
            for (Arg a : l.args()) {
                if (a.isVariable()) {
                    count[a.variable()]++;
                }
            }
        }
        Map<Character, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int v = 0; v < types.size(); v++) {
            String t = types.get(v);
            if (count[v] == 1) {
                out.add("_");
                continue;
            }
            char c = Character.toUpperCase(t.isEmpty() ? 'x' : t.charAt(0));
            if (!Character.isLetter(c)) {
                c = 'X';
            }
            int n = seen.merge(c, 1, Integer::sum) - 1;
            out.add(n == 0 ? String.valueOf(c) : c + Integer.toString(n));
        }
        return out;
    }

    /**
     * A literal: a predicate applied to variables and constants.
     *
     * @param predicate the predicate
     * @param args one argument each
     */
    record Literal(Predicate predicate, List<Arg> args) {

        Literal {
            args = List.copyOf(args);
        }

        String text(List<String> names) {
            StringBuilder sb = new StringBuilder(predicate.name());
            if (!args.isEmpty()) {
                sb.append('(');
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    Arg a = args.get(i);
                    sb.append(a.isVariable() ? names.get(a.variable()) : a.constant());
                }
                sb.append(')');
            }
            return sb.toString();
        }

        /** Returns a text that tells literals apart, with variables numbered. */
        String key() {
            StringBuilder sb = new StringBuilder(predicate.name()).append('(');
            for (Arg a : args) {
                sb.append(a.isVariable() ? "#" + a.variable() : a.constant()).append(',');
            }
            return sb.append(')').toString();
        }
    }

    /**
     * An argument: a variable number, or a constant.
     *
     * @param variable the variable's number, or -1 for a constant
     * @param constant the constant, or null for a variable
     */
    record Arg(int variable, String constant) {

        static Arg var(int v) {
            return new Arg(v, null);
        }

        static Arg constant(String c) {
            return new Arg(-1, c);
        }

        boolean isVariable() {
            return constant == null;
        }
    }
}
