package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of CLEVR English: question rules written in {@link Patterns}' small language over hand-written
 * nonterminals for noun phrases (determiner, adjectives, noun, any number of relative clauses, reduced or
 * not, nested to any depth), clauses (conjunctions, disjunctions, negation), predicates (attribute values,
 * relations, "the same X as", superlatives, "next to", "other than") and attribute names. Every parse of the
 * whole question is returned with its cost; the cheapest wins.
 *
 * <p>Parsing memoizes every nonterminal by position, so a question of n words costs about n times the number
 * of rules. Immutable and thread-safe: each parse has its own state.
 */
final class ClevrGrammar {

    /**
     * One way a nonterminal reads the words from a position.
     *
     * @param value what it read
     * @param end the position after it
     * @param cost how unlikely the reading is (0 for the plain one)
     */
    record Alt<T>(T value, int end, int cost) {
    }

    /**
     * A reading of a whole question.
     *
     * @param answer what the question asks
     * @param cost how unlikely the reading is
     * @param rule the pattern of the question rule that read it
     */
    record Reading(Sem.Answer answer, int cost, String rule) {
    }

    /** Builds an answer from the values of a rule's slots, or returns null when they do not fit. */
    @FunctionalInterface
    interface Handler {
        Sem.Answer build(Object[] v);
    }

    private record Rule(String pattern, int cost, Handler handler) {
    }

    private record Flat(List<Patterns.Element> elements, Rule rule, int slots) {
    }

    /** The most readings kept per nonterminal and position (cheapest first). */
    private static final int BEAM = 24;

    private static final Set<String> COPULA = Set.of("is", "are", "was", "were");
    private static final Set<String> RELATIVE = Set.of("that", "which", "who", "whose");

    private final Lexicon lex;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<Flat>> byFirst = new HashMap<>();
    private final List<Flat> slotFirst = new ArrayList<>();
    private final Set<String> literals = new HashSet<>();

    ClevrGrammar(Lexicon lex) {
        this.lex = lex;
        QuestionRules.define(this);
        for (Rule r : rules) {
            for (List<Patterns.Element> f : Patterns.expand(r.pattern())) {
                int slots = (int) f.stream().filter(Patterns.Element::slot).count();
                Flat flat = new Flat(f, r, slots);
                if (f.isEmpty()) {
                    continue;
                }
                if (f.get(0).slot()) {
                    slotFirst.add(flat);
                } else {
                    byFirst.computeIfAbsent(f.get(0).text(), k -> new ArrayList<>()).add(flat);
                }
                for (Patterns.Element e : f) {
                    if (!e.slot()) {
                        literals.add(e.text());
                    }
                }
            }
        }
        literals.addAll(NONTERMINAL_WORDS);
    }

    /** Adds a question rule (called by {@link QuestionRules}). */
    void rule(int cost, String pattern, Handler handler) {
        rules.add(new Rule(pattern, cost, handler));
    }

    /** Returns every literal word of the rules and nonterminals. */
    Set<String> literals() {
        return literals;
    }

    /** Returns the lexicon. */
    Lexicon lexicon() {
        return lex;
    }

    /**
     * Reads a question given as normalized words.
     *
     * @return every complete reading, cheapest first
     */
    List<Reading> parse(List<String> words) {
        List<Reading> out = new ArrayList<>();
        Run run = new Run(words, null, false);
        run.questions(0, out, 0);
        // "There is a red cube; what colour is it?": the first clause names what "it" means in the second
        if (words.size() > 3 && words.get(0).equals("there") && COPULA.contains(words.get(1))) {
            for (Alt<NounPhrase> a : run.np(2, false)) {
                int from = a.end();
                while (from < words.size() && (words.get(from).equals("and") || words.get(from).equals("so"))) {
                    from++;
                }
                if (from >= words.size()) {
                    continue;
                }
                Run rest = new Run(possessive(words.subList(from, words.size())), a.value(), true);
                rest.questions(0, out, a.cost());
            }
        }
        out.sort(Comparator.comparingInt(Reading::cost));
        return out;
    }

