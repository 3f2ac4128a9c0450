package org.vqasp.core.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and writes GQA's {@code semanticStr}, the one-line form of a semantic program, such as
 * {@code select: wall (722332)->filter color: white [0]->relate: _,on,s (722335) [1]->query: name [2]}.
 *
 * <p>The convention: steps are joined by {@code ->}; each step is {@code operation + ": " + argument},
 * followed by {@code " [d, e]"} when it has dependencies, or by one blank when it is a later step without
 * dependencies (a second {@code select}: {@code select: pillow (1063920) ->same color:  [0, 1]}). An empty
 * argument therefore leaves two blanks before the dependencies. Arguments are kept verbatim, trailing blanks
 * included ({@code verify: open  [1]} has the argument {@code "open "}), so that
 * {@code format(parse(s)).equals(s)}.
 */
public final class SemanticString {

    private static final Pattern OBJECT_IDS = Pattern.compile("\\s*\\((?:-|\\d+(?:\\s*,\\s*\\d+)*)\\)");

    private static final Pattern DEPENDENCIES = Pattern.compile("^(.*) \\[(\\d+(?:, ?\\d+)*)?\\]$");

    private SemanticString() {
    }

    /**
     * Parses a {@code semanticStr}.
     *
     * @param text the string
     * @return the steps, the same structure as the released {@code semantic} list
     * @throws IllegalArgumentException naming the step and what was expected
     */
    public static List<GqaOperation> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("semanticStr is empty");
        }
        String[] parts = text.split("->", -1);
        List<GqaOperation> steps = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("semanticStr step " + i + ": expected \"operation: argument\", found \""
                        + abbreviate(part) + "\"");
            }
            String operation = part.substring(0, colon);
            String rest = part.substring(colon + 1);
            List<Integer> deps = new ArrayList<>();
            String argument;
            Matcher m = DEPENDENCIES.matcher(rest);
            if (m.matches()) {
                argument = m.group(1);
                if (m.group(2) != null) {
                    for (String d : m.group(2).split(",")) {
                        deps.add(Integer.parseInt(d.strip()));
                    }
                }
            } else {
                argument = i > 0 && rest.endsWith(" ") ? rest.substring(0, rest.length() - 1) : rest;
            }
            if (argument.startsWith(" ")) {
                argument = argument.substring(1);
            }
            for (int d : deps) {
                if (d >= i) {
                    throw new IllegalArgumentException("semanticStr step " + i + " (" + operation.strip()
                            + "): depends on step " + d + ", which is not an earlier step");
                }
            }
            steps.add(new GqaOperation(operation.strip(), argument, deps));
        }
        return steps;
    }

    /**
     * Writes steps as a {@code semanticStr}, by the convention of the released files.
     *
     * @param steps the steps
     * @return the string
     */
    public static String format(List<GqaOperation> steps) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            GqaOperation s = steps.get(i);
            if (i > 0) {
                sb.append("->");
            }
            sb.append(s.operation()).append(": ").append(s.argument());
            if (!s.dependencies().isEmpty()) {
                sb.append(" [");
                for (int k = 0; k < s.dependencies().size(); k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    sb.append(s.dependencies().get(k));
                }
                sb.append(']');
            } else if (i > 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /**
     * Returns a {@code semanticStr} in the form programs are compared in: without object ids ({@code " (2102911)"},
     * {@code " (-)"}, {@code " (3,5)"}), which a question does not state, and with single blanks.
     * {@code "select: car (-) ->exist: ? [0]"} becomes {@code "select: car ->exist: ? [0]"}.
     *
     * @param text a {@code semanticStr}
     * @return the comparable form
     */
    public static String withoutIds(String text) {
        return OBJECT_IDS.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    /**
     * Returns {@link #withoutIds} with the options of every {@code choose} step in alphabetical order: GQA writes
     * the right answer first ({@code choose color: red|blue} when the answer is red), which a question does not
     * state, so programs that differ only there ask the same question.
     *
     * @param text a {@code semanticStr}
     * @return the comparable form
     * @throws IllegalArgumentException when the text is not a {@code semanticStr}
     */
    public static String withoutIdsOrChoiceOrder(String text) {
        List<GqaOperation> steps = new ArrayList<>();
        for (GqaOperation op : parse(text)) {
            String a = op.argument().strip();
            if (op.verb().equals("choose") && a.contains("|")) {
                String head = "";
                String tail = "";
                if (op.qualifier().equals("rel")) {
                    int first = a.indexOf(',');
                    int last = a.lastIndexOf(',');
                    if (first >= 0 && last > first) {
                        head = a.substring(0, first + 1);
                        tail = a.substring(last);
                        a = a.substring(first + 1, last);
                    }
                }
                List<String> options = new ArrayList<>();
                for (String o : a.split("\\|")) {
                    options.add(o.strip());
                }
                options.sort(null);
                a = head + String.join("|", options) + tail;
            }
            steps.add(new GqaOperation(op.operation(), a, op.dependencies()));
        }
        return withoutIds(format(steps));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
