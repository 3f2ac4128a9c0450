package org.vqasp.distill;

import java.util.Objects;
import java.util.Set;

/**
 * One statement of an ASP program, as {@link TheoryText} splits it: a fact, a rule, a constraint or a directive.
 *
 * @param text the statement's text, from its first character to its closing period (comments inside kept)
 * @param start the offset of its first character in the program
 * @param end the offset just after its closing period
 * @param line its first line, from 1
 * @param kind what it is
 * @param head the predicate of its (first) head atom, or null for constraints and directives
 * @param body the predicates of its body atoms (with at least one argument)
 */
public record Statement(String text, int start, int end, int line, Kind kind, Predicate head, Set<Predicate> body) {

    /** What a statement is. */
    public enum Kind {
        /** A head without a body, such as {@code value(size,(small;large)).} */
        FACT,
        /** A head and a body. */
        RULE,
        /** A body without a head ({@code :- ...}) or a weak constraint ({@code :~ ...}). */
        CONSTRAINT,
        /** A directive such as {@code #show answer/2.} */
        DIRECTIVE
    }

    /** Checks the fields. */
    public Statement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        body = Set.copyOf(body);
        if (end < start) {
            throw new IllegalArgumentException("statement ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** Returns true for a rule with a head and a non-empty body: what {@code --delete-fraction} may delete. */
    public boolean isRule() {
        return kind == Kind.RULE;
    }
}
