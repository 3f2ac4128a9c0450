package org.vqasp.reasoning;

import java.util.regex.Pattern;

/**
 * Builds ASP facts as program text, quoting every term safely: numbers stay numbers, words that are valid
 * clingo constants stay constants, anything else (spaces, capitals, punctuation from untrusted input)
 * becomes a quoted string, so no input can inject rules.
 */
public final class Facts {

    private static final Pattern CONSTANT = Pattern.compile("[a-z][A-Za-z0-9_']*");

    private final StringBuilder text;

    /** Creates an empty fact list. */
    public Facts() {
        this.text = new StringBuilder(1024);
    }

    /**
     * Adds one fact.
     *
     * @param predicate the predicate name, a clingo constant
     * @param args the arguments: {@link Integer}, {@link Long} or {@link String}
     * @return this
     */
    public Facts add(String predicate, Object... args) {
        if (!CONSTANT.matcher(predicate).matches()) {
            throw new IllegalArgumentException("not a predicate name: " + predicate);
        }
        text.append(predicate);
        if (args.length > 0) {
            text.append('(');
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                term(text, args[i]);
            }
            text.append(')');
        }
        text.append(".\n");
        return this;
    }

    /** Returns the facts as program text. */
    @Override
    public String toString() {
        return text.toString();
    }

    /**
     * Returns a value as a clingo term: an integer, a constant, or a quoted string.
     *
     * @param value the value
     * @return the term text
     */
    public static String term(Object value) {
        StringBuilder sb = new StringBuilder();
        term(sb, value);
        return sb.toString();
    }

    private static void term(StringBuilder sb, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof String s) {
            if (CONSTANT.matcher(s).matches() && !s.equals("not")) {
                sb.append(s);
            } else {
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        case '\n' -> sb.append("\\n");
                        default -> sb.append(c < 0x20 ? ' ' : c);
                    }
                }
                sb.append('"');
            }
        } else {
            throw new IllegalArgumentException("not a term: " + v);
        }
    }
}
