package org.vqasp.eval.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.questions.ReferenceExecutor;

/**
 * CLOSURE-style questions for testing the grammar parser: the CLEVR vocabulary (and its synonyms) in
 * compositions the 90 templates never make. Object references nest relations, "the same X as" and
 * conjunctions of both ("the thing that is left of the cube and is the same shape as the red ball") to a chosen
 * depth; questions ask for an attribute, a count (also of either of two clauses, or of both), an existence, or
 * compare two references' attributes or two counts. Each question's program is built with the text, in CLEVR's
 * functions only, and answered by the reference executor; questions whose program does not execute on the
 * scene (a reference that is not unique) are dropped.
 */
final class CompositionGenerator {

    /**
     * One generated question.
     *
     * @param text the question
     * @param program its program
     * @param answer the answer on the scene
     * @param family the construction, for reports
     * @param scene the scene
     */
    record Composed(String text, Program program, String answer, String family, ClevrScene scene) {
    }

    private static final String[] ATTRS = {"size", "color", "material", "shape"};
    private static final String[] RELATIONS = {"left", "right", "behind", "front"};

    private final Random r;
    private final ReferenceExecutor executor = new ReferenceExecutor();
    private ClevrScene scene;
    private List<ProgramStep> steps;

    CompositionGenerator(long seed) {
        this.r = new Random(seed);
    }

    /** Generates up to {@code perScene} valid questions per scene (trying a few times as many). */
    List<Composed> generate(List<ClevrScene> scenes, int perScene) {
        List<Composed> out = new ArrayList<>();
        for (ClevrScene s : scenes) {
            int kept = 0;
            for (int attempt = 0; attempt < perScene * 12 && kept < perScene; attempt++) {
                this.scene = s;
                this.steps = new ArrayList<>();
                String[] family = new String[1];
                String text = question(family);
                Program p = new Program(steps);
                try {
                    String answer = executor.answer(p, s);
                    out.add(new Composed(text, p, answer, family[0], s));
                    kept++;
                } catch (VqaspException e) {
                    // a reference that is not unique on this scene: try again
                }
            }
        }
        return out;
    }

    private int add(String fn, List<String> values, Integer... inputs) {
        steps.add(ProgramStep.of(fn, values, inputs));
        return steps.size() - 1;
    }

    private <T> T pick(T[] a) {
        return a[r.nextInt(a.length)];
    }

    private boolean coin() {
        return r.nextBoolean();
    }

    // ------------------------------------------------------------------ words

    private String sizeWord(String v) {
        return v.equals("large") ? pick(new String[] {"large", "big"}) : pick(new String[] {"small", "tiny"});
    }

    private String materialWord(String v) {
        return v.equals("metal") ? pick(new String[] {"metal", "metallic", "shiny"}) : pick(new String[] {"rubber", "matte"});
    }

    private String shapeWord(String v, boolean plural) {
        String w = switch (v == null ? "thing" : v) {
            case "cube" -> pick(new String[] {"cube", "block"});
            case "sphere" -> pick(new String[] {"sphere", "ball"});
            case "cylinder" -> "cylinder";
            default -> pick(new String[] {"thing", "object"});
        };
        return plural ? w + "s" : w;
    }

    private String relationWords(String rel) {
        return switch (rel) {
            case "left" -> pick(new String[] {"left of", "to the left of", "on the left side of"});
            case "right" -> pick(new String[] {"right of", "to the right of", "on the right side of"});
            case "behind" -> "behind";
            default -> "in front of";
        };
    }

    private String attrName(String a) {
        return a;
    }

    // ------------------------------------------------------------------ heads: attribute words and a noun

    /** Attribute values of a random object, some of them; {@code skip} is an attribute never used. */
    private String[] headValues(String skip) {
        ClevrObject o = scene.objects().get(r.nextInt(scene.objects().size()));
        String[] v = new String[4];
        for (int k = 0; k < 4; k++) {
            if (!ATTRS[k].equals(skip) && r.nextInt(3) == 0) {
                v[k] = o.attribute(ATTRS[k]);
            }
        }
        return v;
    }

