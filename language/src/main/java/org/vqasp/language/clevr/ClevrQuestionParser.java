package org.vqasp.language.clevr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.world.questions.ProgramExpansion;
import org.vqasp.world.questions.Template;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Reads a CLEVR question back into its functional program, exactly and offline, with the templates and
 * synonyms of a {@link TemplateLibrary}.
 *
 * <p>Every text variant of every template is compiled into word patterns (each {@code [optional]} part present
 * or absent; for the templates the original's "other" heuristic applies to, also with "other" dropped and
 * "another" made "a"). Placeholders match the closed word classes of their type: a size, colour or material
 * word or nothing (an empty parameter), a shape word or {@code thing}/{@code object} (an empty shape), a plural
 * with {@code s}, a relation phrase ({@code left of}, {@code to the left of}, {@code on the left side of},
 * also the bare {@code left} some datasets write). The matched values then expand through the same code as the
 * {@link QuestionGenerator}, so a parsed program equals the released one step for step. When several readings
 * exist, one that meets the template's {@code NULL} constraints wins, then the lowest family.
 *
 * <p>Casing, a missing or repeated {@code ?}, commas, semicolons and extra spaces do not matter. Text that
 * matches no template gives {@link ParseResult.NotUnderstood} naming the closest template by word edit
 * distance (attribute words left out, shapes and relations as placeholders). Instances are immutable and
 * thread-safe.
 */
public final class ClevrQuestionParser {

    private static final String NULL = "\u0000";
    private static final List<String> TYPES = List.of("Size", "Color", "Material", "Shape");

    /** A word of a pattern: literal ({@code param < 0}) or a placeholder. */
    private record Element(String word, int param, String type, boolean plural, boolean nullable) {
        boolean literal() {
            return param < 0;
        }
    }

    /** One compiled reading of one text variant. */
    private record Pattern(Template template, String text, List<Element> elements, List<String> params) {
    }

    /** One complete match of a pattern. */
    private record Match(Pattern pattern, String[] values) {
    }

    private final TemplateLibrary library;
    private final List<Pattern> patterns = new ArrayList<>();
    private final Map<String, List<Pattern>> byFirstWord = new HashMap<>();
    private final List<Pattern> slotFirst = new ArrayList<>();
    /** type -> word -> canonical value (null value = empty shape). */
    private final Map<String, Map<String, String>> lexicon = new HashMap<>();
    /** relation phrases as word lists, longest first, with their relation. */
    private final List<Map.Entry<List<String>, String>> relationPhrases = new ArrayList<>();
    private final SortedSet<String> vocabulary = new TreeSet<>();
    /** Abstracted word sequences of every text variant, for the closest template. */
    private final List<Map.Entry<Pattern, List<String>>> sketches = new ArrayList<>();

    /**
     * Compiles a parser for a template library.
     *
     * @param library the templates, metadata and synonyms
     */
    public ClevrQuestionParser(TemplateLibrary library) {
        this.library = library;
        buildLexicon();
        for (Template t : library.templates()) {
            for (String text : t.texts()) {
                compile(t, text, false);
                if (otherHeuristicApplies(t, text)) {
                    compile(t, text, true);
                }
            }
        }
        for (Pattern p : patterns) {
            Element first = p.elements().get(0);
            if (first.literal()) {
                byFirstWord.computeIfAbsent(first.word(), k -> new ArrayList<>()).add(p);
            } else {
                slotFirst.add(p);
            }
            for (Element e : p.elements()) {
                if (e.literal()) {
                    vocabulary.add(e.word());
                }
            }
        }
    }

    /** Compiles a parser for the bundled CLEVR 1.0 templates. */
    public static ClevrQuestionParser load() {
        return new ClevrQuestionParser(TemplateLibrary.load());
    }

    /** Returns every word the parser knows, in order: template words, values, synonyms and their plurals. */
    public SortedSet<String> vocabulary() {
        return Collections.unmodifiableSortedSet(vocabulary);
    }

    /**
     * Reads a question.
     *
     * @param text the question, in any casing, with or without {@code ?}
     * @return the program with its template, or why the text was not understood
     */
    public ParseResult parse(String text) {
        List<String> words = normalize(text == null ? "" : text);
        ParseResult.Parsed p = match(words);
        return p != null ? p : notUnderstood(text, words);
    }

