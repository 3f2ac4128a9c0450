package org.vqasp.reasoning.clingo;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a ground term as the {@code clingo} program prints it ({@code answer(3,"a b")}, {@code (1,a)},
 * {@code -s(1)}, {@code #sup}) back into a {@link Symbol}: how answer sets of a clingo child process are read.
 */
final class SymbolParser {

    private final String s;
    private int pos;

    private SymbolParser(String s) {
        this.s = s;
    }

    /** Parses a whole text as one term; see {@link Symbol#parse}. */
    static Symbol parse(String text) {
        SymbolParser p = new SymbolParser(text);
        Symbol t = p.term();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected \"" + text.charAt(p.pos) + "\" at " + p.pos + " in " + text);
        }
        return t;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Symbol term() {
        skipSpace();
        if (pos >= s.length()) {
            throw new IllegalArgumentException("term expected at the end of " + s);
        }
        char c = s.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            if (c == '-' && pos < s.length() && !Character.isDigit(s.charAt(pos))) {
                Symbol inner = term();
                return new Symbol(Symbol.Type.FUNCTION, 0, inner.name(), inner.args(), false);
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return Symbol.number(Integer.parseInt(s.substring(start, pos)));
        }
        if (c == '#') {
            int start = pos;
            pos++;
            while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
                pos++;
            }
            String special = s.substring(start, pos);
            return switch (special) {
                case "#inf" -> new Symbol(Symbol.Type.INFIMUM, 0, "", List.of(), true);
                case "#sup" -> new Symbol(Symbol.Type.SUPREMUM, 0, "", List.of(), true);
                default -> throw new IllegalArgumentException("unknown \"" + special + "\" at " + start + " in " + s);
            };
        }
        if (c == '(') {
            pos++;
            return Symbol.function("", list());
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
            return Symbol.function(name, list());
        }
        return Symbol.function(name, List.of());
    }

    private Symbol string() {
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
        return Symbol.string(sb.toString());
    }

    /** Reads the arguments after an opening parenthesis, up to and including the closing one. */
    private List<Symbol> list() {
        List<Symbol> out = new ArrayList<>();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ')') {
            pos++;
            return out;
        }
        while (true) {
            out.add(term());
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("\")\" expected at the end of " + s);
            }
            char c = s.charAt(pos++);
            if (c == ')') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("\",\" or \")\" expected at " + (pos - 1) + " in " + s);
            }
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ')') {
                pos++;
                return out;
            }
        }
    }
}
