package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.gqa.GqaNames;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaVocabulary;

/**
 * Makes a parsed program answerable where GQA's programs lean on an object id: {@code select: she (2)} or
 * {@code select: this (3)} name no class of the scene graph, only the annotated object. A parsed program has no
 * ids, so for answering {@code select: she} becomes {@code select: person->filter gender: female} (and
 * {@code he}: male), and {@code select: this} before {@code choose name: cat|dog} becomes a select of the nearest
 * class both options belong to ({@code animal}); the dependencies are renumbered. Programs without such steps are
 * returned as they are.
 */
public final class GqaPronouns {

    private GqaPronouns() {
    }

    /**
     * Returns true when a program still selects {@code this}: a typed question's "this" names no class to look
     * for (GQA's own programs reach the object through its id), and {@link #forAnswering} resolves it only before
     * a choice of two names.
     */
    public static boolean pointsAtThis(List<GqaOperation> program) {
        return program.stream().anyMatch(GqaPronouns::isThis);
    }

    private static boolean isThis(GqaOperation op) {
        return op.operation().strip().equals("select") && op.argument().strip().equals("this");
    }

    /**
     * Returns the program to answer for a parsed program.
     *
     * @param program a program without object ids
     * @return the same program, or one whose pronoun selects are a class and a gender filter
     */
    public static List<GqaOperation> forAnswering(List<GqaOperation> program) {
        List<GqaOperation> in = new ArrayList<>(program);
        for (int i = 0; i + 1 < in.size(); i++) {
            GqaOperation op = in.get(i);
            GqaOperation next = in.get(i + 1);
            if (isThis(op) && next.operation().strip().equals("choose name") && next.dependencies().equals(List.of(i))) {
                String common = commonClass(next.argument().strip().split("\\|"));
                if (common != null) {
                    in.set(i, new GqaOperation("select", common, List.of()));
                }
            }
        }
        return ProgramRewriter.expand(in, (i, op, at) -> {
            String g = gender(op);
            return g == null ? null : List.of(new GqaOperation("select", "person", List.of()),
                    new GqaOperation("filter gender", g, List.of(at)));
        });
    }

    /** Returns the nearest class every name belongs to ({@code cat, dog}: animal), or null. */
    private static String commonClass(String[] names) {
        GqaVocabulary v = GqaVocabulary.bundled();
        List<String> common = null;
        for (String n : names) {
            List<String> classes = new ArrayList<>();
            classes.add(GqaNames.singular(n));
            classes.addAll(v.parents(n));
            if (common == null) {
                common = classes;
            } else {
                common.retainAll(classes);
            }
        }
        return common == null || common.isEmpty() ? null : common.get(0);
    }

    private static String gender(GqaOperation op) {
        if (!op.operation().strip().equals("select")) {
            return null;
        }
        return switch (op.argument().strip()) {
            case "she" -> "female";
            case "he" -> "male";
            default -> null;
        };
    }
}