    /**
     * Reads a question without looking for the closest template when it matches none (the parser chain's fast
     * path: the next stage reads it).
     *
     * @return the program with its template, or null
     */
    public ParseResult.Parsed match(String text) {
        return match(normalize(text == null ? "" : text));
    }

    /** Returns the words of a question that no template or value has, in order. */
    public List<String> unknownWords(String text) {
        List<String> unknown = new ArrayList<>();
        for (String w : normalize(text == null ? "" : text)) {
            if (!vocabulary.contains(w) && !unknown.contains(w)) {
                unknown.add(w);
            }
        }
        return unknown;
    }

    private ParseResult.Parsed match(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        List<Match> matches = new ArrayList<>();
        for (Pattern p : byFirstWord.getOrDefault(words.get(0), List.of())) {
            match(p, words, matches);
        }
        for (Pattern p : slotFirst) {
            match(p, words, matches);
        }
        if (matches.isEmpty()) {
            return null;
        }
        Match best = null;
        for (Match m : matches) {
            if (best == null || better(m, best)) {
                best = m;
            }
        }
        Template t = best.pattern().template();
        return new ParseResult.Parsed(program(t, best.pattern().params(), best.values()), t.filename(), t.index());
    }

    /**
     * Returns every reading of a question that meets the NULL constraints, best first, one per template
     * (several only where templates share a text).
     */
    List<ParseResult.Parsed> readings(String text) {
        List<String> words = normalize(text == null ? "" : text);
        List<Match> matches = new ArrayList<>();
        for (Pattern p : patterns) {
            match(p, words, matches);
        }
        matches.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        List<ParseResult.Parsed> out = new ArrayList<>();
        for (Match m : matches) {
            Template t = m.pattern().template();
            ParseResult.Parsed p = new ParseResult.Parsed(program(t, m.pattern().params(), m.values()), t.filename(),
                    t.index());
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Reads a question into its program.
     *
     * @throws VqaspException of kind {@code not_understood} naming the closest template
     */
    public Program program(String text) {
        ParseResult r = parse(text);
        if (r instanceof ParseResult.Parsed p) {
            return p.program();
        }
        throw new VqaspException(ErrorKind.NOT_UNDERSTOOD, ((ParseResult.NotUnderstood) r).message());
    }

    // ---- lexicon and patterns

    private void buildLexicon() {
        for (String type : TYPES) {
            Map<String, String> words = new LinkedHashMap<>();
            for (String v : library.metadata().values(type)) {
                words.put(v, v);
                for (String w : library.wordsFor(v)) {
                    words.put(w, v);
                }
            }
            if (type.equals("Shape")) {
                words.put("thing", NULL);
                for (String w : library.wordsFor("thing")) {
                    words.put(w, NULL);
                }
            }
            lexicon.put(type, words);
            for (String w : words.keySet()) {
                vocabulary.add(w);
                if (type.equals("Shape")) {
                    vocabulary.add(w + "s");
                }
            }
        }
        for (String r : library.metadata().values("Relation")) {
            List<String> forms = new ArrayList<>(library.wordsFor(r));
            if (!forms.contains(r)) {
                forms.add(r); // the bare value, as some datasets write it ("right it")
            }
            for (String f : forms) {
                List<String> phrase = List.of(f.toLowerCase(Locale.ROOT).split(" "));
                relationPhrases.add(Map.entry(phrase, r));
                vocabulary.addAll(phrase);
            }
        }
        relationPhrases.sort((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size()));
    }

    private static boolean otherHeuristicApplies(Template t, String text) {
        Set<String> names = new java.util.HashSet<>();
        for (Template.Param p : t.params()) {
            names.add(p.name());
        }
        return names.equals(Set.of("<Z>", "<C>", "<M>", "<S>", "<Z2>", "<C2>", "<M2>", "<S2>"))
                && (text.contains(" other ") || text.contains(" another "));
    }

    /** Compiles a text variant into patterns, one per choice of its optional parts. */
    private void compile(Template t, String raw, boolean otherDropped) {
        String text = otherDropped ? raw.replace(" other ", " ").replace(" another ", " a ") : raw;
        List<String> params = t.params().stream().map(Template.Param::name).toList();
        Set<String> nullable = nullableParams(t);
        // split into fixed parts and [optional] groups
        List<List<Element>> parts = new ArrayList<>();
        List<Boolean> optional = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('[', i);
            if (open < 0) {
                parts.add(elements(text.substring(i), t, params, nullable));
                optional.add(false);
                break;
            }
            parts.add(elements(text.substring(i, open), t, params, nullable));
            optional.add(false);
            int close = text.indexOf(']', open);
            parts.add(elements(text.substring(open + 1, close), t, params, nullable));
            optional.add(true);
            i = close + 1;
        }
        int groups = (int) optional.stream().filter(b -> b).count();
        for (int choice = 0; choice < 1 << groups; choice++) {
            List<Element> seq = new ArrayList<>();
            int g = 0;
            for (int k = 0; k < parts.size(); k++) {
                if (!optional.get(k) || (choice >> g++ & 1) == 1) {
                    seq.addAll(parts.get(k));
                }
            }
            if (!seq.isEmpty()) {
                Pattern p = new Pattern(t, raw.trim(), seq, params);
                patterns.add(p);
                if (choice == (1 << groups) - 1 || choice == 0) {
                    sketches.add(Map.entry(p, sketch(seq)));
                }
            }
        }
    }

    /** Parameters that may be empty: the filter values of fused nodes (not relations, not plain side inputs). */
    private static Set<String> nullableParams(Template t) {
        Set<String> out = new java.util.HashSet<>();
        for (Template.Node n : t.nodes()) {
            if (ProgramExpansion.isFused(n.type())) {
                int from = n.type().startsWith("relate") ? 1 : 0;
                out.addAll(n.sideInputs().subList(from, n.sideInputs().size()));
            }
        }
        return out;
    }

    private List<Element> elements(String fragment, Template t, List<String> params, Set<String> nullable) {
        List<Element> out = new ArrayList<>();
        for (String w : normalize(fragment)) {
            int lt = w.indexOf('<');
            if (lt < 0) {
                out.add(new Element(w, -1, null, false, false));
                continue;
            }
            int gt = w.indexOf('>');
            String name = w.substring(lt, gt + 1).toUpperCase(Locale.ROOT);
            String rest = w.substring(gt + 1);
            int index = params.indexOf(name);
            if (lt != 0 || index < 0 || !(rest.isEmpty() || rest.equals("s"))) {
                throw new IllegalStateException(t.family() + ": cannot read placeholder in \"" + w + "\"");
            }
            out.add(new Element(null, index, t.paramType(name), rest.equals("s"), nullable.contains(name)));
        }
        return out;
    }

    /** Lower case; drops {@code ? , . ; !}; splits on spaces. */
    static List<String> normalize(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[?,.;!]", " ").trim();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    // ---- matching

    private void match(Pattern p, List<String> words, List<Match> out) {
        String[] values = new String[p.params().size()];
        step(p, 0, words, 0, values, out);
    }

    private void step(Pattern p, int e, List<String> words, int w, String[] values, List<Match> out) {
        if (e == p.elements().size()) {
            if (w == words.size()) {
                out.add(new Match(p, values.clone()));
            }
            return;
        }
        Element el = p.elements().get(e);
        if (el.literal()) {
            if (w < words.size() && words.get(w).equals(el.word())) {
                step(p, e + 1, words, w + 1, values, out);
            }
            return;
        }
        if (el.type().equals("Relation")) {
            for (Map.Entry<List<String>, String> r : relationPhrases) {
                List<String> phrase = r.getKey();
                if (w + phrase.size() <= words.size() && words.subList(w, w + phrase.size()).equals(phrase)) {
                    values[el.param()] = r.getValue();
                    step(p, e + 1, words, w + phrase.size(), values, out);
                }
            }
            return;
        }
        if (el.nullable() && !el.type().equals("Shape")) {
            values[el.param()] = NULL;
            step(p, e + 1, words, w, values, out);
        }
        if (w < words.size()) {
            String word = words.get(w);
            if (el.plural()) {
                if (!word.endsWith("s")) {
                    return;
                }
                word = word.substring(0, word.length() - 1);
            }
            String v = lexicon.get(el.type()).get(word);
            if (v != null && (el.nullable() || !v.equals(NULL))) {
                values[el.param()] = v;
                step(p, e + 1, words, w + 1, values, out);
            }
        }
    }

    /** Prefers readings that meet the template's NULL constraints, then lower families. */
    private boolean better(Match a, Match b) {
        boolean ca = meetsNullConstraints(a);
        boolean cb = meetsNullConstraints(b);
        if (ca != cb) {
            return ca;
        }
        return a.pattern().template().familyIndex() < b.pattern().template().familyIndex();
    }

    private static boolean meetsNullConstraints(Match m) {
        for (Template.Constraint c : m.pattern().template().constraints()) {
            if (c.type().equals("NULL")) {
                int i = m.pattern().params().indexOf(c.params().get(0));
                if (i >= 0 && m.values()[i] != null && !m.values()[i].equals(NULL)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Program program(Template t, List<String> params, String[] values) {
        List<ProgramStep> steps = new ArrayList<>();
        int[] map = new int[t.nodes().size()];
        for (int n = 0; n < t.nodes().size(); n++) {
            List<String> side = new ArrayList<>();
            for (String name : t.nodes().get(n).sideInputs()) {
                String v = values[params.indexOf(name)];
                side.add(v == null || v.equals(NULL) ? null : v);
            }
            ProgramExpansion.expand(t, n, side, steps, map);
        }
        return new Program(steps);
    }

    // ---- not understood

    private ParseResult notUnderstood(String text, List<String> words) {
        List<String> unknown = new ArrayList<>();
        for (String w : words) {
            if (!vocabulary.contains(w) && !unknown.contains(w)) {
                unknown.add(w);
            }
        }
        List<String> abstracted = abstractWords(words);
        Pattern best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<Pattern, List<String>> s : sketches) {
            int d = editDistance(abstracted, s.getValue());
            if (d < bestDistance) {
                bestDistance = d;
                best = s.getKey();
            }
        }
        String closest = best == null ? "" : best.text();
        StringBuilder why = new StringBuilder("matches no CLEVR question template");
        if (!unknown.isEmpty()) {
            why.append("; unknown words: ").append(String.join(", ", unknown));
        }
        StringBuilder msg = new StringBuilder("not understood: \"").append(text == null ? "" : text.trim())
                .append("\" ").append(why);
        if (best != null) {
            msg.append("; closest template ").append(best.template().family()).append(": \"").append(closest)
                    .append('"');
        }
        return new ParseResult.NotUnderstood(msg.toString(), why.toString(), closest);
    }

    /** A pattern as words: attribute slots dropped, shapes and relations as placeholders. */
    private static List<String> sketch(List<Element> seq) {
        List<String> out = new ArrayList<>();
        for (Element e : seq) {
            if (e.literal()) {
                out.add(e.word());
            } else if (e.type().equals("Shape")) {
                out.add(e.plural() ? "<S>s" : "<S>");
            } else if (e.type().equals("Relation")) {
                out.add("<R>");
            }
        }
        return out;
    }

    /** A question as words the same way: attribute words dropped, shapes and relation phrases as placeholders. */
    private List<String> abstractWords(List<String> words) {
        List<String> out = new ArrayList<>();
        int i = 0;
        outer:
        while (i < words.size()) {
            for (Map.Entry<List<String>, String> r : relationPhrases) {
                List<String> phrase = r.getKey();
                if (i + phrase.size() <= words.size()
                        && words.subList(i, i + phrase.size()).equals(phrase)) {
                    out.add("<R>");
                    i += phrase.size();
                    continue outer;
                }
            }
            String w = words.get(i++);
            if (lexicon.get("Size").containsKey(w) || lexicon.get("Color").containsKey(w)
                    || lexicon.get("Material").containsKey(w)) {
                continue;
            }
            if (lexicon.get("Shape").containsKey(w)) {
                out.add("<S>");
            } else if (w.endsWith("s") && lexicon.get("Shape").containsKey(w.substring(0, w.length() - 1))) {
                out.add("<S>s");
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static int editDistance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
