package org.vqasp.reasoning.gqa;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.gqa.GqaNames;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a GQA semantic program for the GQA theory: {@code step(S,F)}, {@code in(S,K,P)} (the K-th dependency),
 * {@code arg(S,Key,V)} for the parts of the argument, {@code named(V,N)}, {@code category(C)},
 * {@code cat(V,C)} for the program's values, and {@code goal(S)} for the last step.
 *
 * <p>How operations map to theory operations:
 * <pre>
 *   select: wall (722332)             step select, class wall, ref 722332 ("-" gives no ref)
 *   select: _                         step select, no class: every object ("Who is holding something?")
 *   relate: _,on,s (722335)           step relate, rel "on", side s (class left out for "_")
 *   relate: table,same color,o (..)   step relate_same, class table, cat color
 *   filter color: not(red)            step filter, cat color, value red, negate yes
 *   query: name                       step query, cat name ("type" is read as name)
 *   verify color: dark                step verify, cat color, value dark
 *   verify rel: oven,to the left of,o step verify_rel, class oven, rel, side o
 *   choose color: blue|red            step choose, cat color, value blue, value red
 *   choose rel: bus,left of|right of,s step choose_rel, class bus, rel (both), side s
 *   choose healthier: (empty argument) step compare, value healthy, polarity more, opposite unhealthy
 *   exist, and, or, common            steps of the same name
 *   same color: (two inputs)          step same, cat color; same: gender (one input) likewise
 * </pre>
 * An operation the table does not know is encoded under its own name and reported by the theory as
 * {@code unknown_operation}; an argument that cannot be read raises an {@link InputException}
 * ({@code bad_program}).
 *
 * <p>Several questions over one scene graph are solved together by numbering them apart: question {@code j}'s
 * step {@code i} is {@code j * STRIDE + i}.
 */
public final class GqaProgramEncoder {

    /** Step numbers of consecutive questions in one batch are this far apart. */
    public static final int STRIDE = 1000;

    private GqaProgramEncoder() {
    }

    /** Returns the facts of a single program, its steps numbered from 0. */
    public static String encode(List<GqaOperation> program, GqaVocabulary vocabulary) {
        return encode(program, 0, vocabulary, new Facts()).toString();
    }

    /**
     * Appends the facts of the {@code j}-th program of a batch to a fact list.
     *
     * @param program the semantic program
     * @param j the program's position in the batch
     * @param vocabulary the hierarchies
     * @param facts the fact list
     * @return the fact list
     * @throws InputException when the program is empty, too long, or has an argument that cannot be read
     */
    public static Facts encode(List<GqaOperation> program, int j, GqaVocabulary vocabulary, Facts facts) {
        if (program.isEmpty()) {
            throw new InputException(ErrorKind.BAD_PROGRAM, "the question has no program (no semantic, no semanticStr)");
        }
        if (program.size() >= STRIDE) {
            throw new InputException(ErrorKind.BAD_PROGRAM, "program has " + program.size() + " steps, at most "
                    + (STRIDE - 1) + " are supported");
        }
        int base = j * STRIDE;
        for (int i = 0; i < program.size(); i++) {
            GqaOperation op = program.get(i);
            int s = base + i;
            try {
                step(new Step(s, facts, vocabulary), op);
            } catch (IllegalArgumentException e) {
                throw new InputException(ErrorKind.BAD_PROGRAM, "step " + i + " (" + op.operation() + ": " + op.argument().strip()
                        + "): " + e.getMessage(), e);
            }
            for (int k = 0; k < op.dependencies().size(); k++) {
                facts.add("in", s, k, base + op.dependencies().get(k));
            }
        }
        facts.add("goal", base + program.size() - 1);
        return facts;
    }

    /** Returns the theory operation a GQA operation is encoded as ({@code choose_rel} for {@code choose rel}). */
    static String theoryOperation(GqaOperation op) {
        String verb = GqaNames.clean(op.verb());
        String q = GqaNames.clean(op.qualifier());
        String a = op.argument().strip();
        return switch (verb) {
            case "relate" -> relationPart(a).startsWith("same ") ? "relate_same" : "relate";
            case "verify" -> q.equals("rel") ? "verify_rel" : "verify";
            case "choose" -> q.equals("rel") ? "choose_rel" : a.isEmpty() ? "compare" : "choose";
            default -> verb;
        };
    }

