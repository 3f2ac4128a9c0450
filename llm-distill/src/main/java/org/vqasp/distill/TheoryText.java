package org.vqasp.distill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ASP program split into statements, with the comments and layout between them kept: the form in which
 * distillation deletes rules from a theory and adds learnt ones, and in which the proposer reads it verbatim.
 *
 * <p>The split follows clingo's lexer for comments and strings; a period ends a statement unless it is part of
 * an interval ({@code 1..5}). Script blocks ({@code #script ... #end.}) are not supported: theories never have
 * them and candidates that do are refused before they are split.
 */
public final class TheoryText {

    private final String text;
    private final List<Statement> statements;

    private TheoryText(String text, List<Statement> statements) {
        this.text = text;
        this.statements = List.copyOf(statements);
    }

    /**
     * Splits a program into statements.
     *
     * @param text the program text
     * @return the program
     */
    public static TheoryText parse(String text) {
        Objects.requireNonNull(text, "text");
        String code = AspSource.code(text);
        List<Statement> out = new ArrayList<>();
        int n = code.length();
        int i = 0;
        int line = 1;
        int lineAt = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(code.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            int end = -1;
            while (i < n) {
                char c = code.charAt(i);
                if (c == '.') {
                    boolean interval = i + 1 < n && code.charAt(i + 1) == '.';
                    if (interval) {
                        i += 2;
                        continue;
                    }
                    end = i + 1;
                    i++;
                    break;
                }
                i++;
            }
            if (end < 0) {
                end = n;
            }
            for (int k = lineAt; k < start; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            lineAt = start;
            out.add(statement(text.substring(start, end), code.substring(start, end), start, end, line));
        }
        return new TheoryText(text, out);
    }

    private static Statement statement(String text, String code, int start, int end, int line) {
        String c = code.strip();
        if (c.startsWith("#")) {
            return new Statement(text, start, end, line, Statement.Kind.DIRECTIVE, null, Set.of());
        }
        if (c.startsWith(":-") || c.startsWith(":~")) {
            return new Statement(text, start, end, line, Statement.Kind.CONSTRAINT, null, atoms(c.substring(2)));
        }
        int arrow = topLevel(c, ":-");
        String head = arrow < 0 ? stripPeriod(c) : c.substring(0, arrow);
        Set<Predicate> body = arrow < 0 ? Set.of() : atoms(c.substring(arrow + 2));
        return new Statement(text, start, end, line, arrow < 0 ? Statement.Kind.FACT : Statement.Kind.RULE,
                firstAtom(head), body);
    }

    private static String stripPeriod(String c) {
        return c.endsWith(".") ? c.substring(0, c.length() - 1) : c;
    }

    /** Returns the offset of a token outside parentheses and braces, or -1. */
    private static int topLevel(String c, String token) {
        int depth = 0;
        for (int i = 0; i + token.length() <= c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(' || ch == '{' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == '}' || ch == ']') {
                depth--;
            } else if (depth == 0 && c.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the predicate of the first atom of a head (skipping choice braces and bounds), or null. */
    private static Predicate firstAtom(String head) {
        for (int i = 0; i < head.length(); i++) {
            char ch = head.charAt(i);
            if (Character.isLowerCase(ch) || ch == '-' && i + 1 < head.length()
                    && Character.isLowerCase(head.charAt(i + 1))) {
                if (i > 0 && (head.charAt(i - 1) == '#' || Character.isLetterOrDigit(head.charAt(i - 1)))) {
                    continue;
                }
                return atomAt(head, i);
            }
        }
        return null;
    }

    /** Reads the atom starting at offset i: its name and arity (counted up to the first pool separator). */
    private static Predicate atomAt(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '\'')) {
            j++;
        }
        String name = s.substring(i, j);
        int k = j;
        while (k < s.length() && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != '(') {
            return new Predicate(name, 0);
        }
        int depth = 0;
        int commas = 0;
        boolean empty = true;
        for (int p = k; p < s.length(); p++) {
            char ch = s.charAt(p);
            if (ch == '(' || ch == '{' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == '}' || ch == ']') {
                depth--;
                if (depth == 0) {
                    break;
                }
            } else if (depth == 1 && ch == ',') {
                commas++;
            } else if (depth == 1 && ch == ';') {
                break;
            } else if (!Character.isWhitespace(ch)) {
                empty = false;
            }
        }
        return new Predicate(name, empty && commas == 0 ? 0 : commas + 1);
    }

    /** Returns the predicates of the atoms with arguments in a body (at the literal level, not inside terms). */
    private static Set<Predicate> atoms(String body) {
        Set<Predicate> out = new LinkedHashSet<>();
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (depth == 0 && Character.isLowerCase(ch)
                    && (i == 0 || !(Character.isLetterOrDigit(body.charAt(i - 1)) || body.charAt(i - 1) == '_'
                    || body.charAt(i - 1) == '#'))) {
                Predicate p = atomAt(body, i);
                int skip = p.name().length();
                if (p.arity() > 0 && !p.name().equals("not")) {
                    out.add(p);
                }
                i += skip - 1;
            }
        }
        return out;
    }

    /** Returns the program text. */
    public String text() {
        return text;
    }

    /** Returns the statements in order. */
    public List<Statement> statements() {
        return statements;
    }

    /** Returns the rules (a head and a non-empty body) in order. */
    public List<Statement> rules() {
        return statements.stream().filter(Statement::isRule).collect(Collectors.toList());
    }

    /** Returns the predicates that some fact or rule defines. */
    public Set<Predicate> defined() {
        Set<Predicate> out = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.head() != null) {
                out.add(s.head());
            }
        }
        return out;
    }

    /**
     * Returns the predicates used in some body but defined by no statement, in order of first use: the inputs the
     * encoders give as facts, and predicates whose rules were deleted.
     */
    public Set<Predicate> undefined() {
        Set<Predicate> defined = defined();
        Set<Predicate> out = new LinkedHashSet<>();
        for (Statement s : statements) {
            for (Predicate p : s.body()) {
                if (!defined.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Returns the statements whose head predicate is one of those picked. */
    public List<Statement> definitionsOf(PredicateSelector selector) {
        return statements.stream().filter(s -> selector.matches(s.head())).collect(Collectors.toList());
    }

    /**
     * Picks a fraction of the rules at random: {@code round(fraction * rules)} of them, at least one when the
     * fraction is positive.
     *
     * @param fraction the fraction, in (0, 1]
     * @param seed the seed: the same seed picks the same rules
     * @return the rules picked, in program order
     */
    public List<Statement> randomRules(double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        List<Statement> rules = new ArrayList<>(rules());
        int k = Math.max(1, (int) Math.round(fraction * rules.size()));
        Collections.shuffle(rules, new Random(seed));
        List<Statement> picked = new ArrayList<>(rules.subList(0, Math.min(k, rules.size())));
        picked.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return picked;
    }

    /**
     * Returns the program without the given statements; a statement alone on its lines takes its lines with it.
     *
     * @param deleted statements of this program
     * @return the smaller program
     */
    public TheoryText without(Collection<Statement> deleted) {
        List<Statement> sorted = new ArrayList<>(deleted);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Statement s : sorted) {
            if (!statements.contains(s)) {
                throw new IllegalArgumentException("not a statement of this program: " + s.text());
            }
            int from = s.start();
            int to = s.end();
            int lineStart = text.lastIndexOf('\n', from - 1) + 1;
            int lineEnd = text.indexOf('\n', to);
            boolean aloneBefore = text.substring(lineStart, from).isBlank();
            boolean aloneAfter = (lineEnd < 0 ? text.substring(to) : text.substring(to, lineEnd)).isBlank();
            if (aloneBefore && aloneAfter && lineStart >= at) {
                from = lineStart;
                to = lineEnd < 0 ? text.length() : lineEnd + 1;
            }
            sb.append(text, at, Math.max(at, from));
            at = Math.max(at, to);
        }
        sb.append(text.substring(at));
        return parse(sb.toString());
    }

    /**
     * Returns the program with rules added at its end, under a comment line.
     *
     * @param rules the rules' text
     * @param comment one line saying where they come from (without the leading {@code %})
     * @return the larger program
     */
    public TheoryText append(String rules, String comment) {
        StringBuilder sb = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            sb.append('\n');
        }
        sb.append("\n% ").append(comment.replace('\n', ' ')).append('\n').append(rules.strip()).append('\n');
        return parse(sb.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
