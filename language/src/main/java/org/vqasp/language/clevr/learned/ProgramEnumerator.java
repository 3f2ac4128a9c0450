package org.vqasp.language.clevr.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.questions.ProgramExpansion;
import org.vqasp.world.questions.Template;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Enumerates the short programs a question could mean, from the words it mentions: every program structure of the
 * CLEVR templates with its attribute slots filled by the question's mentioned values (each mentioned value used at
 * least once, no other value, slots a template keeps empty left empty) and its relation slots by the question's
 * mentioned relations. These are the candidates the {@link AnswerSearchLabeller} checks against answers.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProgramEnumerator {

    private static final Map<String, String> KIND = Map.of("Size", "size", "Color", "color", "Material", "material",
            "Shape", "shape", "Relation", "relation");

    private final List<Template> templates;
    private final ProgramGrammar grammar;
    private final int limit;

    /**
     * Creates an enumerator.
     *
     * @param library the templates whose structures are enumerated
     * @param grammar the grammar every program must fit (others are skipped)
     * @param limit the most programs one call returns
     */
    public ProgramEnumerator(TemplateLibrary library, ProgramGrammar grammar, int limit) {
        this.templates = library.templates();
        this.grammar = grammar;
        this.limit = limit;
    }

    /**
     * Returns the distinct programs for a question's mentions, each with the template family it came from.
     *
     * @param mentions what the question names
     * @return programs by token text, in template order
     */
    public Map<String, Program> enumerate(Mentions mentions) {
        Map<String, Program> out = new LinkedHashMap<>();
        for (Template t : templates) {
            if (out.size() >= limit) {
                break;
            }
            fill(t, mentions, out);
        }
        for (String pattern : EXTENSION_PATTERNS) {
            expand(pattern, mentions, out);
        }
        return out;
    }

    /**
     * Short programs with the extension functions, in prefix token text. {@code {A}} is an attribute
     * ({@code query_{A}}, {@code count_distinct[{A}]}), {@code {D}} a mentioned direction, {@code {F}} a chain of
     * filters: with one chain all mentioned values, with two each mentioned value in one of them. Patterns whose
     * functions the grammar lacks are skipped.
     */
    static final List<String> EXTENSION_PATTERNS = List.of(
            "query_{A} unique extreme[{D}] {F} scene",
            "query_{A} unique exclude {F} scene {F} scene",
            "count exclude {F} scene {F} scene",
            "exist exclude {F} scene {F} scene",
            "count_distinct[{A}] {F} scene",
            "all_same[{A}] {F} scene",
            "most_common[{A}] {F} scene",
            "most_common[{A}] union {F} scene {F} scene",
            "query_{A} unique nearest {F} scene unique {F} scene",
            "query_{A} unique {F} between {F} scene",
            "count {F} between {F} scene",
            "exist {F} between {F} scene",
            "subtract count {F} scene count {F} scene");

    private static final List<String> FILTER_ORDER = List.of("shape", "material", "color", "size");

    private void expand(String pattern, Mentions m, Map<String, Program> out) {
        List<String> values = new ArrayList<>(m.values());
        int chains = (pattern.length() - pattern.replace("{F}", "").length()) / 3;
        List<String> fills = new ArrayList<>();
        if (chains <= 1) {
            fills.add(pattern.replaceFirst("\\{F\\} ?", chain(values)));
        } else {
            for (int mask = 0; mask < 1 << values.size(); mask++) {
                List<String> first = new ArrayList<>();
                List<String> second = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    ((mask >> i & 1) == 0 ? first : second).add(values.get(i));
                }
                fills.add(pattern.replaceFirst("\\{F\\} ?", chain(first)).replaceFirst("\\{F\\} ?", chain(second)));
            }
        }
        for (String f : fills) {
            List<String> a = f.contains("{A}") ? FILTER_ORDER : List.of("");
            List<String> d = f.contains("{D}") ? new ArrayList<>(m.directions()) : List.of("");
            for (String attr : a) {
                for (String dir : d) {
                    if (out.size() >= limit) {
                        return;
                    }
                    String text = f.replace("{A}", attr).replace("{D}", dir);
                    try {
                        List<ProgramGrammar.Token> tokens = grammar.parseTokens(text);
                        out.putIfAbsent(ProgramGrammar.text(tokens), grammar.toProgram(tokens));
                    } catch (IllegalArgumentException e) {
                        // a function this grammar lacks
                    }
                }
            }
        }
    }

    /** The filter tokens of some values, outermost first, followed by a space when not empty. */
    private static String chain(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String kind : FILTER_ORDER) {
            for (String v : values) {
                if (HumanLexicon.kind(v).equals(kind)) {
                    b.append("filter_").append(kind).append('[').append(v).append("] ");
                }
            }
        }
        return b.toString();
    }

    private void fill(Template t, Mentions m, Map<String, Program> out) {
        List<Template.Param> params = t.params();
        Set<String> nulls = new HashSet<>();
        for (Template.Constraint c : t.constraints()) {
            if (c.type().equals("NULL")) {
                nulls.addAll(c.params());
            }
        }
        List<List<String>> options = new ArrayList<>();
        for (Template.Param p : params) {
            String kind = KIND.get(p.type());
            List<String> o = new ArrayList<>();
            if (kind.equals("relation")) {
                o.addAll(m.relations());
                if (o.isEmpty()) {
                    return; // the question names no relation this structure needs
                }
            } else {
                o.add(null);
                if (!nulls.contains(p.name())) {
                    o.addAll(m.values(kind));
                }
            }
            options.add(o);
        }
        // can every mentioned value find a slot?
        Set<String> reachable = new HashSet<>();
        options.forEach(reachable::addAll);
        if (!reachable.containsAll(m.values())) {
            return;
        }
        String[] chosen = new String[params.size()];
        search(t, options, 0, chosen, m, out);
    }

    private void search(Template t, List<List<String>> options, int i, String[] chosen, Mentions m,
            Map<String, Program> out) {
        if (out.size() >= limit) {
            return;
        }
        if (i == chosen.length) {
            if (!new HashSet<>(Arrays.asList(chosen)).containsAll(m.values())) {
                return;
            }
            Program p = build(t, chosen);
            if (p == null) {
                return;
            }
            try {
                List<ProgramGrammar.Token> tokens = grammar.tokens(p);
                out.putIfAbsent(ProgramGrammar.text(tokens), grammar.toProgram(tokens));
            } catch (IllegalArgumentException e) {
                // a structure outside the grammar (a shared step): skip it
            }
            return;
        }
        for (String v : options.get(i)) {
            chosen[i] = v;
            search(t, options, i + 1, chosen, m, out);
        }
        chosen[i] = null;
    }

    private static Program build(Template t, String[] chosen) {
        Map<String, String> value = new LinkedHashMap<>();
        for (int i = 0; i < chosen.length; i++) {
            value.put(t.params().get(i).name(), chosen[i]);
        }
        List<ProgramStep> steps = new ArrayList<>();
        int[] map = new int[t.nodes().size()];
        for (int n = 0; n < t.nodes().size(); n++) {
            Template.Node node = t.nodes().get(n);
            List<String> values = new ArrayList<>();
            for (String p : node.sideInputs()) {
                values.add(value.get(p));
            }
            if (!ProgramExpansion.isFused(node.type()) && !node.sideInputs().isEmpty() && values.get(0) == null) {
                return null; // a basic filter without a value
            }
            ProgramExpansion.expand(t, n, values, steps, map);
        }
        try {
            return new Program(steps);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
