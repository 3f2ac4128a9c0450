package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * The small pattern language of the grammar's question rules: words, {@code {slot}}s filled by a
 * nonterminal, {@code (a|b c)} a choice and {@code [a|b c]} an optional choice. A pattern expands into every
 * flat sequence of words and slots it allows.
 */
final class Patterns {

    /** One element of a flat pattern: a literal word, or a slot (when {@code slot} is true). */
    record Element(String text, boolean slot) {
    }

    private Patterns() {
    }

    /**
     * Expands a pattern.
     *
     * @throws IllegalArgumentException when the brackets do not match
     */
    static List<List<Element>> expand(String pattern) {
        List<String> tokens = tokenize(pattern);
        int[] pos = {0};
        List<List<Element>> out = sequence(tokens, pos);
        if (pos[0] != tokens.size()) {
            throw new IllegalArgumentException("pattern \"" + pattern + "\": unexpected '" + tokens.get(pos[0]) + "'");
        }
        return out;
    }

    private static List<String> tokenize(String pattern) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == ' ') {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
                if (c != ' ') {
                    out.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** Reads a sequence up to a closing bracket or bar; returns its expansions. */
    private static List<List<Element>> sequence(List<String> t, int[] pos) {
        List<List<Element>> acc = new ArrayList<>();
        acc.add(new ArrayList<>());
        while (pos[0] < t.size()) {
            String tok = t.get(pos[0]);
            if (tok.equals(")") || tok.equals("]") || tok.equals("|")) {
                break;
            }
            pos[0]++;
            List<List<Element>> options;
            if (tok.equals("(") || tok.equals("[")) {
                String close = tok.equals("(") ? ")" : "]";
                options = new ArrayList<>();
                while (true) {
                    options.addAll(sequence(t, pos));
                    if (pos[0] >= t.size()) {
                        throw new IllegalArgumentException("unclosed " + tok);
                    }
                    String sep = t.get(pos[0]++);
                    if (sep.equals(close)) {
                        break;
                    }
                    if (!sep.equals("|")) {
                        throw new IllegalArgumentException("expected | or " + close + ", found " + sep);
                    }
                }
                if (tok.equals("[")) {
                    options.add(List.of());
                }
            } else if (tok.startsWith("{") && tok.endsWith("}")) {
                options = List.of(List.of(new Element(tok.substring(1, tok.length() - 1), true)));
            } else {
                options = List.of(List.of(new Element(tok, false)));
            }
            List<List<Element>> next = new ArrayList<>(acc.size() * options.size());
            for (List<Element> a : acc) {
                for (List<Element> o : options) {
                    List<Element> s = new ArrayList<>(a);
                    s.addAll(o);
                    next.add(s);
                }
            }
            acc = next;
        }
        return acc;
    }
}
