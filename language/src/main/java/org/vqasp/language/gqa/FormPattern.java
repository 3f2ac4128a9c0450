package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vqasp.language.gqa.NounPhrase.Filter;
import org.vqasp.language.gqa.NounPhraseReader.Read;

/**
 * The word pattern of one question form, such as {@code what|which {acat} is|are {np}}: words, alternatives
 * ({@code is|are}), optional elements (a trailing {@code ?}) and typed slots in braces that read noun phrases,
 * attributes, relations and category words. {@link #match} finds every way the pattern covers all of a
 * question's words.
 */
final class FormPattern {

    /** What a slot reads. */
    enum SlotType {
        /** A noun phrase. */
        NP,
        /** A super-class name ({@code furniture}). */
        CLASS,
        /** Any name, after "kind of". */
        NOUN,
        /** What a thing is said to be: attributes, {@code made of wood}, {@code on the left}. */
        PRED,
        /** One attribute word. */
        ATTR,
        /** A relation phrase. */
        REL,
        /** A relation phrase, perhaps without its final "of" ({@code to the left} or ...). */
        RELOPT,
        /** A noun naming a category ({@code colour}). */
        ACAT,
        /** An adjective of "How ... is" ({@code tall}). */
        ADJ,
        /** A comparative ({@code older}). */
        COMP,
        /** A position word ({@code left}, {@code top}). */
        POS,
        /**
         * A verb whose relation with "on" GQA has, written without it ({@code standing} in "Where is the man
         * standing?"); reads as the relation ({@code standing on}).
         */
        VERB,
        /**
         * A relation verb in the passive with its "by" ({@code held by} in "What is held by the man?"); reads as
         * the active relation ({@code holding}), whose subject is the phrase after "by".
         */
        PASSIVE
    }

    private record Element(Set<String> words, String slot, SlotType type, boolean optional) {
    }

    private final String text;
    private final List<Element> elements;

    private FormPattern(String text, List<Element> elements) {
        this.text = text;
        this.elements = elements;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException naming an unknown slot
     */
    static FormPattern compile(String text) {
        List<Element> out = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            boolean optional = token.endsWith("?") && token.length() > 1;
            String t = optional ? token.substring(0, token.length() - 1) : token;
            if (t.startsWith("{") && t.endsWith("}")) {
                String slot = t.substring(1, t.length() - 1);
                String base = slot.replaceAll("[0-9]+$", "");
                SlotType type = switch (base) {
                    case "np" -> SlotType.NP;
                    case "cls" -> SlotType.CLASS;
                    case "noun" -> SlotType.NOUN;
                    case "pred" -> SlotType.PRED;
                    case "attr" -> SlotType.ATTR;
                    case "rel" -> SlotType.REL;
                    case "ropt" -> SlotType.RELOPT;
                    case "acat" -> SlotType.ACAT;
                    case "adj" -> SlotType.ADJ;
                    case "comp" -> SlotType.COMP;
                    case "pos" -> SlotType.POS;
                    case "verb" -> SlotType.VERB;
                    case "pas" -> SlotType.PASSIVE;
                    default -> throw new IllegalArgumentException("unknown slot {" + slot + "} in \"" + text + "\"");
                };
                out.add(new Element(null, slot, type, optional));
            } else {
                out.add(new Element(new LinkedHashSet<>(List.of(t.split("\\|"))), null, null, optional));
            }
        }
        return new FormPattern(text, List.copyOf(out));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Returns the literal words of the pattern. */
    Set<String> literals() {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : elements) {
            if (e.words() != null) {
                out.addAll(e.words());
            }
        }
        out.remove(",");
        return out;
    }

