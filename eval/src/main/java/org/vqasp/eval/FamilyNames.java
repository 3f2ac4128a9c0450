package org.vqasp.eval;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Report group names ({@code one_hop/3}, {@code structural/query}): their order for people, and their prefixes
 * (the CLEVR template file, the GQA type kind).
 */
public final class FamilyNames {

    /** Orders names with numbers by the numbers' values: {@code one_hop/2} before {@code one_hop/10}. */
    public static final Comparator<String> NATURAL = FamilyNames::compare;

    private FamilyNames() {
    }

    /** Returns the part of a name before its first {@code /}, or the whole name. */
    public static String prefix(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /**
     * Adds up {questions, correct} counts by prefix ({@code one_hop/3} counts under {@code one_hop}).
     *
     * @param families name -> {questions, correct}
     * @return prefix -> {questions, correct}, in natural order
     */
    public static Map<String, long[]> byPrefix(Map<String, long[]> families) {
        Map<String, long[]> out = new TreeMap<>(NATURAL);
        families.forEach((name, c) -> {
            long[] t = out.computeIfAbsent(prefix(name), k -> new long[2]);
            t[0] += c[0];
            t[1] += c[1];
        });
        return out;
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Long.compare(Long.parseLong(a.substring(si, i)), Long.parseLong(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