    private String headText(String[] v, boolean plural) {
        StringBuilder sb = new StringBuilder();
        if (v[0] != null) {
            sb.append(sizeWord(v[0])).append(' ');
        }
        if (v[1] != null) {
            sb.append(v[1]).append(' ');
        }
        if (v[2] != null) {
            sb.append(materialWord(v[2])).append(' ');
        }
        sb.append(shapeWord(v[3], plural));
        return sb.toString();
    }

    private int filters(int in, String[] v) {
        int at = in;
        for (int k = 0; k < 4; k++) {
            if (v[k] != null) {
                at = add("filter_" + ATTRS[k], List.of(v[k]), at);
            }
        }
        return at;
    }

    // ------------------------------------------------------------------ restrictions and references

    /** A restriction, as text after "that is"/"are" and the step of its set. */
    private record Restriction(String text, int set, String sameAttr, boolean verbal) {
    }

    /** A relation or "the same X as" to a reference of the given depth. */
    private Restriction restriction(int depth) {
        if (coin()) {
            String rel = pick(RELATIONS);
            Ref inner = ref(depth, "the");
            return new Restriction(relationWords(rel) + " " + inner.text(), add("relate", List.of(rel), inner.step()),
                    null, false);
        }
        String a = pick(ATTRS);
        Ref inner = ref(depth, "the");
        int set = add("same_" + a, List.of(), inner.step());
        if (a.equals("material") && coin()) {
            return new Restriction("made of the same material as " + inner.text(), set, a, false);
        }
        return coin() ? new Restriction("the same " + attrName(a) + " as " + inner.text(), set, a, false)
                : new Restriction("has the same " + attrName(a) + " as " + inner.text(), set, a, true);
    }

    /** A reference to one object: text and the step of its unique object. */
    private record Ref(String text, int step) {
    }

    /** "the big cube", "the thing left of the cube", "the ball that is behind X and is the same colour as Y". */
    private Ref ref(int depth, String det) {
        int kind = depth <= 0 ? 0 : r.nextInt(4);
        if (kind == 0) {
            String[] v = headValues(null);
            int s = filters(add("scene", List.of()), v);
            return new Ref(det + " " + headText(v, false), add("unique", List.of(), s));
        }
        if (kind <= 2) {
            Restriction x = restriction(depth - 1);
            String[] v = headValues(x.sameAttr());
            int s = filters(x.set(), v);
            String link = x.verbal() ? "that " : x.text().startsWith("the same") || coin() ? "that is " : "";
            return new Ref(det + " " + headText(v, false) + " " + link + x.text(), add("unique", List.of(), s));
        }
        // the first conjunct's reference is simple, so that "and" can only continue this clause
        Restriction x = restriction(0);
        Restriction y = restriction(depth - 1);
        int both = add("intersect", List.of(), x.set(), y.set());
        String[] v = headValues(x.sameAttr() != null ? x.sameAttr() : y.sameAttr());
        int s = filters(both, v);
        return new Ref(det + " " + headText(v, false) + " " + conjunction(x, y), add("unique", List.of(), s));
    }

    /** "that is X and Y", "that is both X and Y", "that has the same colour as X and is left of Y". */
    private String conjunction(Restriction x, Restriction y) {
        String first = x.verbal() ? "that " + x.text() : "that is " + (coin() ? "both " : "") + x.text();
        String second = y.verbal() ? y.text() : (x.verbal() || coin() ? "is " : "") + y.text();
        return first + " and " + second;
    }

    // ------------------------------------------------------------------ questions

