package org.vqasp.distill;

/**
 * Reads ASP program text the way clingo's lexer separates it: line comments ({@code % ...}), block comments
 * ({@code %* ... *%}), strings (with backslash escapes) and code. Used to split programs into statements and to
 * look for forbidden constructs only where clingo would see them.
 */
final class AspSource {

    /** What a character of the text belongs to. */
    enum Kind { CODE, COMMENT, STRING }

    private AspSource() {
    }

    /**
     * Classifies every character of a program text.
     *
     * @param text the program
     * @return one kind per character
     */
    static Kind[] classify(String text) {
        Kind[] kinds = new Kind[text.length()];
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%') {
                int end;
                if (i + 1 < n && text.charAt(i + 1) == '*') {
                    int close = text.indexOf("*%", i + 2);
                    end = close < 0 ? n : close + 2;
                } else {
                    int nl = text.indexOf('\n', i);
                    end = nl < 0 ? n : nl;
                }
                fill(kinds, i, end, Kind.COMMENT);
                i = end;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                fill(kinds, i, end, Kind.STRING);
                i = end;
            } else {
                kinds[i] = Kind.CODE;
                i++;
            }
        }
        return kinds;
    }

    /**
     * Returns the text with comments blanked out (newlines kept, so positions stay) and every string's content
     * replaced by spaces: what is left is what clingo parses as code.
     */
    static String code(String text) {
        Kind[] kinds = classify(text);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (kinds[i] == Kind.CODE || c == '\n') {
                sb.append(c);
            } else if (kinds[i] == Kind.STRING && (i == 0 || kinds[i - 1] != Kind.STRING
                    || i + 1 == text.length() || kinds[i + 1] != Kind.STRING)) {
                sb.append('"');
            } else {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static void fill(Kind[] kinds, int from, int to, Kind k) {
        for (int i = from; i < to; i++) {
            kinds[i] = k;
        }
    }
}
