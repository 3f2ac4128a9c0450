package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

/**
 * The attribute values and relations a question names, read with the {@link HumanLexicon}: what a program for it
 * should filter by. {@code values} holds canonical attribute values ({@code red}, {@code cube}, {@code metal},
 * {@code large}); {@code relations} holds {@code left}, {@code right}, {@code behind}, {@code front}.
 *
 * {@code directions} holds the directions an extreme may go: the relations, also {@code front} for "closest" and
 * "nearest" and {@code behind} for "farthest" and "furthest".
 *
 * @param values attribute values, in the order first named
 * @param relations relations, in the order first named
 * @param directions directions, in the order first named
 */
public record Mentions(Set<String> values, Set<String> relations, Set<String> directions) {

    private static final java.util.Map<String, String> OTHER = java.util.Map.of("metal", "rubber", "rubber", "metal",
            "large", "small", "small", "large");

    /** Copies the sets, keeping their order. */
    public Mentions {
        values = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values));
        relations = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(relations));
        directions = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(directions));
    }

    /**
     * Reads the mentions of a list of words (already corrected). A material or size word right after {@code non}
     * or {@code not} names the other value ("non metallic" is rubber); a size word after {@code how} ("how big")
     * names none.
     */
    public static Mentions of(List<String> words) {
        Set<String> values = new LinkedHashSet<>();
        Set<String> relations = new LinkedHashSet<>();
        Set<String> directions = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("closest") || w.equals("nearest") || w.equals("closer")) {
                directions.add("front");
            } else if (w.equals("farthest") || w.equals("furthest") || w.equals("further") || w.equals("farther")) {
                directions.add("behind");
            }
            String c = HumanLexicon.concept(w);
            if (c == null) {
                continue;
            }
            String kind = HumanLexicon.kind(c);
            if (kind.equals("size") && i > 0 && words.get(i - 1).equals("how")) {
                continue; // "how big is ...": a question about the size, not a size
            }
            boolean negated = i > 0 && (words.get(i - 1).equals("non") || words.get(i - 1).equals("not"));
            if (negated && (kind.equals("material") || kind.equals("size"))) {
                c = OTHER.get(c);
            }
            if (kind.equals("relation")) {
                relations.add(c);
                directions.add(c);
            } else if (!kind.equals("thing")) {
                values.add(c);
            }
        }
        return new Mentions(values, relations, directions);
    }

    /** Returns the mentioned values of an attribute kind ({@code size}, {@code color}, ...), in order. */
    public List<String> values(String kind) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (HumanLexicon.kind(v).equals(kind)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Returns whether a program's words agree with these mentions: it filters by exactly the mentioned values
     * (each at least once, no other), relates only by mentioned relations and looks for extremes only in mentioned
     * directions.
     */
    public boolean agree(Program program) {
        Set<String> used = new LinkedHashSet<>();
        for (ProgramStep s : program.steps()) {
            if (s.valueInputs().isEmpty()) {
                continue;
            }
            String v = s.valueInputs().get(0);
            if (s.function().equals("relate")) {
                if (!relations.contains(v)) {
                    return false;
                }
            } else if (s.function().equals("extreme")) {
                if (!directions.contains(v)) {
                    return false;
                }
            } else if (s.function().startsWith("filter_")) {
                used.add(v);
            }
        }
        return used.equals(values);
    }
}
