package org.vqasp.distill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ground clingo term as the {@code clingo} program prints it: a number, a string, a constant, a function
 * ({@code answer(3,yes)}) or a tuple ({@code (a,b)}).
 *
 * @param type what kind of term it is
 * @param name the constant or function name, the number's digits, or the string's content (unescaped); empty
 *     for tuples
 * @param args the arguments of a function or the elements of a tuple; empty otherwise
 */
public record Term(Type type, String name, List<Term> args) {

    /** Kinds of terms. */
    public enum Type { NUMBER, STRING, FUNCTION, TUPLE, SPECIAL }

    /** Checks the fields. */
    public Term {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /**
     * Parses a ground term.
     *
     * @param text the term as clingo prints it
     * @return the term
     * @throws IllegalArgumentException naming the offset when the text is not a term
     */
    public static Term parse(String text) {
        Parser p = new Parser(text);
        Term t = p.term();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected \"" + text.charAt(p.pos) + "\" at " + p.pos + " in " + text);
        }
        return t;
    }

    /** Returns true when this is a function (or constant) with the given name and number of arguments. */
    public boolean is(String predicate, int arity) {
        return type == Type.FUNCTION && name.equals(predicate) && args.size() == arity;
    }

    /** Returns the predicate of an atom. */
    public Predicate predicate() {
        return new Predicate(name, args.size());
    }

    /** Returns the i-th argument. */
    public Term arg(int i) {
        return args.get(i);
    }

    /**
     * Returns the term as an answer is written in datasets: numbers and constants as they are, strings without
     * quotes, anything else as clingo prints it.
     */
    public String asText() {
        return switch (type) {
            case NUMBER, STRING -> name;
            case FUNCTION -> args.isEmpty() ? name : toString();
            default -> toString();
        };
    }

    /** Returns true for an integer term. */
    public boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** Returns the value of an integer term. */
    public int number() {
        if (type != Type.NUMBER) {
            throw new IllegalStateException("not a number: " + this);
        }
        return Integer.parseInt(name);
    }

    @Override
    public String toString() {
        switch (type) {
            case NUMBER:
            case SPECIAL:
                return name;
            case STRING:
                return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
            default:
                StringBuilder sb = new StringBuilder(name);
                if (!args.isEmpty() || type == Type.TUPLE) {
                    sb.append('(');
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        sb.append(args.get(i));
                    }
                    if (type == Type.TUPLE && args.size() == 1) {
                        sb.append(',');
                    }
                    sb.append(')');
                }
                return sb.toString();
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Term term() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("term expected at the end of " + s);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (pos < s.length() && s.charAt(pos) != '"') {
                    char ch = s.charAt(pos);
                    if (ch == '\\' && pos + 1 < s.length()) {
                        char e = s.charAt(pos + 1);
                        sb.append(e == 'n' ? '\n' : e);
                        pos += 2;
                    } else {
                        sb.append(ch);
                        pos++;
                    }
                }
                pos++;
                return new Term(Type.STRING, sb.toString(), List.of());
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = pos;
                pos++;
                if (c == '-' && pos < s.length() && !Character.isDigit(s.charAt(pos))) {
                    Term inner = term();
                    return new Term(Type.FUNCTION, "-" + inner.name, inner.args);
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                return new Term(Type.NUMBER, s.substring(start, pos), List.of());
            }
            if (c == '#') {
                int start = pos;
                pos++;
                while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                    pos++;
                }
                return new Term(Type.SPECIAL, s.substring(start, pos), List.of());
            }
            if (c == '(') {
                pos++;
                List<Term> elems = list(')');
                return new Term(Type.TUPLE, "", elems);
            }
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                    || s.charAt(pos) == '\'')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("unexpected \"" + c + "\" at " + pos + " in " + s);
            }
            String name = s.substring(start, pos);
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                return new Term(Type.FUNCTION, name, list(')'));
            }
            return new Term(Type.FUNCTION, name, List.of());
        }

        List<Term> list(char close) {
            List<Term> out = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return out;
            }
            while (true) {
                out.add(term());
                skipSpace();
                if (pos >= s.length()) {
                    throw new IllegalArgumentException("\"" + close + "\" expected at the end of " + s);
                }
                char c = s.charAt(pos++);
                if (c == close) {
                    return out;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("\",\" or \"" + close + "\" expected at " + (pos - 1) + " in " + s);
                }
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == close) {
                    pos++;
                    return out;
                }
            }
        }
    }
}