    private String question(String[] family) {
        int depth = 1 + r.nextInt(2);
        switch (r.nextInt(6)) {
            case 0 -> {
                family[0] = "query";
                Ref x = ref(depth, "the");
                String a = pick(new String[] {"size", "color", "material", "shape"});
                add("query_" + a, List.of(), x.step());
                return switch (r.nextInt(3)) {
                    case 0 -> "What " + a + " is " + x.text() + "?";
                    case 1 -> "What is the " + a + " of " + x.text() + "?";
                    default -> cap(x.text()) + " is what " + a + "?";
                };
            }
            case 1 -> {
                family[0] = "count";
                Restriction x = restriction(depth);
                String[] v = headValues(x.sameAttr());
                add("count", List.of(), filters(x.set(), v));
                String head = headText(v, true);
                return (coin() ? "How many " : "What number of ") + head + (x.verbal() ? " " : " are ") + x.text()
                        .replaceFirst("^has ", "have ") + "?";
            }
            case 2 -> {
                family[0] = "count_or_and";
                Restriction x = restriction(0);
                Restriction y = restriction(depth - 1);
                boolean or = coin();
                int set = add(or ? "union" : "intersect", List.of(), x.set(), y.set());
                add("count", List.of(), set);
                String xt = x.verbal() ? x.text().replaceFirst("^has ", "have ") : x.text();
                String yt = y.verbal() ? y.text().replaceFirst("^has ", "have ") : y.text();
                String head = "How many " + shapeWord(null, true) + " ";
                if (or) {
                    return head + (x.verbal() ? "either " + xt : "are either " + xt) + " or "
                            + (y.verbal() ? yt : "are " + yt) + "?";
                }
                return head + (x.verbal() ? xt : "are both " + xt) + " and " + (y.verbal() ? yt : "are " + yt) + "?";
            }
            case 3 -> {
                family[0] = "exist";
                Restriction x = restriction(depth);
                String[] v = headValues(x.sameAttr());
                add("exist", List.of(), filters(x.set(), v));
                if (coin()) {
                    return "Are there any " + headText(v, true) + " that " + (x.verbal() ? x.text()
                            .replaceFirst("^has ", "have ") : "are " + x.text()) + "?";
                }
                String head = headText(v, false);
                String article = "aeiou".indexOf(head.charAt(0)) >= 0 ? "an " : "a ";
                return "Is there " + article + head + " that " + (x.verbal() ? "" : "is ") + x.text() + "?";
            }
            case 4 -> {
                family[0] = "compare_attribute";
                Ref x = ref(depth - 1, "the");
                Ref y = ref(depth, "the");
                String a = pick(ATTRS);
                int qx = add("query_" + a, List.of(), x.step());
                int qy = add("query_" + a, List.of(), y.step());
                add("equal_" + a, List.of(), qx, qy);
                return switch (r.nextInt(3)) {
                    case 0 -> "Is " + x.text() + " the same " + a + " as " + y.text() + "?";
                    case 1 -> "Does " + x.text() + " have the same " + a + " as " + y.text() + "?";
                    default -> "Do " + x.text() + " and " + y.text() + " have the same " + a + "?";
                };
            }
            default -> {
                family[0] = "compare_count";
                Restriction x = restriction(depth - 1);
                String[] v = headValues(x.sameAttr());
                int cx = add("count", List.of(), filters(x.set(), v));
                String[] w = headValues(null);
                int cy = add("count", List.of(), filters(add("scene", List.of()), w));
                String fn = pick(new String[] {"greater_than", "less_than", "equal_integer"});
                add(fn, List.of(), cx, cy);
                String first = headText(v, true) + " that " + (x.verbal() ? x.text().replaceFirst("^has ", "have ")
                        : "are " + x.text());
                String second = headText(w, true);
                return switch (fn) {
                    case "greater_than" -> "Are there more " + first + " than " + second + "?";
                    case "less_than" -> "Are there fewer " + first + " than " + second + "?";
                    default -> "Is the number of " + first + " the same as the number of " + second + "?";
                };
            }
        }
    }

    private static String cap(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