    private static void step(Step st, GqaOperation op) {
        String q = GqaNames.clean(op.qualifier());
        String a = op.argument().strip();
        String f = theoryOperation(op);
        st.facts.add("step", st.s, f);
        switch (f) {
            case "select" -> {
                Reference r = reference(a);
                if (r.text.isEmpty()) {
                    throw new IllegalArgumentException("expected a class name, as in \"wall (722332)\"");
                }
                if (!r.text.equals("_")) {
                    st.arg("class", GqaNames.singular(r.text));
                }
                r.ids.forEach(id -> st.arg("ref", GqaSceneEncoder.id(id)));
            }
            case "relate", "relate_same", "verify_rel", "choose_rel" -> {
                Relation r = relation(a);
                if (!r.cls.equals("_")) {
                    st.arg("class", GqaNames.singular(r.cls));
                }
                if (f.equals("relate_same")) {
                    st.category(r.rel.substring("same ".length()).strip());
                } else {
                    for (String rel : f.equals("choose_rel") ? options(r.rel) : List.of(r.rel)) {
                        st.arg("rel", GqaNames.clean(rel));
                    }
                    st.arg("side", r.side);
                }
            }
            case "filter", "verify" -> {
                if (!q.isEmpty()) {
                    st.category(q);
                }
                String v = a;
                if (v.startsWith("not(") && v.endsWith(")")) {
                    v = v.substring(4, v.length() - 1).strip();
                    st.arg("negate", "yes");
                }
                st.value(v, q);
            }
            case "choose" -> {
                if (!q.isEmpty()) {
                    st.category(q);
                }
                for (String v : options(a)) {
                    st.value(v, q);
                }
            }
            case "compare" -> {
                GqaVocabulary.Comparative c = st.vocabulary.comparative(q).orElseThrow(() ->
                        new IllegalArgumentException("expected options (\"blue|red\") or a comparative (\"choose healthier\")"));
                st.arg("value", c.value());
                st.arg("polarity", c.more() ? "more" : "less");
                for (String o : st.vocabulary.opposites(c.value())) {
                    st.arg("opposite", o);
                }
            }
            case "query" -> st.category(a);
            case "same", "different" -> st.category(q.isEmpty() ? a : q);
            default -> {
                // exist, and, or, common take no argument; unknown operations are reported by the theory
            }
        }
    }

    /** A step being encoded. */
    private static final class Step {
        final int s;
        final Facts facts;
        final GqaVocabulary vocabulary;

        Step(int s, Facts facts, GqaVocabulary vocabulary) {
            this.s = s;
            this.facts = facts;
            this.vocabulary = vocabulary;
        }

        void arg(String key, Object value) {
            facts.add("arg", s, key, value);
        }

        void category(String category) {
            String c = GqaNames.clean(category);
            if (c.isEmpty()) {
                throw new IllegalArgumentException("expected a category");
            }
            if (c.equals("type") || c.equals("class")) {
                c = "name";
            }
            arg("cat", c);
            if (vocabulary.isCategory(c)) {
                facts.add("category", c);
            }
        }

        void value(String value, String category) {
            String v = GqaNames.clean(value);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("expected a value");
            }
            arg("value", v);
            String c = GqaNames.clean(category);
            if (c.equals("name") || c.equals("type")) {
                facts.add("named", v, GqaNames.singular(v));
            }
            for (String vc : vocabulary.categories(v)) {
                facts.add("cat", v, vc);
            }
        }
    }

    private record Reference(String text, List<String> ids) {
    }

    /** Splits {@code "wall (722332,722333)"} into the text and the ids ({@code "-"} gives none). */
    private static Reference reference(String a) {
        String t = a.strip();
        List<String> ids = new ArrayList<>();
        if (t.endsWith(")")) {
            int open = t.lastIndexOf('(');
            if (open >= 0) {
                String inner = t.substring(open + 1, t.length() - 1).strip();
                if (inner.isEmpty() || inner.equals("-") || inner.matches("[0-9]+(\\s*,\\s*[0-9]+)*")) {
                    for (String id : inner.split(",")) {
                        String x = id.strip();
                        if (!x.isEmpty() && !x.equals("-")) {
                            ids.add(x);
                        }
                    }
                    t = t.substring(0, open).strip();
                }
            }
        }
        return new Reference(t, ids);
    }

    private record Relation(String cls, String rel, String side) {
    }

    /** Splits {@code "_,to the left of,s (722335)"} into class, relation and side. */
    private static Relation relation(String a) {
        String t = reference(a).text;
        int first = t.indexOf(',');
        int last = t.lastIndexOf(',');
        if (first < 0 || last == first) {
            throw new IllegalArgumentException("expected \"class,relation,s|o\"");
        }
        String cls = t.substring(0, first).strip();
        String rel = t.substring(first + 1, last).strip();
        String side = GqaNames.clean(t.substring(last + 1));
        if (cls.isEmpty() || rel.isEmpty()) {
            throw new IllegalArgumentException("expected \"class,relation,s|o\", found an empty part");
        }
        if (!side.equals("s") && !side.equals("o")) {
            if (!GqaNames.clean(rel).startsWith("same ")) {
                throw new IllegalArgumentException("expected side s or o, found \"" + side + "\"");
            }
            side = "s";
        }
        return new Relation(cls, rel, side);
    }

    private static String relationPart(String a) {
        String t = reference(a).text;
        int first = t.indexOf(',');
        int last = t.lastIndexOf(',');
        return first < 0 || last == first ? "" : GqaNames.clean(t.substring(first + 1, last));
    }

    private static List<String> options(String a) {
        List<String> out = new ArrayList<>();
        for (String o : a.split("\\|")) {
            if (!o.isBlank()) {
                out.add(o.strip());
            }
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("expected two options, as in \"blue|red\"");
        }
        return out;
    }
}