    /**
     * Returns the words a question must start with to match, or null when the pattern may start with a slot
     * (every question must be tried).
     */
    Set<String> firstWords() {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : elements) {
            if (e.words() == null) {
                return null;
            }
            out.addAll(e.words());
            if (!e.optional()) {
                return out;
            }
        }
        return null;
    }

    /** The values the slots of one match read. */
    static final class Slots {
        private final Map<String, Object> values;
        private final List<String> words;

        Slots(Map<String, Object> values, List<String> words) {
            this.values = values;
            this.words = words;
        }

        NounPhrase np(String name) {
            return (NounPhrase) values.get(name);
        }

        @SuppressWarnings("unchecked")
        List<Filter> filters(String name) {
            return (List<Filter>) values.get(name);
        }

        Filter attr(String name) {
            return (Filter) values.get(name);
        }

        String text(String name) {
            return (String) values.get(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        /** Returns the question's first word. */
        String first() {
            return words.isEmpty() ? "" : words.get(0);
        }

        /**
         * Returns true when the question ends with a bare {@code made of X} (not {@code that is made of}) and names
         * no relative clause ({@code that}, {@code which}, {@code who}) before it.
         */
        boolean madeOfAtEnd() {
            int k = words.lastIndexOf("made");
            int material = words.size() - (k + 2);
            if (k < 1 || material < 1 || material > 3 || !words.get(k + 1).equals("of")) {
                return false;
            }
            List<String> before = words.subList(0, k);
            String prev = words.get(k - 1);
            return !prev.equals("is") && !prev.equals("are") && !before.contains("that") && !before.contains("which")
                    && !before.contains("who");
        }

        /** Returns true when the question contains a word. */
        boolean contains(String word) {
            return words.contains(word);
        }

        /**
         * Returns how many attributes and relations the noun phrases and predicates were read with: of two
         * readings, the one with fewer pieces took longer phrases ({@code standing on} as one relation rather than
         * an attribute and a relation).
         */
        int pieces() {
            int n = 0;
            for (Object v : values.values()) {
                if (v instanceof NounPhrase p) {
                    n += pieces(p);
                } else if (v instanceof List<?> filters) {
                    n += filters.size();
                }
            }
            return n;
        }

        private static int pieces(NounPhrase p) {
            return p.filters().size() + (p.link() == null ? 0 : 1 + pieces(p.link().other()));
        }

        /** Returns the words read as names the lexicon does not know, in order. */
        List<String> unknownNames() {
            List<String> out = new ArrayList<>();
            for (Object v : values.values()) {
                if (v instanceof NounPhrase p) {
                    collectUnknown(p, out);
                }
            }
            return out;
        }

        private static void collectUnknown(NounPhrase p, List<String> out) {
            if (p.kind() == NounPhrase.Kind.UNKNOWN && !out.contains(p.name())) {
                out.add(p.name());
            }
            if (p.link() != null) {
                collectUnknown(p.link().other(), out);
            }
        }

        /** Returns the number of words read as names the lexicon does not know. */
        int unknown() {
            int n = 0;
            for (Object v : values.values()) {
                if (v instanceof NounPhrase p) {
                    n += p.unknownWords();
                }
            }
            return n;
        }
    }

    /**
     * Finds the ways the pattern covers all the words.
     *
     * @param reader the question's reader
     * @param lex the lexicon
     * @param limit at most this many matches
     * @param sink receives each match
     */
    void match(NounPhraseReader reader, GqaLexicon lex, int limit, Consumer<Slots> sink) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < reader.size(); i++) {
            words.add(reader.word(i));
        }
        int[] found = {0};
        match(0, 0, new HashMap<>(), reader, lex, words, limit, found, sink);
    }

    private void match(int e, int i, Map<String, Object> slots, NounPhraseReader r, GqaLexicon lex,
            List<String> words, int limit, int[] found, Consumer<Slots> sink) {
        if (found[0] >= limit) {
            return;
        }
        if (e == elements.size()) {
            if (i == r.size()) {
                found[0]++;
                sink.accept(new Slots(new HashMap<>(slots), words));
            }
            return;
        }
        Element el = elements.get(e);
        if (el.optional()) {
            match(e + 1, i, slots, r, lex, words, limit, found, sink);
        }
        if (i >= r.size()) {
            return;
        }
        if (el.words() != null) {
            if (el.words().contains(r.word(i))) {
                match(e + 1, i + 1, slots, r, lex, words, limit, found, sink);
            }
            return;
        }
        for (Read<?> read : readSlot(el.type(), i, r, lex, words)) {
            slots.put(el.slot(), read.value());
            match(e + 1, read.end(), slots, r, lex, words, limit, found, sink);
            slots.remove(el.slot());
            if (found[0] >= limit) {
                return;
            }
        }
    }

    private static List<? extends Read<?>> readSlot(SlotType type, int i, NounPhraseReader r, GqaLexicon lex,
            List<String> words) {
        return switch (type) {
            case NP -> r.phrases(i);
            case CLASS -> {
                List<Read<NounPhrase>> out = new ArrayList<>();
                for (Read<NounPhrase> h : r.heads(i)) {
                    NounPhrase n = h.value();
                    if (n.kind() == NounPhrase.Kind.CLASS || n.kind() == NounPhrase.Kind.ANY) {
                        out.add(h);
                    } else if (n.kind() == NounPhrase.Kind.OBJECT && lex.isSuperClass(n.name())) {
                        out.add(new Read<>(n.named(lex.singular(n.name()), NounPhrase.Kind.CLASS), h.end()));
                    }
                }
                yield out;
            }
            case NOUN -> r.heads(i);
            case PRED -> r.predicate(i);
            case ATTR -> {
                List<Read<Filter>> out = new ArrayList<>();
                for (GqaLexicon.Hit h : r.attributes(i)) {
                    out.add(new Read<>(r.filter(h.value(), false), i + h.length()));
                }
                yield out;
            }
            case REL, RELOPT -> {
                List<Read<String>> out = new ArrayList<>();
                for (GqaLexicon.Hit h : r.relations(i)) {
                    int end = i + h.length();
                    if (r.word(end).equals("of") && !lex.isRelation(h.value() + " of")) {
                        out.add(new Read<>(h.value(), end + 1));
                    }
                    out.add(new Read<>(h.value(), end));
                    if (type == SlotType.RELOPT && lex.isRelation(h.value() + " of")) {
                        out.add(new Read<>(h.value() + " of", end));
                    }
                }
                if (type == SlotType.RELOPT) {
                    // "to the left" or ..., "in front" or ...
                    for (int n = 4; n >= 1; n--) {
                        if (i + n <= words.size()) {
                            String p = String.join(" ", words.subList(i, i + n));
                            if (lex.isRelation(p + " of")) {
                                out.add(new Read<>(p + " of", i + n));
                            }
                        }
                    }
                }
                yield out;
            }
            case ACAT -> {
                List<Read<String>> out = new ArrayList<>();
                if (i + 1 < words.size() && lex.categoryNoun(words.get(i) + " " + words.get(i + 1)) != null) {
                    out.add(new Read<>(lex.categoryNoun(words.get(i) + " " + words.get(i + 1)), i + 2));
                }
                String c = lex.categoryNoun(words.get(i));
                if (c != null) {
                    out.add(new Read<>(c, i + 1));
                }
                yield out;
            }
            case ADJ -> {
                String c = lex.howAdjective(words.get(i));
                yield c == null ? List.of() : List.of(new Read<>(c, i + 1));
            }
            case COMP -> {
                List<Read<String>> out = new ArrayList<>();
                if (i + 1 < words.size() && lex.comparative(words.get(i) + " " + words.get(i + 1)) != null) {
                    out.add(new Read<>(lex.comparative(words.get(i) + " " + words.get(i + 1)), i + 2));
                }
                String c = lex.comparative(words.get(i));
                if (c != null) {
                    out.add(new Read<>(c, i + 1));
                }
                yield out;
            }
            case POS -> Set.of("left", "right", "top", "bottom", "middle").contains(words.get(i))
                    ? List.of(new Read<>(words.get(i), i + 1))
                    : Set.of("center", "centre").contains(words.get(i)) ? List.of(new Read<>("middle", i + 1))
                    : List.of();
            case VERB -> lex.isRelation(words.get(i) + " on") ? List.of(new Read<>(words.get(i) + " on", i + 1))
                    : List.of();
            case PASSIVE -> {
                String active = lex.passive(words, i);
                yield active == null ? List.of() : List.of(new Read<>(active, i + 2));
            }
        };
    }
}