    /** Spells "its colour" as "the colour of it", which the rules read. */
    private List<String> possessive(List<String> words) {
        List<String> out = new ArrayList<>(words.size() + 4);
        for (int i = 0; i < words.size(); i++) {
            String x = words.get(i);
            if ((x.equals("its") || x.equals("their")) && i + 1 < words.size()
                    && lex.attributeName(words.get(i + 1)) != null) {
                out.add("the");
                out.add(words.get(i + 1));
                out.add("of");
                out.add(x.equals("its") ? "it" : "them");
                i++;
            } else {
                out.add(x);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ words

    /** Words the nonterminals below read literally (for the normalizer's vocabulary). */
    /** "to each other" and the other ways to say it, after "identical", "alike", "the same". */
    private static final String[][] EACH_OTHER = {{"to", "one", "another"}, {"with", "each", "other"},
        {"with", "one", "another"}, {"as", "each", "other"}, {"as", "one", "another"}, {"of", "each", "other"},
        {"of", "one", "another"}, {"in", "appearance"}, {"to", "the", "other"}};

    /** The words after which "the one" has a clause that says which ("the one in front", "the one that is red"). */
    private static final Set<String> ONE_THEN = Set.of("in", "on", "at", "to", "behind", "closest", "nearest", "farthest",
            "furthest", "next", "near", "beside", "left", "right", "between", "that", "which", "made", "with");

    private static final Set<String> NONTERMINAL_WORDS = Set.of(
            "the", "a", "an", "any", "some", "another", "other", "all", "each", "every", "of", "this", "that",
            "these", "those", "only", "both", "either", "neither", "nor", "not", "non", "no", "and", "or", "but",
            "is", "are", "was", "were", "which", "who", "whose", "has", "have", "having", "share", "shares", "sharing",
            "does", "do", "same", "as", "made", "from", "out", "with", "in", "on", "at", "to", "side", "hand",
            "left", "right", "behind", "front", "back", "rear", "far", "farthest", "furthest", "farther", "further",
            "most", "closest", "nearest", "closer", "nearer", "next", "near", "beside", "by", "adjacent", "touching",
            "distant", "alone", "others", "rest", "centermost", "centremost", "middlemost", "very",
            "close", "leftmost", "rightmost", "frontmost", "backmost", "foremost", "rearmost", "forward",
            "camera", "viewer", "foreground", "background", "away", "than", "ahead", "beyond", "else", "anything",
            "something", "besides", "except", "excluding", "apart", "it", "its", "they", "them", "their", "colored",
            "coloured", "shaped", "sized", "color", "kind", "type", "sort", "kinds", "types", "sorts", "different",
            "distinct", "unique", "also", "one", "ones", "you", "us", "me", "we", "viewpoint", "point", "view",
            "between", "second", "third", "2nd", "3rd", "way", "mostly", "middle", "center", "centre", "central",
            "thing", "things", "identical", "alike", "match", "matches", "matching", "equal", "similar", "look", "looks",
            "appear", "appears", "seem", "seems", "like", "twin", "twins", "copy", "copies", "duplicate", "duplicates",
            "duplicated", "pair", "completely", "totally", "entirely", "perfectly", "appearance", "respect", "ways",
            "similarly");

    /** The other objects of an object's size, colour, material and shape. */
    static Sem.SetE alike(Sem.ObjE o) {
        Sem.SetE s = new Sem.Same(o, Lexicon.ATTRIBUTES.get(0));
        for (int i = 1; i < Lexicon.ATTRIBUTES.size(); i++) {
            s = new Sem.Intersect(s, new Sem.Same(o, Lexicon.ATTRIBUTES.get(i)));
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------ one parse

    /** The state of one parse: the words and the memo tables. */
    final class Run {

        private final String[] w;
        private final int n;
        private final Map<Long, List<? extends Alt<?>>> memo = new HashMap<>();
        private final NounPhrase referent;
        private final boolean pronouns;

        Run(List<String> words, NounPhrase referent, boolean pronouns) {
            this.w = words.toArray(new String[0]);
            this.n = w.length;
            this.referent = referent;
            this.pronouns = pronouns;
        }

        String word(int pos) {
            return pos < n ? w[pos] : "";
        }

        boolean at(int pos, String word) {
            return pos < n && w[pos].equals(word);
        }

        /** Returns the position after a literal word sequence at pos, or -1. */
        int lit(int pos, String... words) {
            for (String x : words) {
                if (!at(pos, x)) {
                    return -1;
                }
                pos++;
            }
            return pos;
        }

        @SuppressWarnings("unchecked")
        private <T> List<Alt<T>> cached(int kind, int pos, int flags) {
            return (List<Alt<T>>) memo.get(((long) kind << 40) | ((long) flags << 20) | pos);
        }

        private <T> List<Alt<T>> store(int kind, int pos, int flags, List<Alt<T>> out) {
            out.sort(Comparator.comparingInt(Alt::cost));
            List<Alt<T>> kept = out.size() > BEAM ? new ArrayList<>(out.subList(0, BEAM)) : out;
            memo.put(((long) kind << 40) | ((long) flags << 20) | pos, kept);
            return kept;
        }

        // ---------------------------------------------------------------- questions

        void questions(int start, List<Reading> out, int baseCost) {
            List<Flat> candidates = new ArrayList<>(byFirst.getOrDefault(word(start), List.of()));
            candidates.addAll(slotFirst);
            for (Flat f : candidates) {
                match(f, 0, start, new Object[f.slots()], 0, baseCost + f.rule().cost(), out);
            }
        }

        private void match(Flat f, int e, int pos, Object[] values, int slot, int cost, List<Reading> out) {
            if (e == f.elements().size()) {
                if (pos == n) {
                    Sem.Answer a = f.rule().handler().build(values.clone());
                    if (a != null) {
                        out.add(new Reading(a, cost, f.rule().pattern()));
                    }
                }
                return;
            }
            Patterns.Element el = f.elements().get(e);
            if (!el.slot()) {
                if (at(pos, el.text())) {
                    match(f, e + 1, pos + 1, values, slot, cost, out);
                }
                return;
            }
            for (Alt<?> a : slot(el.text(), pos)) {
                values[slot] = a.value();
                match(f, e + 1, a.end(), values, slot + 1, cost + a.cost(), out);
            }
        }

        private List<? extends Alt<?>> slot(String kind, int pos) {
            return switch (kind) {
                case "np" -> np(pos, false);
                case "obj" -> obj(pos, false);
                case "pred" -> clause(pos, false, false);
                case "preds" -> clause(pos, false, false, 2);
                case "vp" -> verbPhrase(pos, 0);
                case "vps" -> verbPhrase(pos, 2);
                case "attr" -> attribute(pos);
                case "attrs" -> attributes(pos);
                case "val" -> values(pos, false);
                case "num" -> number(pos);
                default -> throw new IllegalStateException("unknown slot {" + kind + "}");
            };
        }

        // ---------------------------------------------------------------- small nonterminals

        /**
         * A phrase saying an object is alone in a value: "different in colour", "of a different shape than the
         * others", "unique in size", "the only one of its colour", "different from the rest" (a null attribute:
         * the one the question asks for).
         */
        List<Alt<String>> different(int pos) {
            List<Alt<String>> out = new ArrayList<>();
            int p = pos;
            if (at(p, "of") || at(p, "with") || at(p, "having")) {
                p++;
            }
            int q = at(p, "a") || at(p, "an") ? p + 1 : p;
            if (at(q, "different") || at(q, "unique") || at(q, "distinct")) {
                if (at(q + 1, "in")) {
                    for (Alt<String> a : attribute(q + 2)) {
                        out.add(new Alt<>(a.value(), others(a.end()), 0));
                    }
                }
                for (Alt<String> a : attribute(q + 1)) {
                    out.add(new Alt<>(a.value(), others(a.end()), 0));
                }
                if (q == pos) {
                    int e = others(q + 1);
                    out.add(new Alt<>(null, e, e > q + 1 ? 0 : 1));
                }
            }
            // the only one of its colour, the only object with its shape, alone in its colour
            int r = lit(pos, "the", "only");
            if (r > 0 && (at(r, "one") || at(r, "object") || at(r, "thing") || at(r, "item") || at(r, "shape"))
                    && (at(r + 1, "of") || at(r + 1, "with")) && (at(r + 2, "its") || at(r + 2, "that"))) {
                for (Alt<String> a : attribute(r + 3)) {
                    out.add(new Alt<>(a.value(), a.end(), 0));
                }
            }
            if (at(pos, "alone") && at(pos + 1, "in") && at(pos + 2, "its")) {
                for (Alt<String> a : attribute(pos + 3)) {
                    out.add(new Alt<>(a.value(), a.end(), 0));
                }
            }
            return out;
        }

        /**
         * "(all|any) (of) the others (of the objects)", "any other object", "the other shapes", "the rest"; returns
         * where it ends, or -1.
         */
        private int othersPhrase(int pos) {
            int p = pos;
            if (at(p, "all") || at(p, "any")) {
                p++;
            }
            if (at(p, "of")) {
                p++;
            }
            if (at(p, "the")) {
                p++;
            }
            if (at(p, "others") || at(p, "rest")) {
                return at(p + 1, "of") && at(p + 2, "the") && lex.noun(word(p + 3)) != null ? p + 4 : p + 1;
            }
            if (at(p, "other") && lex.noun(word(p + 1)) != null) {
                return p + 2;
            }
            // the other two objects
            Integer k = lex.number(word(p + 1));
            if (at(p, "other") && k != null && k > 1 && lex.noun(word(p + 2)) != null) {
                return p + 3;
            }
            return -1;
        }

        /** Skips "from the others", "than all the rest", "from the other objects"; returns where it ends. */
        private int others(int pos) {
            if (!at(pos, "from") && !at(pos, "than") && !at(pos, "to")) {
                return pos;
            }
            int e = othersPhrase(pos + 1);
            return e > 0 ? e : pos;
        }

        /** An attribute name: "colour", "kind of material", "shape". */
        List<Alt<String>> attribute(int pos) {
            List<Alt<String>> out = new ArrayList<>();
            int p = pos;
            if ((at(p, "kind") || at(p, "type") || at(p, "sort")) && at(p + 1, "of")) {
                p += 2;
            }
            String a = lex.attributeName(word(p));
            if (a != null) {
                out.add(new Alt<>(a, p + 1, 0));
            }
            // "the same colors", "the same materials" say the same as the singular
            String x = word(p);
            if (a == null && p == pos && p > 0 && at(p - 1, "same") && x.endsWith("s")
                    && lex.attributeName(x.substring(0, x.length() - 1)) != null) {
                out.add(new Alt<>(lex.attributeName(x.substring(0, x.length() - 1)), p + 1, 0));
            }
            return out;
        }

        /** A plural attribute name: "colours", "kinds of shapes". */
        List<Alt<String>> attributes(int pos) {
            List<Alt<String>> out = new ArrayList<>();
            int p = pos;
            if ((at(p, "kinds") || at(p, "types") || at(p, "sorts")) && at(p + 1, "of")) {
                p += 2;
                Lexicon.Noun noun = lex.noun(word(p));
                if (noun != null && noun.shape() == null && noun.plural()) {
                    out.add(new Alt<>("shape", p + 1, 0));
                }
            }
            String x = word(p);
            if (x.endsWith("s")) {
                String a = lex.attributeName(x.substring(0, x.length() - 1));
                if (a != null) {
                    out.add(new Alt<>(a, p + 1, 0));
                }
            }
            return out;
        }

        /** A number: "two", "2". */
        List<Alt<Integer>> number(int pos) {
            Integer v = lex.number(word(pos));
            return v == null ? List.of() : List.of(new Alt<>(v, pos + 1, 0));
        }

        /**
         * One or more attribute adjectives: "red", "large metal", "large, red and shiny", "red or blue"
         * (values of one attribute joined by "and" or "or" name a union and are read by {@link #clause}).
         *
         * @param single only one attribute value per attribute
         */
        List<Alt<Map<String, String>>> values(int pos, boolean single) {
            List<Alt<Map<String, String>>> out = new ArrayList<>();
            collectValues(pos, new LinkedHashMap<>(), out);
            return out;
        }

        private void collectValues(int pos, Map<String, String> acc, List<Alt<Map<String, String>>> out) {
            int p = pos;
            Lexicon.Values v = lex.values(word(p));
            String shape = lex.shapeAdjective(word(p));
            if (v == null && shape == null || v != null && !v.alternatives().isEmpty()) {
                return;
            }
            Map<String, String> next = new LinkedHashMap<>(acc);
            if (v != null) {
                for (Map.Entry<String, String> e : v.values().entrySet()) {
                    if (next.containsKey(e.getKey()) && !next.get(e.getKey()).equals(e.getValue())) {
                        return;
                    }
                    next.put(e.getKey(), e.getValue());
                }
            } else {
                if (next.containsKey("shape")) {
                    return;
                }
                next.put("shape", shape);
            }
            p++;
            // "red colored", "large sized", "red in color", "matte material", "red color"
            if (at(p, "colored") || at(p, "coloured") || at(p, "sized")) {
                p++;
            } else if (at(p, "in") && lex.attributeName(word(p + 1)) != null) {
                p += 2;
            } else if (lex.attributeName(word(p)) != null && !at(p + 1, "of") && !at(p + 1, "as")) {
                p++;
            }
            out.add(new Alt<>(next, p, 0));
            int q = at(p, "and") ? p + 1 : p;
            collectValues(q, next, out);
        }

        /** A relation phrase: "left of", "to the right of", "behind", "in front of", "to the back and right of". */
        List<Alt<List<String>>> relation(int pos) {
            List<Alt<List<String>>> out = new ArrayList<>();
            for (Alt<String> r : singleRelation(pos, true)) {
                out.add(new Alt<>(List.of(r.value()), r.end(), r.cost()));
                // "behind and to the left of", "to the left and behind"
                if (at(r.end(), "and")) {
                    for (Alt<String> s : singleRelation(r.end() + 1, true)) {
                        if (!s.value().equals(r.value())) {
                            out.add(new Alt<>(List.of(r.value(), s.value()), s.end(), r.cost() + s.cost()));
                        }
                    }
                }
            }
            // "to the back and right of", "to the left and in front of"
            for (Alt<String> r : singleRelation(pos, false)) {
                if (at(r.end(), "and")) {
                    int p = r.end() + 1;
                    if (at(p, "to") && at(p + 1, "the")) {
                        p += 2;
                    }
                    for (Alt<String> s : singleRelation(p, true)) {
                        if (!s.value().equals(r.value())) {
                            out.add(new Alt<>(List.of(r.value(), s.value()), s.end(), r.cost() + s.cost()));
                        }
                    }
                    String d = direction(word(p));
                    if (d != null && at(p + 1, "of") && !d.equals(r.value())) {
                        out.add(new Alt<>(List.of(r.value(), d), p + 2, r.cost()));
                    }
                }
            }
            return out;
        }

        /** The end of "made of", "made from", "made out of", "composed of", or -1. */
        int madeOf(int pos) {
            if (at(pos, "made") || at(pos, "composed")) {
                if (at(pos + 1, "of") || at(pos + 1, "from")) {
                    return pos + 2;
                }
                if (at(pos + 1, "out") && at(pos + 2, "of")) {
                    return pos + 3;
                }
            }
            return -1;
        }

        /** Returns 2 for "second", 3 for "third", else 1. */
        int ordinal(String word) {
            return switch (word) {
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 1;
            };
        }

        /** A direction word: left, right, behind (back, rear), front. */
        String direction(String word) {
            return switch (word) {
                case "left" -> "left";
                case "right" -> "right";
                case "back", "behind", "rear" -> "behind";
                case "front" -> "front";
                default -> null;
            };
        }

        /**
         * One relation phrase.
         *
         * @param withOf whether the phrase ends with its "of" (false: "to the left" of "to the left and behind")
         */
        List<Alt<String>> singleRelation(int pos, boolean withOf) {
            List<Alt<String>> out = new ArrayList<>();
            int p = pos;
            // "directly"/"immediately" are dropped by the normalizer; "right" before a relation means "just"
            if (at(p, "right") && (at(p + 1, "behind") || at(p + 1, "in") || at(p + 1, "next"))) {
                p++;
            }
            if (at(p, "behind")) {
                out.add(new Alt<>("behind", p + 1, 0));
                return withOf ? out : out;
            }
            // in front of, in back of, in the front of, in the back of, at the back of, ahead of, before
            int q = p;
            boolean prep = at(q, "to") || at(q, "on") || at(q, "at") || at(q, "in");
            if (prep) {
                q++;
            }
            boolean the = at(q, "the");
            if (the) {
                q++;
            }
            String d = direction(word(q));
            if (d != null && !word(q).equals("behind")) {
                int r = q + 1;
                if (at(r, "side") || at(r, "hand") && at(r + 1, "side")) {
                    r += at(r, "side") ? 1 : 2;
                }
                if (d.equals("front") && !prep) {
                    // a bare "front of" is rare; "front" alone is a superlative
                    if (withOf && at(r, "of")) {
                        out.add(new Alt<>(d, r + 1, 1));
                    }
                } else if (d.equals("behind") && !prep) {
                    if (withOf && at(r, "of")) {
                        out.add(new Alt<>(d, r + 1, 1));
                    }
                } else if (withOf) {
                    if (at(r, "of") || at(r, "from")) {
                        out.add(new Alt<>(d, r + 1, the || !prep ? 0 : 1));
                    }
                } else {
                    out.add(new Alt<>(d, r, 0));
                }
            }
            if (withOf) {
                if (at(p, "ahead") && at(p + 1, "of")) {
                    out.add(new Alt<>("front", p + 2, 0));
                }
                if (at(p, "before")) {
                    out.add(new Alt<>("front", p + 1, 1));
                }
                if (at(p, "beyond")) {
                    out.add(new Alt<>("behind", p + 1, 1));
                }
                // farther back than, further from the camera than, closer to the camera than
                boolean farther = at(p, "farther") || at(p, "further");
                boolean closer = at(p, "closer") || at(p, "nearer");
                if (farther || closer) {
                    int r = p + 1;
                    if (farther && (at(r, "back") || at(r, "away"))) {
                        r++;
                    } else if (at(r, "to") || at(r, "from")) {
                        int s = lit(r + 1, "the", "camera");
                        if (s < 0) {
                            s = lit(r + 1, "the", "viewer");
                        }
                        if (s < 0) {
                            s = lit(r + 1, "us");
                        }
                        if (s < 0) {
                            s = lit(r + 1, "you");
                        }
                        r = s;
                    }
                    if (r > 0 && at(r, "than")) {
                        out.add(new Alt<>(farther ? "behind" : "front", r + 1, 0));
                    }
                }
            }
            return out;
        }

        /**
         * A superlative phrase naming the direction of the extreme object: "farthest to the left", "on the far
         * right", "in the front", "closest to the camera", "in the back", "farthest away".
         */
        List<Alt<String>> superlative(int pos) {
            List<Alt<String>> hit = cached(SUPERLATIVE, pos, 0);
            if (hit != null) {
                return hit;
            }
            return store(SUPERLATIVE, pos, 0, superlativeUncached(pos));
        }

        private List<Alt<String>> superlativeUncached(int pos) {
            List<Alt<String>> out = new ArrayList<>();
            int p = pos;
            if (at(p, "the") && (at(p + 1, "farthest") || at(p + 1, "furthest") || at(p + 1, "most")
                    || at(p + 1, "closest") || at(p + 1, "nearest"))) {
                p++;
            }
            String x = word(p);
            switch (x) {
                case "leftmost" -> out.add(new Alt<>("left", p + 1, 0));
                case "rightmost" -> out.add(new Alt<>("right", p + 1, 0));
                case "frontmost", "foremost" -> out.add(new Alt<>("front", p + 1, 0));
                case "backmost", "rearmost" -> out.add(new Alt<>("behind", p + 1, 0));
                case "centermost", "centremost", "middlemost" -> out.add(new Alt<>("middle", p + 1, 0));
                case "center", "centre", "middle" -> {
                    if (at(p + 1, "most")) {
                        out.add(new Alt<>("middle", p + 2, 0));
                    }
                }
                default -> {
                }
            }
            boolean far = x.equals("farthest") || x.equals("furthest") || x.equals("most");
            boolean close = x.equals("closest") || x.equals("nearest");
            if (far || close) {
                int q = p + 1;
                // "farthest (to the) left", "most to the right", "furthest (to the) back", "farthest forward"
                int r = at(q, "to") && at(q + 1, "the") ? q + 2 : at(q, "to") ? q + 1 : q;
                String d = direction(word(r));
                if (d != null && far) {
                    int e = r + 1;
                    if (at(e, "side")) {
                        e++;
                    }
                    out.add(new Alt<>(d, e, 0));
                }
                // "farthest most right"
                if (far && !x.equals("most") && at(q, "most") && direction(word(q + 1)) != null) {
                    out.add(new Alt<>(direction(word(q + 1)), at(q + 2, "side") ? q + 3 : q + 2, 0));
                }
                if (far && (at(q, "on") || at(q, "at")) && at(q + 1, "the") && direction(word(q + 2)) != null) {
                    out.add(new Alt<>(direction(word(q + 2)), at(q + 3, "side") ? q + 4 : q + 3, 0));
                }
                if (far && (at(q, "forward") || at(q, "front"))) {
                    out.add(new Alt<>("front", q + 1, 0));
                }
                if (far && at(q, "away")) {
                    int e = q + 1;
                    int s = lit(e, "from", "the", "camera");
                    if (s < 0) {
                        s = lit(e, "from", "the", "viewer");
                    }
                    out.add(new Alt<>("behind", s > 0 ? s : e, 0));
                }
                // closest to the camera / viewer / front / foreground; farthest from the camera
                int s = -1;
                String[][] viewer = {{"the", "camera"}, {"the", "viewer"}, {"us"}, {"you"}, {"me"},
                        {"the", "front"}, {"the", "foreground"}, {"the", "viewpoint"}};
                for (String[] v : viewer) {
                    int t = lit(q + 1, v);
                    if (t > 0 && (at(q, "to") || at(q, "from"))) {
                        s = t;
                        break;
                    }
                }
                if (s > 0) {
                    out.add(new Alt<>(close ? "front" : "behind", s, 0));
                }
                // farthest in front, furthest in the back
                if (far && at(q, "in")) {
                    int t = at(q + 1, "the") ? q + 2 : q + 1;
                    if (at(t, "front") || at(t, "back")) {
                        out.add(new Alt<>(at(t, "front") ? "front" : "behind", t + 1, 0));
                    }
                }
                // farthest to the left of X is a relation and a superlative: see atom()
                if (close && at(q, "to") && (lit(q + 1, "the", "back") > 0 || lit(q + 1, "the", "background") > 0)) {
                    out.add(new Alt<>("behind", q + 3, 0));
                }
                // bare "farthest", "closest": from the viewer
                if (!at(q, "to") && !at(q, "from")) {
                    out.add(new Alt<>(close ? "front" : "behind", q, 1));
                }
            }
            // in the middle, at the centre
            if ((at(p, "in") || at(p, "at")) && at(p + 1, "the") && (at(p + 2, "middle") || at(p + 2, "center")
                    || at(p + 2, "centre"))) {
                out.add(new Alt<>("middle", p + 3, 0));
            }
            // on the furthest left side, at the very back
            if ((at(p, "on") || at(p, "at") || at(p, "in") || at(p, "to")) && at(p + 1, "the") && (at(p + 2, "farthest")
                    || at(p + 2, "furthest") || at(p + 2, "most") || at(p + 2, "very"))) {
                String d = direction(word(p + 3));
                if (d != null && !at(p + 4, "of")) {
                    out.add(new Alt<>(d, at(p + 4, "side") ? p + 5 : p + 4, 0));
                }
            }
            // (the second) from the left, from the front, from the far right
            if (at(p, "from")) {
                int f = at(p + 1, "the") ? p + 2 : p + 1;
                if (at(f, "far") || at(f, "very")) {
                    f++;
                }
                String d = direction(word(f));
                if (d != null && !word(f).equals("behind") && !at(f + 1, "of")) {
                    out.add(new Alt<>(d, at(f + 1, "side") ? f + 2 : f + 1, 1));
                }
            }
            // to the right of all the other objects, in front of the others, behind everything else
            for (Alt<String> r : singleRelation(p, true)) {
                int e = everything(r.end());
                if (e > 0) {
                    out.add(new Alt<>(r.value(), e, 0));
                }
            }
            // all the way to the right
            int way = lit(p, "all", "the", "way");
            if (way > 0 && (at(way, "to") || at(way, "on") || at(way, "at")) && at(way + 1, "the")
                    && direction(word(way + 2)) != null) {
                out.add(new Alt<>(direction(word(way + 2)), way + 3, 0));
            }
            // on the far left, to the far right, at the far back, on the left (side), in the front, in the back
            int q = p;
            if (at(q, "on") || at(q, "to") || at(q, "at") || at(q, "in")) {
                String prep = word(q);
                q++;
                if (at(q, "the")) {
                    q++;
                }
                boolean farWord = at(q, "far") || at(q, "very") || at(q, "most");
                if (farWord) {
                    q++;
                }
                String d = direction(word(q));
                if (d != null && !word(q).equals("behind")) {
                    int e = q + 1;
                    if (at(e, "most")) {
                        e++;
                    }
                    if (at(e, "side")) {
                        e++;
                    }
                    if (at(e, "of") || at(e, "from")) {
                        // a relation, not a superlative
                    } else if (d.equals("left") || d.equals("right")) {
                        out.add(new Alt<>(d, e, farWord ? 0 : 1));
                    } else if (prep.equals("in") || prep.equals("at")) {
                        out.add(new Alt<>(d, e, farWord ? 0 : 1));
                    }
                }
                if (at(q, "foreground")) {
                    out.add(new Alt<>("front", q + 1, 1));
                }
                if (at(q, "background")) {
                    out.add(new Alt<>("behind", q + 1, 1));
                }
            }
            return out;
        }

        /** The end of "all the other objects", "the others", "everything else", "the rest", or -1. */
        int everything(int pos) {
            int p = pos;
            if (at(p, "everything") || at(p, "anything")) {
                return at(p + 1, "else") ? p + 2 : p + 1;
            }
            if (at(p, "all")) {
                p++;
                if (at(p, "of")) {
                    p++;
                }
            }
            if (at(p, "the")) {
                p++;
            }
            boolean other = at(p, "other");
            if (other) {
                p++;
            }
            if (at(p, "others") || at(p, "rest")) {
                return p + 1;
            }
            Lexicon.Noun noun = lex.noun(word(p));
            if (noun != null && noun.plural() && p > pos && (other || at(pos, "all"))) {
                return p + 1;
            }
            return -1;
        }

        // ---------------------------------------------------------------- noun phrases

        private static final int NP = 1;
        private static final int OBJ = 2;
        private static final int CLAUSE = 3;
        private static final int REDUCED = 4;
        private static final int PREDICATE = 5;
        private static final int SUPERLATIVE = 6;

        /** A noun phrase. */
        List<Alt<NounPhrase>> np(int pos, boolean nested) {
            int flags = nested ? 1 : 0;
            List<Alt<NounPhrase>> hit = cached(NP, pos, flags);
            if (hit != null) {
                return hit;
            }
            memo.put(((long) NP << 40) | ((long) flags << 20) | pos, List.of()); // no left recursion
            List<Alt<NounPhrase>> out = new ArrayList<>();
            if (pronouns && referent != null) {
                String x = word(pos);
                if (x.equals("it") || x.equals("them") || x.equals("they")) {
                    out.add(new Alt<>(NounPhrase.of(referent.set(), referent.plural()), pos + 1, 0));
                } else if ((x.equals("that") || x.equals("this") || x.equals("the") || x.equals("those"))
                        && lex.noun(word(pos + 1)) != null && lex.noun(word(pos + 1)).shape() == null) {
                    out.add(new Alt<>(NounPhrase.of(referent.set(), referent.plural()), pos + 2, 0));
                }
            }
            for (Alt<NounPhrase> d : determiners(pos)) {
                premodifiers(d.end(), d.value(), d.cost(), nested, false, out);
            }
            // "the smaller of the two cubes": the one of them of that size
            Lexicon.Values size = lex.values(word(pos + 1));
            if (at(pos, "the") && size != null && size.values().size() == 1 && size.values().containsKey("size")
                    && word(pos + 1).endsWith("er") && at(pos + 2, "of")) {
                for (Alt<NounPhrase> a : np(pos + 3, nested)) {
                    NounPhrase of = a.value();
                    if (of.plural() && (of.determiner().equals("the") || of.determiner().equals("num"))) {
                        NounPhrase one = NounPhrase.of(of.set(), false).withFilter("size", size.values().get("size"));
                        out.add(new Alt<>(one, a.end(), a.cost()));
                    }
                }
            }
            return store(NP, pos, flags, out);
        }

        /** The determiners, as phrases with nothing else yet (the empty determiner included). */
        List<Alt<NounPhrase>> determiners(int pos) {
            List<Alt<NounPhrase>> out = new ArrayList<>();
            out.add(new Alt<>(NounPhrase.start("", false, -1), pos, 0));
            String x = word(pos);
            int p = pos + 1;
            switch (x) {
                case "the", "this", "that" -> {
                    // "the only cube", "the one object that is not red" (one before a noun is "only")
                    int q = at(p, "only") || at(p, "lone") || at(p, "single")
                            || at(p, "one") && lex.noun(word(p + 1)) != null ? p + 1 : p;
                    out.add(new Alt<>(NounPhrase.start("the", false, -1), q, 0));
                    if (at(p, "other")) {
                        out.add(new Alt<>(NounPhrase.start("other", false, -1), p + 1, 0));
                    }
                    Integer k = lex.number(word(p));
                    if (k != null && k > 1) {
                        out.add(new Alt<>(NounPhrase.start("the", true, k), p + 1, 0));
                    }
                }
                case "these", "those" -> out.add(new Alt<>(NounPhrase.start("the", true, -1), p, 0));
                case "a", "an" -> out.add(new Alt<>(NounPhrase.start("a", false, -1), p, 0));
                case "one" -> {
                    if (!at(p, "of")) {
                        out.add(new Alt<>(NounPhrase.start("a", false, -1), p, 0));
                    }
                }
                case "any", "some" -> {
                    if (at(p, "other")) {
                        out.add(new Alt<>(NounPhrase.start("other", false, -1), p + 1, 0));
                    }
                    // "are any two objects identical": some of them
                    Integer two = lex.number(word(p));
                    if (two != null && two > 1) {
                        int q = lit(p + 1, "of", "the");
                        out.add(new Alt<>(NounPhrase.start("any", true, -1), q > 0 ? q : p + 1, 0));
                    }
                    int q = lit(p, "of", "the");
                    out.add(new Alt<>(NounPhrase.start("any", false, -1), q > 0 ? q : p, 0));
                }
                case "another", "other" -> out.add(new Alt<>(NounPhrase.start("other", false, -1), p, 0));
                case "all", "every", "each" -> {
                    int q = lit(p, "of", "the");
                    if (q < 0) {
                        q = lit(p, "the");
                    }
                    if (q < 0) {
                        q = p;
                    }
                    if (at(q, "other")) {
                        out.add(new Alt<>(NounPhrase.start("all", true, -1), q + 1, 0));
                    }
                    Integer k = lex.number(word(q));
                    if (k != null && k > 1) {
                        out.add(new Alt<>(NounPhrase.start("all", true, k), q + 1, 0));
                    }
                    out.add(new Alt<>(NounPhrase.start("all", !x.equals("every"), -1), q, 0));
                }
                case "both" -> {
                    int q = lit(p, "of", "the");
                    if (q < 0) {
                        q = lit(p, "the");
                    }
                    out.add(new Alt<>(NounPhrase.start("the", true, 2), q > 0 ? q : p, 0));
                }
                default -> {
                    Integer k = lex.number(x);
                    if (k != null && !x.equals("one") && !x.equals("single")) {
                        int q = lit(p, "of", "the");
                        out.add(new Alt<>(NounPhrase.start("num", k > 1, k), q > 0 ? q : p, 0));
                    }
                }
            }
            return out;
        }

        /**
         * Adjectives before the noun (attribute values, shape adjectives, superlatives), the noun, then the
         * clauses after it.
         */
        private void premodifiers(int pos, NounPhrase np, int cost, boolean nested, boolean any,
                List<Alt<NounPhrase>> out) {
            String x = word(pos);
            // the noun
            Lexicon.Noun noun = lex.noun(x);
            if (noun != null && !(noun.shape() != null && (at(pos + 1, "shaped") || at(pos + 1, "shape")))) {
                String had = np.filter("shape");
                boolean clash = noun.shape() != null && had != null && !had.equals(noun.shape());
                // "the red one" needs an adjective, or a clause after it: "the one in front", "the one that is red"
                boolean bareOne = (x.equals("one") || x.equals("ones")) && !any;
                if (!clash && !bareOne) {
                    postmodifiers(pos + 1, np.withNoun(noun.shape(), noun.plural()), cost, nested, out);
                } else if (!clash && np.determiner().equals("the") && ONE_THEN.contains(word(pos + 1))) {
                    // after "there are two cubes", "the one in front" is one of them
                    NounPhrase one = np.withNoun(null, x.equals("ones"));
                    if (pronouns && referent != null && referent.plural()) {
                        one = one.withRestriction(referent.set());
                    }
                    List<Alt<NounPhrase>> clauses = new ArrayList<>();
                    postmodifiers(pos + 1, one, cost + 1, nested, clauses);
                    for (Alt<NounPhrase> c : clauses) {
                        if (c.end() > pos + 1) {
                            out.add(c);
                        }
                    }
                }
            }
            if (x.equals("anything") || x.equals("something") || x.equals("everything")) {
                int p = at(pos + 1, "else") ? pos + 2 : pos + 1;
                postmodifiers(p, np.withNoun(null, false), cost, nested, out);
            }
            // "cube shaped", "ball shape"
            if (noun != null && noun.shape() != null && (at(pos + 1, "shaped") || at(pos + 1, "shape"))
                    && !np.hasFilter("shape")) {
                premodifiers(pos + 2, np.withFilter("shape", noun.shape()), cost, nested, true, out);
            }
            // "cube objects", "metal ball things": a shape noun before a noun for things
            if (noun != null && noun.shape() != null && !noun.plural() && lex.noun(word(pos + 1)) != null
                    && lex.noun(word(pos + 1)).shape() == null && !np.hasFilter("shape")) {
                premodifiers(pos + 1, np.withFilter("shape", noun.shape()), cost, nested, true, out);
            }
            // attribute values
            Lexicon.Values v = lex.values(x);
            String shape = lex.shapeAdjective(x);
            if (v != null && !v.alternatives().isEmpty()) {
                // "gold": yellow or brown metal
                Sem.SetE union = null;
                for (Map<String, String> reading : v.alternatives()) {
                    Sem.SetE s = new Sem.Scene();
                    for (Map.Entry<String, String> e : reading.entrySet()) {
                        s = new Sem.Filter(s, e.getKey(), e.getValue());
                    }
                    union = union == null ? s : new Sem.Union(union, s);
                }
                premodifiers(pos + 1, np.withRestriction(union), cost, nested, true, out);
                v = null;
            } else if (v != null || shape != null) {
                int p = pos + 1;
                if (at(p, "colored") || at(p, "coloured") || at(p, "sized") || shape != null && at(p, "shaped")
                        || lex.attributeName(word(p)) != null && lex.noun(word(p + 1)) != null) {
                    p++;
                }
                NounPhrase next = np;
                if (v != null) {
                    for (Map.Entry<String, String> e : v.values().entrySet()) {
                        next = next.withFilter(e.getKey(), e.getValue());
                    }
                } else {
                    next = next.withFilter("shape", shape);
                }
                premodifiers(p, next, cost, nested, true, out);
                // "red and blue objects", "red or blue cubes": a union of two values of one attribute
                if ((at(p, "and") || at(p, "or")) && v != null && v.values().size() == 1 && np.restriction() == null) {
                    Lexicon.Values v2 = lex.values(word(p + 1));
                    String a = v.values().keySet().iterator().next();
                    if (v2 != null && v2.values().size() == 1 && v2.values().containsKey(a)
                            && !v2.values().get(a).equals(v.values().get(a))) {
                        int e = p + 2;
                        if (at(e, "colored") || at(e, "coloured")) {
                            e++;
                        }
                        List<Alt<NounPhrase>> tails = new ArrayList<>();
                        premodifiers(e, NounPhrase.start("", true, -1), 0, nested, true, tails);
                        for (Alt<NounPhrase> t : tails) {
                            NounPhrase rest = t.value();
                            NounPhrase left = rest.withFilter(a, v.values().get(a));
                            NounPhrase right = rest.withFilter(a, v2.values().get(a));
                            NounPhrase union = NounPhrase.start(np.determiner(), true, np.number())
                                    .withNoun(null, true).withRestriction(new Sem.Union(left.set(), right.set()));
                            // the filters read before the pair apply to both
                            for (String[] f : np.filters()) {
                                union = union.withFilter(f[0], f[1]);
                            }
                            if (rest.simple()) {
                                out.add(new Alt<>(union, t.end(), cost + t.cost() + 1));
                            }
                        }
                    }
                }
            }
            // "the identical cubes", "two matching red balls", "the exactly identical objects"
            if ((x.equals("identical") || x.equals("matching") || x.equals("duplicate") || x.equals("twin")
                    || x.equals("alike") || x.equals("exactly") && at(pos + 1, "identical"))
                    && !(np.restriction() instanceof Sem.Identical)) {
                int p = x.equals("exactly") ? pos + 2 : pos + 1;
                premodifiers(p, Predicate.apply(np, new Predicate.Identical()), cost, nested, true, out);
            }
            // "non shiny", "not metal", "non cylindrical" before the noun
            if (x.equals("non") || x.equals("not")) {
                Lexicon.Values nv = lex.values(word(pos + 1));
                String ns = lex.shapeAdjective(word(pos + 1));
                Lexicon.Noun nn = lex.noun(word(pos + 1));
                if (ns == null && nn != null && nn.shape() != null && lex.noun(word(pos + 2)) != null) {
                    // "non cylinder shapes"
                    ns = nn.shape();
                }
                Map<String, String> negated = nv != null && nv.values().size() == 1 ? nv.values()
                        : ns != null ? Map.of("shape", ns) : null;
                if (negated != null) {
                    NounPhrase next = Predicate.apply(np, new Predicate.Not(new Predicate.Values(negated)));
                    if (next != null) {
                        premodifiers(pos + 2, next, cost, nested, true, out);
                    }
                }
            }
            // superlatives: leftmost, farthest left, front, back, closest
            String dir = switch (x) {
                case "leftmost", "left" -> "left";
                case "rightmost", "right" -> "right";
                case "frontmost", "foremost", "front", "closest", "nearest" -> "front";
                case "backmost", "rearmost", "back", "rear", "farthest", "furthest" -> "behind";
                case "middle", "center", "centre", "central" -> "middle";
                default -> null;
            };
            if (dir != null && np.extreme() == null) {
                int p = pos + 1;
                int extra = x.equals("left") || x.equals("right") || x.equals("front") || x.equals("back") ? 1 : 0;
                if ((x.equals("farthest") || x.equals("furthest") || x.equals("far")) && direction(word(p)) != null) {
                    dir = direction(word(p));
                    p++;
                    extra = 0;
                }
                if ((x.equals("left") || x.equals("right") || x.equals("front") || x.equals("back") || dir.equals("middle"))
                        && at(p, "most")) {
                    p++;
                    extra = 0;
                }
                NounPhrase ext = np.withExtreme(dir);
                if (ext != null && (!(x.equals("closest") || x.equals("nearest")) || !at(p, "to"))) {
                    premodifiers(p, ext, cost + extra, nested, true, out);
                }
            }
            // "the most left object", "the most forward cube"
            String most = x.equals("most") ? direction(word(pos + 1)) : null;
            if (most == null && x.equals("most") && (at(pos + 1, "forward") || at(pos + 1, "center") || at(pos + 1, "central"))) {
                most = at(pos + 1, "forward") ? "front" : "middle";
            }
            NounPhrase mostNp = most == null || at(pos + 1, "behind") ? null : np.withExtreme(most);
            if (mostNp != null) {
                premodifiers(pos + 2, mostNp, cost, nested, true, out);
            }
            if (x.equals("far") && (at(pos + 1, "left") || at(pos + 1, "right")) && np.extreme() == null) {
                premodifiers(pos + 2, np.withExtreme(word(pos + 1)), cost, nested, true, out);
            }
            if (x.equals("far") && at(pos + 1, "back") && np.extreme() == null) {
                premodifiers(pos + 2, np.withExtreme("behind"), cost, nested, true, out);
            }
            int ordinal = ordinal(x);
            if (ordinal > 1 && np.rank() == 1) {
                premodifiers(pos + 1, np.withRank(ordinal), cost, nested, any, out);
            }
            if (x.equals("other") && !np.determiner().equals("other")) {
                premodifiers(pos + 1, np, cost, nested, any, out);
            }
            // a phrase without a noun: "the red", "the large metal"
            if (any && noun == null) {
                postmodifiers(pos, np.headless(), cost + 2, nested, out);
            }
        }

        /** The clauses after the noun, any number of them. */
        private void postmodifiers(int pos, NounPhrase np, int cost0, boolean nested, List<Alt<NounPhrase>> out) {
            out.add(new Alt<>(np, pos, cost0));
            if (pos >= n) {
                return;
            }
            // a second clause without "and" more likely belongs to the phrase just before it ("the cube left of
            // the sphere behind the cylinder": the sphere is behind the cylinder)
            int cost = np.clause() ? cost0 + 1 : cost0;
            String x = word(pos);
            if (RELATIVE.contains(x)) {
                int p = pos + 1;
                if (COPULA.contains(word(p))) {
                    int q = p + 1;
                    if (at(q, "also")) {
                        q++;
                    }
                    for (Alt<Predicate> c : clause(q, nested, false, np.plural() ? 2 : 1)) {
                        NounPhrase next = Predicate.apply(np, c.value());
                        if (next != null) {
                            postmodifiers(c.end(), next.withClause(), cost + c.cost(), nested, out);
                        }
                    }
                }
                for (Alt<Predicate> c : verbClause(p, nested)) {
                    NounPhrase next = Predicate.apply(np, c.value());
                    if (next != null) {
                        postmodifiers(c.end(), next.withClause(), cost + c.cost(), nested, out);
                    }
                }
            }
            // "is the cube behind the sphere made of metal": a bare "made of" after a phrase inside a relation more
            // likely says what the question's subject is made of
            int madeOfCost = nested && madeOf(pos) > 0 ? 1 : 0;
            for (Alt<Predicate> c : clause(pos, nested, true, np.plural() ? 2 : 1)) {
                NounPhrase next = Predicate.apply(np, c.value());
                if (next != null) {
                    postmodifiers(c.end(), next.withClause(), cost + c.cost() + madeOfCost, nested, out);
                }
            }
        }

        /**
         * A clause with a verb other than "is": "has the same colour as X", "shares its shape with X", "does not
         * have the same size as X", and their conjunctions.
         */
        List<Alt<Predicate>> verbClause(int pos, boolean nested) {
            List<Alt<Predicate>> out = new ArrayList<>();
            int p = pos;
            boolean not = false;
            if ((at(p, "does") || at(p, "do")) && at(p + 1, "not")) {
                not = true;
                p += 2;
            }
            if (at(p, "has") || at(p, "have") || at(p, "share") || at(p, "shares")) {
                for (Alt<Predicate> s : same(p + 1, true)) {
                    Predicate pr = not ? new Predicate.Not(s.value()) : s.value();
                    out.add(new Alt<>(pr, s.end(), s.cost()));
                    // "has the same colour as X and is left of Y", "... and has the same size as Z"
                    int q = lit(s.end(), "and");
                    if (q > 0) {
                        int r = COPULA.contains(word(q)) ? q + 1 : q;
                        List<Alt<Predicate>> next = new ArrayList<>(clause(r, nested, r == q));
                        if (r == q && q != pos) {
                            next.addAll(verbClause(q, nested));
                        }
                        for (Alt<Predicate> c : next) {
                            out.add(new Alt<>(new Predicate.And(pr, c.value()), c.end(), s.cost() + c.cost()));
                        }
                    }
                }
            }
            // "has a matte finish", "have a red colour"
            if (at(p, "has") || at(p, "have")) {
                for (Alt<Predicate> v : valueOfAttribute(p + 1)) {
                    out.add(new Alt<>(not ? new Predicate.Not(v.value()) : v.value(), v.end(), v.cost()));
                }
            }
            // "has another object of the same colour", "does not have a matching shaped object", "has no other item of
            // the same colour": not alone in it, or alone
            if (at(p, "has") || at(p, "have")) {
                for (Alt<String> m : partner(p + 1)) {
                    boolean alone = not != at(p + 1, "no");
                    out.add(new Alt<>(new Predicate.Matched(m.value(), alone), m.end(), m.cost()));
                }
            }
            // "matches the colour of X", "matches X in shape", "match in colour", "does not match the others (in size)"
            if (at(p, "match") || at(p, "matches")) {
                for (Alt<Predicate> m : matchesIn(p + 1)) {
                    out.add(new Alt<>(not && !(m.value() instanceof Predicate.Matched) ? new Predicate.Not(m.value())
                            : not ? new Predicate.Matched(((Predicate.Matched) m.value()).attribute(), true) : m.value(),
                            m.end(), m.cost()));
                }
            }
            // "look identical", "look exactly alike", "appear to be the exact same", "match exactly", "match each
            // other", "match the cube exactly"
            String verb = word(p);
            if (verb.equals("look") || verb.equals("looks") || verb.equals("appear") || verb.equals("appears")
                    || verb.equals("seem") || verb.equals("seems")) {
                int q = lit(p + 1, "to", "be") > 0 ? p + 3 : p + 1;
                List<Alt<Predicate>> alike = new ArrayList<>(identical(q));
                int like = lit(q, "like", "each", "other");
                if (like < 0) {
                    like = lit(q, "like", "one", "another");
                }
                if (like > 0) {
                    alike.add(new Alt<>(new Predicate.Identical(), like, 0));
                }
                for (Alt<Predicate> i : alike) {
                    out.add(new Alt<>(not ? new Predicate.Not(i.value()) : i.value(), i.end(), i.cost()));
                }
            }
            if (verb.equals("match") || verb.equals("matches")) {
                int q = at(p + 1, "perfectly") || at(p + 1, "completely") ? p + 2 : p + 1;
                int e = lit(q, "each", "other");
                if (e < 0) {
                    e = lit(q, "one", "another");
                }
                int end = e > 0 ? e : q;
                end = at(end, "perfectly") ? end + 1 : end;
                // a bare "match" ends the sentence ("the cubes that match"); "matches the ball" says less (its colour?)
                if (e > 0 || end == n) {
                    Predicate m = new Predicate.Identical();
                    out.add(new Alt<>(not ? new Predicate.Not(m) : m, end, 0));
                }
            }
            return out;
        }

        /**
         * What something has that another object shares an attribute with: "another object of the same colour",
         * "another of the same size", "an object with a matching shape", "a matching shaped object", "a similar
         * shape", "no other item of the same colour" (the caller reads "no"); gives the attribute.
         */
        List<Alt<String>> partner(int pos) {
            List<Alt<String>> out = new ArrayList<>();
            int q = pos;
            if (at(q, "no") || at(q, "another") || at(q, "an") || at(q, "a") || at(q, "any")) {
                q++;
            } else {
                return out;
            }
            if (at(q, "other")) {
                q++;
            }
            // a matching shaped object, a similar shape
            if (at(q, "matching") || at(q, "similar") || at(q, "similarly")) {
                String a = shapedWord(word(q + 1));
                List<Alt<String>> named = a != null ? List.of(new Alt<>(a, q + 2, 0)) : attribute(q + 1);
                for (Alt<String> x : named) {
                    Lexicon.Noun noun = lex.noun(word(x.end()));
                    out.add(new Alt<>(x.value(), noun != null && noun.shape() == null ? x.end() + 1 : x.end(), 0));
                }
                return out;
            }
            Lexicon.Noun noun = lex.noun(word(q));
            if (noun != null && noun.shape() == null) {
                q++;
            } else if (!at(pos, "another") && !at(q - 1, "other")) {
                return out;
            }
            // "of the same colour", "with the same shape", "in the same colour", "that is the same colour"
            int r = lit(q, "that", "is") > 0 || lit(q, "that", "has") > 0 ? q + 2 : -1;
            if (r < 0 && (at(q, "of") || at(q, "with") || at(q, "in") || at(q, "having"))) {
                r = q + 1;
            }
            if (r < 0) {
                return out;
            }
            int t = at(r, "the") || at(r, "a") ? r + 1 : r;
            if (at(t, "same") || at(t, "matching") || at(t, "similar")) {
                for (Alt<String> x : attribute(t + 1)) {
                    out.add(new Alt<>(x.value(), x.end(), 0));
                }
            }
            return out;
        }

        /** "shaped", "colored", "sized": the attribute a participle names, or null. */
        private String shapedWord(String w) {
            return switch (w) {
                case "shaped" -> "shape";
                case "colored", "coloured" -> "color";
                case "sized" -> "size";
                default -> null;
            };
        }

        /**
         * After "match": "the colour of X", "X in colour" (X's value), "in colour", "each other in colour", "another
         * object in colour", "the others", "any other shape in colour" (not alone in it).
         */
        List<Alt<Predicate>> matchesIn(int pos) {
            List<Alt<Predicate>> out = new ArrayList<>();
            int p = at(pos, "the") ? pos + 1 : pos;
            for (Alt<String> a : attribute(p)) {
                int rest = at(a.end(), "of") ? othersPhrase(a.end() + 1) : -1;
                if (rest > 0) {
                    out.add(new Alt<>(new Predicate.Matched(a.value(), false), rest, 0));
                } else if (at(a.end(), "of")) {
                    for (Alt<Sem.ObjE> o : obj(a.end() + 1, true)) {
                        out.add(new Alt<>(new Predicate.Restrict(new Sem.Same(o.value(), a.value())), o.end(), o.cost()));
                    }
                }
            }
            if (at(pos, "in")) {
                for (Alt<String> a : attribute(pos + 1)) {
                    out.add(new Alt<>(new Predicate.Matched(a.value(), false), a.end(), 0));
                }
            }
            int rest = othersPhrase(pos);
            if (rest < 0) {
                rest = lit(pos, "each", "other");
            }
            if (rest < 0 && (at(pos, "another") || at(pos, "any")) && lex.noun(word(pos + 1)) != null) {
                rest = pos + 2;
            }
            if (rest > 0) {
                if (at(rest, "in")) {
                    for (Alt<String> a : attribute(rest + 1)) {
                        out.add(new Alt<>(new Predicate.Matched(a.value(), false), a.end(), 0));
                    }
                } else if (!at(pos, "each")) {
                    out.add(new Alt<>(new Predicate.Matched(null, false), rest, 1));
                }
            }
            for (Alt<Sem.ObjE> o : obj(pos, true)) {
                if (at(o.end(), "in")) {
                    for (Alt<String> a : attribute(o.end() + 1)) {
                        out.add(new Alt<>(new Predicate.Restrict(new Sem.Same(o.value(), a.value())), a.end(), o.cost()));
                    }
                }
            }
            return out;
        }

        /** "a matte finish", "red colour", "a cubic shape": a value named with its attribute. */
        List<Alt<Predicate>> valueOfAttribute(int pos) {
            List<Alt<Predicate>> out = new ArrayList<>();
            int q = at(pos, "a") || at(pos, "an") || at(pos, "the") ? pos + 1 : pos;
            for (Alt<Map<String, String>> v : values(q, false)) {
                // the values read their attribute's name ("matte finish") with them
                if (lex.attributeName(word(v.end() - 1)) != null) {
                    out.add(new Alt<>(new Predicate.Values(v.value()), v.end(), 0));
                }
            }
            return out;
        }

        /** Returns whether a verb is the singular form ("is", "has", "does"). */
        boolean singularVerb(String verb) {
            return switch (verb) {
                case "is", "was", "has", "does", "shares" -> true;
                default -> false;
            };
        }

        /**
         * A verb phrase about the subject of a count or an existence test: "are left of the cube", "have the same
         * colour as the ball", "either are red or have the same size as X", "both ... and ...", joined by "and",
         * "or", "but".
         *
         * @param number 1 for a subject of one object, 2 for several, 0 for either
         */
        List<Alt<Predicate>> verbPhrase(int pos, int number) {
            List<Alt<Predicate>> out = new ArrayList<>();
            String lead = word(pos);
            String join = switch (lead) {
                case "both" -> "and";
                case "either" -> "or";
                case "neither" -> "nor";
                default -> null;
            };
            int start = join == null ? pos : pos + 1;
            for (Alt<Predicate> a : verbAtom(start, number)) {
                if (join == null) {
                    out.add(a);
                    continueVerbPhrase(a, number, out, 0);
                } else if (at(a.end(), join)) {
                    for (Alt<Predicate> b : verbAtom(a.end() + 1, number)) {
                        Predicate p = switch (join) {
                            case "and" -> new Predicate.And(a.value(), b.value());
                            case "or" -> new Predicate.Or(a.value(), b.value());
                            default -> new Predicate.Not(new Predicate.Or(a.value(), b.value()));
                        };
                        out.add(new Alt<>(p, b.end(), a.cost() + b.cost()));
                    }
                }
            }
            return out;
        }

        private void continueVerbPhrase(Alt<Predicate> a, int number, List<Alt<Predicate>> out, int depth) {
            String x = word(a.end());
            if (depth > 2 || !(x.equals("and") || x.equals("or") || x.equals("but"))) {
                return;
            }
            for (Alt<Predicate> b : verbAtom(a.end() + 1, number)) {
                Predicate p = x.equals("or") ? new Predicate.Or(a.value(), b.value())
                        : new Predicate.And(a.value(), b.value());
                Alt<Predicate> joined = new Alt<>(p, b.end(), a.cost() + b.cost());
                out.add(joined);
                continueVerbPhrase(joined, number, out, depth + 1);
            }
        }

        /** "are red", "is not left of X", "have the same shape as X", "do not share its colour with X". */
        private List<Alt<Predicate>> verbAtom(int pos, int number) {
            List<Alt<Predicate>> out = new ArrayList<>();
            String x = word(pos);
            boolean agrees = number == 0 || (number == 1) == singularVerb(x);
            if (!agrees) {
                return out;
            }
            if (COPULA.contains(x)) {
                out.addAll(clause(pos + 1, false, false, number));
            }
            out.addAll(verbClause(pos, false));
            return out;
        }

        /**
         * "the same colour as X" and its variants: "same colour as", "of the same colour as", "with the same
         * colour as", "made of the same material as", "the same colour and size as", "its colour with".
         *
         * @param verb after "has"/"shares" ("has the same colour as", "shares its colour with")
         */
        List<Alt<Predicate>> same(int pos, boolean verb) {
            List<Alt<Predicate>> out = new ArrayList<>();
            int p = pos;
            boolean made = false;
            if (!verb) {
                if (at(p, "of") || at(p, "with") || at(p, "having") || at(p, "sharing")) {
                    p++;
                } else if (madeOf(p) > 0) {
                    p = madeOf(p);
                    made = true;
                }
            }
            int r;
            int q = at(p, "the") ? p + 1 : p;
            if (at(q, "same")) {
                r = q + 1;
            } else if (verb && (at(p, "its") || at(p, "a") || at(p, "their"))) {
                r = p + 1;
            } else {
                return out;
            }
            List<String> attrs = new ArrayList<>();
            List<Alt<String>> first = attribute(r);
            if (!first.isEmpty()) {
                attrs.add(first.get(0).value());
                r = first.get(0).end();
                // "the same colour and size", "the same shape, colour and material" (the normalizer drops commas)
                boolean last = false;
                while (!last) {
                    last = at(r, "and");
                    List<Alt<String>> next = attribute(last ? r + 1 : r);
                    if (next.isEmpty() || attrs.contains(next.get(0).value())) {
                        break;
                    }
                    attrs.add(next.get(0).value());
                    r = next.get(0).end();
                }
            } else if (made) {
                attrs.add("material");
            } else {
                return out;
            }
            if (made && !attrs.contains("material")) {
                return out;
            }
            if (!made && !verb || verb) {
                // "the cubes that are the same size", "the two that share a colour": those some other one matches
                // three or four attributes: identical (people leave out the one that goes without saying; the
                // attributes one by one would let each be shared with another object)
                Predicate pr = attrs.size() > 2 ? new Predicate.Identical() : new Predicate.Matched(attrs.get(0), false);
                if (attrs.size() == 2) {
                    pr = new Predicate.And(pr, new Predicate.Matched(attrs.get(1), false));
                }
                out.add(new Alt<>(pr, r, 1));
                int each = lit(r, "as", "each", "other");
                if (each < 0) {
                    each = lit(r, "as", "one", "another");
                }
                if (each > 0) {
                    out.add(new Alt<>(pr, each, 0));
                }
                // "the same size as (any of) the others": not alone in it
                int e = at(r, "as") || at(r, "with") ? othersPhrase(r + 1) : -1;
                if (e > 0) {
                    out.add(new Alt<>(pr, e, 0));
                }
            }
            if (at(r, "as") || at(r, "with") || at(r, "that")) {
                for (Alt<Sem.ObjE> o : obj(r + 1, true)) {
                    Predicate pr = new Predicate.Restrict(new Sem.Same(o.value(), attrs.get(0)));
                    for (int i = 1; i < attrs.size(); i++) {
                        pr = new Predicate.And(pr, new Predicate.Restrict(new Sem.Same(o.value(), attrs.get(i))));
                    }
                    int e = o.end();
                    if (at(r, "that")) {
                        // "the same colour that the cube is"
                        if (!COPULA.contains(word(e))) {
                            continue;
                        }
                        e++;
                    } else if (at(r, "as") && COPULA.contains(word(e)) && e + 1 == n) {
                        // "the same colour as the cube is"
                        e++;
                    }
                    out.add(new Alt<>(pr, e, o.cost()));
                }
            }
            return out;
        }

        /**
         * Predicates joined by "and", "or", "but", "both ... and", "either ... or", "neither ... nor".
         *
         * @param reduced only the kinds of clause that may follow a noun without "that is"
         */
        List<Alt<Predicate>> clause(int pos, boolean nested, boolean reduced) {
            return clause(pos, nested, reduced, 0);
        }

        /**
         * A clause whose verbs agree with a subject of one object ({@code number} 1) or several (2), or with
         * either (0).
         */
        List<Alt<Predicate>> clause(int pos, boolean nested, boolean reduced, int number) {
            int flags = (nested ? 1 : 0) | (reduced ? 2 : 0) | number << 2;
            List<Alt<Predicate>> hit = cached(reduced ? REDUCED : CLAUSE, pos, flags);
            if (hit != null) {
                return hit;
            }
            memo.put(((long) (reduced ? REDUCED : CLAUSE) << 40) | ((long) flags << 20) | pos, List.of());
            List<Alt<Predicate>> out = new ArrayList<>();
            String lead = word(pos);
            if (lead.equals("both") || lead.equals("either") || lead.equals("neither")) {
                String join = lead.equals("both") ? "and" : lead.equals("either") ? "or" : "nor";
                List<Alt<Predicate>> firsts = new ArrayList<>(predicate(pos + 1, nested, reduced));
                firsts.addAll(verbClause(pos + 1, nested));
                for (Alt<Predicate> a : firsts) {
                    if (!at(a.end(), join)) {
                        continue;
                    }
                    int q = a.end() + 1;
                    if (COPULA.contains(word(q))) {
                        q++;
                    }
                    List<Alt<Predicate>> seconds = new ArrayList<>(predicate(q, nested, reduced && join.equals("and")));
                    if (q == a.end() + 1) {
                        seconds.addAll(verbClause(q, nested));
                    }
                    for (Alt<Predicate> b : seconds) {
                        Predicate p = switch (join) {
                            case "and" -> new Predicate.And(a.value(), b.value());
                            case "or" -> new Predicate.Or(a.value(), b.value());
                            default -> new Predicate.Not(new Predicate.Or(a.value(), b.value()));
                        };
                        out.add(new Alt<>(p, b.end(), a.cost() + b.cost()));
                    }
                }
            }
            for (Alt<Predicate> a : predicate(pos, nested, reduced)) {
                conjoin(a, nested, reduced, number, out, 0);
            }
            return store(reduced ? REDUCED : CLAUSE, pos, flags, out);
        }

        private void conjoin(Alt<Predicate> a, boolean nested, boolean reduced, int number, List<Alt<Predicate>> out,
                int depth) {
            out.add(a);
            if (depth > 3) {
                return;
            }
            int p = a.end();
            String x = word(p);
            if (!(x.equals("and") || x.equals("but") || x.equals("or"))) {
                return;
            }
            int q = p + 1;
            if (at(q, "also")) {
                q++;
            }
            boolean copula = false;
            if (RELATIVE.contains(word(q)) && COPULA.contains(word(q + 1))) {
                q += 2;
                copula = true;
            } else if (COPULA.contains(word(q))) {
                q++;
                copula = true;
            }
            if (at(q, "also")) {
                q++;
            }
            // "and is" continues a clause about one object, "and are" one about several
            if (copula && number != 0 && (number == 1) != singularVerb(word(q - 1))) {
                return;
            }
            int extra = !copula && !nested ? 1 : 0;
            List<Alt<Predicate>> next = new ArrayList<>(predicate(q, nested, reduced && !copula));
            if (RELATIVE.contains(word(p + 1))) {
                next.addAll(verbClause(p + 2, nested));
            } else if (!copula) {
                next.addAll(verbClause(q, nested));
            }
            for (Alt<Predicate> b : next) {
                Predicate joined = x.equals("or") ? new Predicate.Or(a.value(), b.value())
                        : new Predicate.And(a.value(), b.value());
                conjoin(new Alt<>(joined, b.end(), a.cost() + b.cost() + extra), nested, reduced, number, out,
                        depth + 1);
            }
        }

        /** One predicate, possibly negated. */
        List<Alt<Predicate>> predicate(int pos, boolean nested, boolean reduced) {
            int flags = (nested ? 1 : 0) | (reduced ? 2 : 0);
            List<Alt<Predicate>> hit = cached(PREDICATE, pos, flags);
            if (hit != null) {
                return hit;
            }
            memo.put(((long) PREDICATE << 40) | ((long) flags << 20) | pos, List.of());
            return store(PREDICATE, pos, flags, predicateUncached(pos, nested, reduced));
        }

        private List<Alt<Predicate>> predicateUncached(int pos, boolean nested, boolean reduced) {
            List<Alt<Predicate>> out = new ArrayList<>();
            if (at(pos, "not") || at(pos, "non")) {
                for (Alt<Predicate> a : atom(pos + 1, nested, false)) {
                    out.add(new Alt<>(new Predicate.Not(a.value()), a.end(), a.cost()));
                }
                return out;
            }
            return atom(pos, nested, reduced);
        }

        /**
         * A relation to several objects, "left of the yellow objects", "behind all (of) the other cubes", "in front
         * of both spheres": in that direction from every one of them, that is, from the one farthest that way
         * (with "other", that one itself counts too).
         */
        private void relateToAll(Alt<List<String>> r, List<Alt<Predicate>> out) {
            String d = r.value().get(0);
            // "left of all the others", "behind the rest": the object farthest that way
            int rest = othersPhrase(r.end());
            if (rest > 0 && (at(rest - 1, "others") || at(rest - 1, "rest"))) {
                out.add(new Alt<>(new Predicate.Restrict(new Sem.Extreme(new Sem.Scene(), d)), rest, r.cost()));
            }
            int from = r.end();
            int cost = 0;
            if (at(from, "all") || at(from, "each") || at(from, "every")) {
                from = at(from + 1, "of") ? from + 2 : from + 1;
            } else {
                // "left of the cubes" says less plainly than "left of all the cubes" that it means all of them
                cost = 1;
            }
            for (Alt<NounPhrase> a : np(from, true)) {
                NounPhrase np = a.value();
                String det = np.determiner();
                if (!np.plural() || np.extreme() != null || np.near() != null
                        || !(det.equals("the") || det.equals("all") || det.equals("other") || det.equals("num")
                        || det.isEmpty() && from != r.end())) {
                    continue;
                }
                Sem.SetE last = new Sem.Extreme(np.set(), d);
                Sem.SetE beyond = new Sem.Relate(new Sem.ObjE(last), d);
                // "left of all the other cubes", "left of all the objects": the leftmost one is left of the others
                boolean other = det.equals("other") || Arrays.asList(w).subList(from, a.end()).contains("other")
                        || np.filters().isEmpty() && np.restriction() == null;
                Sem.SetE set = other ? new Sem.Union(last, beyond) : beyond;
                out.add(new Alt<>(new Predicate.Restrict(set), a.end(), r.cost() + a.cost() + cost));
            }
        }

        /**
         * Alike in every attribute: "identical (to each other)", "alike", "the same" (also "exactly the same", whose
         * "exactly" the normalizer drops), "duplicates", "twins" (those of the phrase another one matches), or to
         * one object: "identical to X", "a twin of X", "a copy of X" (the other objects of its size, colour,
         * material and shape).
         */
        List<Alt<Predicate>> identical(int pos) {
            List<Alt<Predicate>> out = new ArrayList<>();
            int q = at(pos, "completely") || at(pos, "totally") || at(pos, "entirely") || at(pos, "perfectly")
                    || at(pos, "all") ? pos + 1 : pos;
            int e = -1;
            if (at(q, "identical") || at(q, "alike")) {
                e = q + 1;
            } else if (lit(q, "the", "same") > 0) {
                e = q + 2;
            } else if (at(q, "duplicates") || at(q, "twins") || at(q, "copies") || at(q, "duplicated")) {
                e = q + 1;
            } else if (lit(q, "identical", "twins") > 0 || lit(q, "identical", "copies") > 0) {
                e = q + 2;
            } else if (lit(q, "a", "matching", "pair") > 0 || lit(q, "an", "identical", "pair") > 0) {
                e = q + 3;
            }
            // a twin of X, an exact copy of X, an exact match for X
            int a = at(q, "a") || at(q, "an") ? q + 1 : -1;
            if (a > 0) {
                int b = at(a, "exact") || at(a, "identical") ? a + 1 : a;
                if ((at(b, "twin") || at(b, "copy") || at(b, "duplicate"))
                        && (at(b + 1, "of") || at(b + 1, "to") || at(b + 1, "for"))) {
                    for (Alt<Sem.ObjE> o : obj(b + 2, true)) {
                        out.add(new Alt<>(new Predicate.Restrict(alike(o.value())), o.end(), o.cost()));
                    }
                }
            }
            if (e < 0) {
                return out;
            }
            // "the same colour": the same() clause
            if (at(q, "the") && (lex.attributeName(word(e)) != null || attributes(e).size() > 0)) {
                return out;
            }
            int each = lit(e, "to", "each", "other");
            for (String[] tail : EACH_OTHER) {
                if (each < 0) {
                    each = lit(e, tail);
                }
            }
            out.add(new Alt<>(new Predicate.Identical(), each > 0 ? each : e, 0));
            int in = lit(e, "in", "every", "way");
            if (in < 0) {
                in = lit(e, "in", "all", "ways");
            }
            if (in < 0) {
                in = lit(e, "in", "every", "respect");
            }
            if (in > 0) {
                out.add(new Alt<>(new Predicate.Identical(), in, 0));
            }
            // identical to the cube ("the same as the ball" more often leaves out an attribute: its shape)
            int to = at(q, "identical") && (at(e, "to") || at(e, "with")) ? e + 1 : -1;
            // identical to any of the others, to another object
            int rest = to > 0 ? othersPhrase(to) : -1;
            if (rest < 0 && to > 0 && at(to, "another") && lex.noun(word(to + 1)) != null) {
                rest = to + 2;
            }
            if (rest > 0) {
                out.add(new Alt<>(new Predicate.Identical(), rest, 0));
            } else if (to > 0) {
                for (Alt<Sem.ObjE> o : obj(to, true)) {
                    out.add(new Alt<>(new Predicate.Restrict(alike(o.value())), o.end(), o.cost()));
                }
            }
            return out;
        }

        /**
         * "a different colour than X", "of a different shape from X", "made of (a) different material than X": the
         * attribute and X.
         */
        List<Alt<Object[]>> differentFrom(int pos) {
            List<Alt<Object[]>> out = new ArrayList<>();
            int p = madeOf(pos) > 0 ? madeOf(pos) : pos;
            if (at(p, "of")) {
                p++;
            }
            if (at(p, "a") || at(p, "an")) {
                p++;
            }
            if (!at(p, "different")) {
                return out;
            }
            for (Alt<String> a : attribute(p + 1)) {
                if (at(a.end(), "than") || at(a.end(), "from") || at(a.end(), "to")) {
                    for (Alt<Sem.ObjE> o : obj(a.end() + 1, true)) {
                        out.add(new Alt<>(new Object[] {a.value(), o.value()}, o.end(), o.cost()));
                    }
                }
            }
            return out;
        }

        /** One predicate. */
        List<Alt<Predicate>> atom(int pos, boolean nested, boolean reduced) {
            List<Alt<Predicate>> out = new ArrayList<>();
            // relations: "left of the cube", "behind and to the right of the cube"
            for (Alt<List<String>> r : relation(pos)) {
                for (Alt<Sem.ObjE> o : obj(r.end(), true)) {
                    Predicate p = new Predicate.Restrict(new Sem.Relate(o.value(), r.value().get(0)));
                    if (r.value().size() > 1) {
                        p = new Predicate.And(p, new Predicate.Restrict(new Sem.Relate(o.value(), r.value().get(1))));
                    }
                    out.add(new Alt<>(p, o.end(), r.cost() + o.cost()));
                }
                if (r.value().size() == 1) {
                    relateToAll(r, out);
                }
            }
            // the same colour as ...
            out.addAll(same(pos, false));
            // superlatives: "farthest to the left", "in the front", "second from the left"
            for (Alt<String> s : superlative(pos)) {
                out.add(new Alt<>(new Predicate.Extreme(s.value()), s.end(), s.cost()));
            }
            int rank = ordinal(word(pos));
            if (rank > 1 || at(pos, "the") && ordinal(word(pos + 1)) > 1) {
                int q0 = rank > 1 ? pos + 1 : pos + 2;
                int r = Math.max(rank, ordinal(word(pos + 1)));
                for (Alt<String> s : superlative(q0)) {
                    out.add(new Alt<>(new Predicate.Extreme(s.value(), r), s.end(), s.cost()));
                }
            }
            // between the cube and the ball, between the two cylinders
            int bw = at(pos, "between") ? pos + 1 : at(pos, "in") && at(pos + 1, "between") ? pos + 2 : -1;
            if (bw > 0) {
                for (Alt<NounPhrase> a : np(bw, true)) {
                    NounPhrase first = a.value();
                    if (first.plural() && (first.determiner().equals("the") || first.determiner().equals("num"))) {
                        out.add(new Alt<>(new Predicate.Restrict(new Sem.Between(first.set())), a.end(), a.cost()));
                    }
                    if (!first.plural() && at(a.end(), "and")) {
                        for (Alt<NounPhrase> b : np(a.end() + 1, true)) {
                            if (!b.value().plural()) {
                                Sem.SetE ends = new Sem.Union(first.set(), b.value().set());
                                out.add(new Alt<>(new Predicate.Restrict(new Sem.Between(ends)), b.end(),
                                        a.cost() + b.cost()));
                            }
                        }
                    }
                }
            }
            // next to, near, closest to
            int p = -1;
            String x = word(pos);
            if ((x.equals("next") || x.equals("closest") || x.equals("nearest") || x.equals("close")
                    || x.equals("adjacent")) && at(pos + 1, "to")) {
                p = pos + 2;
            } else if (x.equals("near") || x.equals("beside") || x.equals("by") || x.equals("touching")
                    || x.equals("nearest") || x.equals("closest")) {
                p = at(pos + 1, "to") ? pos + 2 : pos + 1;
            } else if (x.equals("right") && at(pos + 1, "next") && at(pos + 2, "to")) {
                p = pos + 3;
            }
            if (p > 0) {
                for (Alt<Sem.ObjE> o : obj(p, true)) {
                    out.add(new Alt<>(new Predicate.Near(o.value()), o.end(), o.cost()));
                }
            }
            // different in colour (from the others), of a unique shape, the only one of its colour
            for (Alt<String> d : different(pos)) {
                out.add(new Alt<>(new Predicate.Matched(d.value(), true), d.end(), d.cost()));
            }
            // farthest from X, furthest away from X
            int fa = -1;
            if (x.equals("farthest") || x.equals("furthest") || x.equals("fartherst")) {
                fa = at(pos + 1, "from") ? pos + 2 : at(pos + 1, "away") && at(pos + 2, "from") ? pos + 3 : -1;
            } else if (x.equals("the") && (at(pos + 1, "farthest") || at(pos + 1, "furthest"))) {
                fa = at(pos + 2, "from") ? pos + 3 : at(pos + 2, "away") && at(pos + 3, "from") ? pos + 4 : -1;
            } else if (x.equals("most") && at(pos + 1, "distant") && at(pos + 2, "from")) {
                fa = pos + 3;
            }
            if (fa > 0) {
                for (Alt<Sem.ObjE> o : obj(fa, true)) {
                    out.add(new Alt<>(new Predicate.Near(o.value(), true), o.end(), o.cost()));
                }
            }
            // the closest to X
            if (x.equals("the") && (at(pos + 1, "closest") || at(pos + 1, "nearest")) && at(pos + 2, "to")) {
                for (Alt<Sem.ObjE> o : obj(pos + 3, true)) {
                    out.add(new Alt<>(new Predicate.Near(o.value()), o.end(), o.cost()));
                }
            }
            // other than X, besides X, except X
            int q = -1;
            if ((x.equals("other") && at(pos + 1, "than")) || (x.equals("apart") && at(pos + 1, "from"))) {
                q = pos + 2;
            } else if (x.equals("besides") || x.equals("excluding") || x.equals("except")) {
                q = at(pos + 1, "for") ? pos + 2 : pos + 1;
            }
            if (q > 0) {
                for (Alt<NounPhrase> o : np(q, true)) {
                    out.add(new Alt<>(new Predicate.Not(new Predicate.Restrict(o.value().set())), o.end(), o.cost()));
                }
            }
            // farthest to the left of X, closest to the right of X
            if ((x.equals("farthest") || x.equals("furthest") || x.equals("closest") || x.equals("nearest"))
                    && at(pos + 1, "to")) {
                int r = at(pos + 2, "the") ? pos + 3 : pos + 2;
                String d = direction(word(r));
                if (d != null && at(r + 1, "of")) {
                    for (Alt<Sem.ObjE> o : obj(r + 2, true)) {
                        Predicate rel = new Predicate.Restrict(new Sem.Relate(o.value(), d));
                        Predicate pick = x.equals("farthest") || x.equals("furthest") ? new Predicate.Extreme(d)
                                : new Predicate.Near(o.value());
                        out.add(new Alt<>(new Predicate.And(rel, pick), o.end(), o.cost()));
                    }
                }
            }
            // larger than X, smaller than X: of the other size
            if ((x.equals("larger") || x.equals("bigger") || x.equals("taller") || x.equals("smaller"))
                    && at(pos + 1, "than")) {
                String size = x.equals("smaller") ? "small" : "large";
                for (Alt<Sem.ObjE> o : obj(pos + 2, true)) {
                    Sem.SetE other = new Sem.Exclude(new Sem.Exclude(new Sem.Scene(), new Sem.Same(o.value(), "size")),
                            o.value().set());
                    out.add(new Alt<>(new Predicate.Restrict(new Sem.Filter(other, "size", size)), o.end(), o.cost()));
                }
            }
            // in the shape of a cube
            int shapeOf = lit(pos, "in", "the", "shape", "of");
            if (shapeOf > 0) {
                int t = at(shapeOf, "a") || at(shapeOf, "an") ? shapeOf + 1 : shapeOf;
                Lexicon.Noun sn = lex.noun(word(t));
                if (sn != null && sn.shape() != null) {
                    out.add(new Alt<>(new Predicate.Values(Map.of("shape", sn.shape())), t + 1, 0));
                }
            }
            // the largest, the smallest: the size
            if (at(pos, "the") && lex.values(word(pos + 1)) != null
                    && lex.values(word(pos + 1)).values().containsKey("size") && word(pos + 1).endsWith("est")) {
                int e = pos + 2;
                Lexicon.Noun tn = lex.noun(word(e));
                if (tn != null && tn.shape() == null && !tn.plural()) {
                    e++;
                }
                out.add(new Alt<>(new Predicate.Values(lex.values(word(pos + 1)).values()), e, 0));
            }
            // a different colour than X, of a different shape from X: neither X nor those sharing its value
            for (Alt<Object[]> d : differentFrom(pos)) {
                Sem.ObjE o = (Sem.ObjE) d.value()[1];
                Sem.SetE same = new Sem.Union(new Sem.Same(o, (String) d.value()[0]), o.set());
                out.add(new Alt<>(new Predicate.Not(new Predicate.Restrict(same)), d.end(), d.cost()));
            }
            // larger than the others, smaller than all the other objects: CLEVR has two sizes, so the size
            Lexicon.Values cmp = lex.values(word(pos));
            if (cmp != null && cmp.values().size() == 1 && cmp.values().containsKey("size") && word(pos).endsWith("er")
                    && at(pos + 1, "than")) {
                int rest = othersPhrase(pos + 2);
                if (rest > 0) {
                    out.add(new Alt<>(new Predicate.Values(cmp.values()), rest, 0));
                }
            }
            // with a shiny finish, having a red colour
            if (at(pos, "with") || at(pos, "having")) {
                out.addAll(valueOfAttribute(pos + 1));
            }
            // matching in colour, similar in shape: not alone in it
            if ((at(pos, "matching") || at(pos, "similar") || at(pos, "alike")) && at(pos + 1, "in")) {
                for (Alt<String> a : attribute(pos + 2)) {
                    out.add(new Alt<>(new Predicate.Matched(a.value(), false), a.end(), 0));
                }
            }
            // identical, exactly alike, identical to the cube
            for (Alt<Predicate> i : identical(pos)) {
                out.add(reduced && !(i.value() instanceof Predicate.Restrict) ? new Alt<>(i.value(), i.end(), i.cost() + 1) : i);
            }
            if (reduced) {
                // "made of metal"
                int m = madeOf(pos);
                if (m > 0) {
                    for (Alt<Map<String, String>> v : values(m, true)) {
                        int e = at(v.end(), "material") ? v.end() + 1 : v.end();
                        out.add(new Alt<>(new Predicate.Values(v.value()), e, 0));
                    }
                    // "made of a metallic material", "made of the matte finish"
                    if (at(m, "a") || at(m, "an") || at(m, "the")) {
                        out.addAll(valueOfAttribute(m));
                    }
                }
                return out;
            }
            // attribute values: "red", "large and metal", "made of rubber", "red in colour", "a large and silver"
            int m = madeOf(pos);
            int from = m > 0 ? m : at(pos, "a") || at(pos, "an") ? pos + 1 : pos;
            for (Alt<Map<String, String>> v : values(from, false)) {
                int e = at(v.end(), "material") && m > 0 ? v.end() + 1 : v.end();
                out.add(new Alt<>(new Predicate.Values(v.value()), e, 0));
            }
            if (m > 0 && (at(m, "a") || at(m, "an") || at(m, "the"))) {
                out.addAll(valueOfAttribute(m));
            }
            Lexicon.Values either = lex.values(word(from));
            if (either != null && !either.alternatives().isEmpty()) {
                Predicate or = null;
                for (Map<String, String> reading : either.alternatives()) {
                    Predicate r = new Predicate.Values(reading);
                    or = or == null ? r : new Predicate.Or(or, r);
                }
                out.add(new Alt<>(or, from + 1, 0));
            }
            // a noun phrase: "a cube", "cubes", "large red spheres", "a sphere that is left of the cube"
            for (Alt<NounPhrase> a : np(pos, nested)) {
                NounPhrase np = a.value();
                String det = np.determiner();
                if (!np.noun() || !(det.isEmpty() || det.equals("a")) || np.extreme() != null || np.near() != null) {
                    continue;
                }
                if (np.simple()) {
                    Map<String, String> vals = new LinkedHashMap<>();
                    boolean clash = false;
                    for (String[] f : np.filters()) {
                        clash |= vals.put(f[0], f[1]) != null;
                    }
                    if (!clash) {
                        // "a thing" says nothing
                        out.add(new Alt<>(new Predicate.Values(vals), a.end(), a.cost()));
                    }
                } else {
                    out.add(new Alt<>(new Predicate.Restrict(np.set()), a.end(), a.cost()));
                }
            }
            return out;
        }

        /** A noun phrase naming one object. */
        List<Alt<Sem.ObjE>> obj(int pos, boolean nested) {
            int flags = nested ? 1 : 0;
            List<Alt<Sem.ObjE>> hit = cached(OBJ, pos, flags);
            if (hit != null) {
                return hit;
            }
            List<Alt<Sem.ObjE>> out = new ArrayList<>();
            for (Alt<NounPhrase> a : np(pos, nested)) {
                NounPhrase np = a.value();
                int extra;
                switch (np.determiner()) {
                    case "the", "" -> extra = 0;
                    case "a", "other" -> extra = 1;
                    default -> {
                        continue;
                    }
                }
                if (np.plural() && np.extreme() == null && np.near() == null) {
                    continue;
                }
                out.add(new Alt<>(np.object(), a.end(), a.cost() + extra));
            }
            return store(OBJ, pos, flags, out);
        }
    }
}
