package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vqasp.language.gqa.NounPhrase.Filter;
import org.vqasp.language.gqa.NounPhrase.Kind;
import org.vqasp.language.gqa.NounPhrase.Link;

/**
 * Reads the noun phrases of one question, every way they can be read: from a position, each reading of a
 * determiner, attributes, a name and what follows it ({@code that is not white}, {@code made of wood},
 * {@code on the left}, {@code near the table}, {@code the man is holding}, {@code 's hair}). Readings are
 * memoised by position, so a question is read in time polynomial in its length. One reader per question; not
 * thread-safe.
 */
final class NounPhraseReader {

    /** A reading of some words: what they mean and where the reading ends (exclusive). */
    record Read<T>(T value, int end) {
    }

    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "any", "some",
            "both", "all", "each", "another", "other", "either", "its", "their", "one", "two", "three", "four",
            "five", "several", "many");

    static final Set<String> RELATIVES = Set.of("that", "which", "who", "whom");

    static final Set<String> BE = Set.of("is", "are", "was", "were", "be");

    private static final Set<String> CLASS_NOUNS = Set.of("piece", "pieces", "item", "items", "kind", "kinds", "type",
            "types", "sort", "sorts", "article", "articles");

    private static final Set<String> LOOK = Set.of("look", "looks", "seem", "seems", "appear", "appears", "looking",
            "seeming", "appearing");

    /** Pronouns that may start a clause without "that": "the bag she carries". */
    private static final Set<String> CLAUSE_PRONOUNS = Set.of("he", "she", "it", "they", "you");

    /** Possessive pronouns, with the pronoun of their owner. */
    private static final Map<String, String> POSSESSIVES = Map.of("his", "he", "her", "she");

    /** Words that stand alone for what the picture shows: "What is this?", "Are these dogs?". */
    private static final Set<String> POINTING = Set.of("this", "that", "these", "those", "it");

    /** Nouns for any object: "the brown thing", "objects on the table". */
    private static final Set<String> ANY_NOUNS = Set.of("thing", "things", "object", "objects", "item", "items");

    /** Words that never start a name read as unknown. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "this", "that", "these", "those", "any",
            "some", "both", "all", "each", "another", "other", "either", "is", "are", "was", "were", "be", "been",
            "being", "do", "does", "did", "has", "have", "had", "which", "who", "whom", "what", "where", "how", "why",
            "when", "and", "or", "not", "of", "on", "in", "at", "to", "by", "with", "for", "from", "as", "than",
            "there", "it", "they", "them", "he", "she", "him", "her", "his", ",", "'s", "made", "called", "doing", "look",
            "looks", "seem", "seems", "appear", "appears", "same", "different", "color", "colour", "side", "kind",
            "type", "left", "right", "top", "bottom", "middle", "can", "could", "you", "see", "name", "many", "much",
            "neither", "nor", "whose", "if", "like", "part", "very", "too", "also",
            "wear", "wears", "hold", "holds");

    private final List<String> w;
    private final GqaLexicon lex;
    private final Map<Integer, List<Read<NounPhrase>>> phrases = new HashMap<>();
    private final Map<Integer, List<GqaLexicon.Hit>> nameHits = new HashMap<>();
    private final Map<Integer, List<GqaLexicon.Hit>> attributeHits = new HashMap<>();
    private final Map<Integer, List<GqaLexicon.Hit>> relationHits = new HashMap<>();
    private final Map<Integer, List<Read<NounPhrase>>> heads = new HashMap<>();
    private final Map<Integer, List<Read<List<Filter>>>> premodifiers = new HashMap<>();
    private final Map<Integer, List<Read<List<Filter>>>> predicates = new HashMap<>();

    NounPhraseReader(List<String> words, GqaLexicon lexicon) {
        this.w = words;
        this.lex = lexicon;
    }

    int size() {
        return w.size();
    }

    String word(int i) {
        return i >= 0 && i < w.size() ? w.get(i) : "";
    }

    /** Returns the object names that start at a position (memoised {@link GqaLexicon#names}). */
    List<GqaLexicon.Hit> names(int i) {
        return nameHits.computeIfAbsent(i, k -> lex.names(w, k));
    }

    /** Returns the attribute words that start at a position (memoised {@link GqaLexicon#attributeWords}). */
    List<GqaLexicon.Hit> attributes(int i) {
        return attributeHits.computeIfAbsent(i, k -> k < w.size() ? lex.attributeWords(w, k) : List.of());
    }

    /** Returns the relations that start at a position (memoised {@link GqaLexicon#relations}). */
    List<GqaLexicon.Hit> relations(int i) {
        return relationHits.computeIfAbsent(i, k -> k < w.size() ? lex.relations(w, k) : List.of());
    }

    /** Returns every reading of a noun phrase starting at a position, longest first. */
    List<Read<NounPhrase>> phrases(int i) {
        List<Read<NounPhrase>> known = phrases.get(i);
        if (known != null) {
            return known;
        }
        phrases.put(i, List.of());
        List<Read<NounPhrase>> out = new ArrayList<>();
        int j = skipDeterminers(i);
        if (j == i + 1 && POINTING.contains(word(i))) {
            NounPhrase pointed = NounPhrase.of("this", Kind.PRONOUN);
            out.add(new Read<>(pointed, i + 1));
            for (Read<NounPhrase> more : postmodifiers(pointed, i + 1, false)) {
                // "that on the wall" points at whatever is on the wall: no class is named
                NounPhrase np = more.value();
                boolean linked = np.link() != null;
                extend(linked ? np.named("_", Kind.ANY) : np, more.end(), out, linked);
            }
        }
        for (Read<List<Filter>> pre : premodifiers(j)) {
            for (Read<NounPhrase> head : heads(pre.end())) {
                extend(head.value().withFilters(pre.value()), head.end(), out, false);
            }
        }
        String owner = POSSESSIVES.get(word(i));
        if (owner != null) {
            // "his shirt", "her hair": the shirt of him, as "the man's shirt" is the shirt of the man
            owned(NounPhrase.of(owner, Kind.PRONOUN), i + 1, out);
        }
        out.sort(Comparator.comparingInt((Read<NounPhrase> r) -> -r.end()));
        List<Read<NounPhrase>> frozen = List.copyOf(out);
        phrases.put(i, frozen);
        return frozen;
    }

    int skipDeterminers(int i) {
        int j = i;
        while (DETERMINERS.contains(word(j)) && j < w.size()) {
            j++;
        }
        return j;
    }

    private void extend(NounPhrase np, int at, List<Read<NounPhrase>> out, boolean linked) {
        out.add(new Read<>(np, at));
        if (out.size() > 400) {
            return;
        }
        for (Read<NounPhrase> more : postmodifiers(np, at, linked)) {
            extend(more.value(), more.end(), out, linked || more.value().link() != null);
        }
        if (!linked && word(at).equals("'s")) {
            owned(np, at + 1, out);
        }
    }

    /** Adds the readings of what an owner has, read from a position: "the boy's [black hair]" (relate hair,of,s). */
    private void owned(NounPhrase owner, int at, List<Read<NounPhrase>> out) {
        for (Read<List<Filter>> pre : premodifiers(at)) {
            for (Read<NounPhrase> head : heads(pre.end())) {
                NounPhrase owned = head.value().withFilters(pre.value()).withLink(new Link("of", true, owner));
                extend(owned, head.end(), out, true);
            }
        }
    }

    /** Returns the readings of attributes before a name: none, the first, the first two, ... */
    List<Read<List<Filter>>> premodifiers(int i) {
        List<Read<List<Filter>>> known = premodifiers.get(i);
        if (known != null) {
            return known;
        }
        List<Read<List<Filter>>> out = new ArrayList<>();
        out.add(new Read<>(List.of(), i));
        collectPremodifiers(i, new ArrayList<>(), out);
        premodifiers.put(i, out);
        return out;
    }

    private void collectPremodifiers(int i, List<Filter> sofar, List<Read<List<Filter>>> out) {
        for (GqaLexicon.Hit h : attributes(i)) {
            List<Filter> next = new ArrayList<>(sofar);
            next.add(filter(h.value(), false));
            out.add(new Read<>(List.copyOf(next), i + h.length()));
            if (next.size() < 4) {
                collectPremodifiers(i + h.length(), next, out);
            }
        }
    }

    Filter filter(String surface, boolean negated) {
        GqaLexicon.Attribute a = lex.attribute(surface);
        return new Filter(a.value(), a.categories(), negated);
    }

    /** Returns the readings of a name at a position: pronouns, super-classes, names, and an unknown word. */
    List<Read<NounPhrase>> heads(int i) {
        List<Read<NounPhrase>> known = heads.get(i);
        if (known != null) {
            return known;
        }
        List<Read<NounPhrase>> out = readHeads(i);
        heads.put(i, out);
        return out;
    }

    private List<Read<NounPhrase>> readHeads(int i) {
        List<Read<NounPhrase>> out = new ArrayList<>();
        String first = word(i);
        switch (first) {
            case "he", "him" -> out.add(new Read<>(NounPhrase.of("he", Kind.PRONOUN), i + 1));
            case "she", "her" -> out.add(new Read<>(NounPhrase.of("she", Kind.PRONOUN), i + 1));
            default -> {
            }
        }
        // people's words for any person or object: "is anyone wearing a hat", "is there anything on the table"
        if (GqaText.INDEFINITES.contains(first)) {
            out.add(new Read<>(first.endsWith("thing") ? NounPhrase.any() : NounPhrase.of("person", Kind.CLASS),
                    i + 1));
        }
        // "the brown thing", "objects on the table": any object (GQA has no such name)
        if (ANY_NOUNS.contains(first) && !word(i + 1).equals("of")) {
            out.add(new Read<>(NounPhrase.any(), i + 1));
        }
        if (CLASS_NOUNS.contains(first) && word(i + 1).equals("of")) {
            int j = skipDeterminers(i + 2);
            for (GqaLexicon.Hit h : names(j)) {
                if (lex.isSuperClass(h.value())) {
                    out.add(new Read<>(NounPhrase.of(lex.singular(h.value()), Kind.CLASS), j + h.length()));
                }
            }
        }
        List<GqaLexicon.Hit> names = names(i);
        for (GqaLexicon.Hit h : names) {
            boolean cls = lex.isSuperClass(h.value()) && (!lex.isName(h.value()) || lex.isKind(h.value()));
            int end = i + h.length();
            if (cls && CLASS_NOUNS.contains(word(end)) && !word(end + 1).equals("of")) {
                out.add(new Read<>(NounPhrase.of(lex.singular(h.value()), Kind.CLASS), end + 1));
            }
            out.add(new Read<>(NounPhrase.of(cls ? lex.singular(h.value()) : h.value(), cls ? Kind.CLASS
                    : Kind.OBJECT), end));
        }
        if (names.isEmpty() && out.isEmpty() && isUnknownName(first)) {
            out.add(new Read<>(new NounPhrase(first, Kind.UNKNOWN, List.of(), null, 1), i + 1));
        }
        return out;
    }

    private boolean isUnknownName(String word) {
        return !word.isEmpty() && Character.isLetter(word.charAt(0)) && !NOT_NAMES.contains(word)
                && lex.attribute(word) == null && lex.relations(List.of(word), 0).isEmpty()
                && lex.categoryNoun(word) == null;
    }

    /** Returns the readings of what may follow a name and narrows it. */
    private List<Read<NounPhrase>> postmodifiers(NounPhrase np, int at, boolean linked) {
        List<Read<NounPhrase>> out = new ArrayList<>();
        // that is white, which looks old, that is made of wood, on the left
        for (Read<List<Filter>> p : relativePredicate(at)) {
            out.add(new Read<>(np.withFilters(p.value()), p.end()));
        }
        if (linked) {
            return out;
        }
        // near the table, that is near the table, which sits on the table
        int r = at;
        if (RELATIVES.contains(word(r))) {
            r++;
            if (BE.contains(word(r))) {
                r++;
            }
        }
        for (GqaLexicon.Hit rel : relations(r)) {
            for (Read<NounPhrase> other : phrases(r + rel.length())) {
                out.add(new Read<>(np.withLink(new Link(rel.value(), true, other.value())), other.end()));
            }
        }
        // worn by the man, that is held by the woman: the other phrase is the relation's subject
        String active = lex.passive(w, r);
        if (active != null) {
            for (Read<NounPhrase> other : phrases(r + 2)) {
                out.add(new Read<>(np.withLink(new Link(active, false, other.value())), other.end()));
            }
        }
        // that has the same color as the cup, which is the same size as the plate
        if (RELATIVES.contains(word(at)) && Set.of("is", "are", "has", "have").contains(word(at + 1))
                && word(at + 2).equals("the") && word(at + 3).equals("same")) {
            String category = lex.categoryNoun(word(at + 4));
            if (category != null && word(at + 5).equals("as")) {
                for (Read<NounPhrase> other : phrases(at + 6)) {
                    out.add(new Read<>(np.withLink(new Link("same " + category, true, other.value())), other.end()));
                }
            }
        }
        // the man is holding, that the man holds, the woman is sitting on
        int o = RELATIVES.contains(word(at)) ? at + 1 : at;
        // without "that", the clause's subject starts with a determiner or is a pronoun ("the hat the man wears"),
        // so "the glass fence in ..." is a glass fence, not the glass a fence is in
        boolean bare = o == at && !DETERMINERS.contains(word(o)) && !CLAUSE_PRONOUNS.contains(word(o));
        if (o < w.size() && !BE.contains(word(o)) && !bare) {
            for (Read<NounPhrase> other : phrases(o)) {
                int v = other.end();
                if (BE.contains(word(v)) || word(v).equals("does") || word(v).equals("do")) {
                    v++;
                }
                for (GqaLexicon.Hit rel : relations(v)) {
                    int end = v + rel.length();
                    if (word(end).equals("of") && !lex.isRelation(rel.value() + " of")) {
                        end++;
                    }
                    out.add(new Read<>(np.withLink(new Link(rel.value(), false, other.value())), end));
                }
            }
        }
        return out;
    }

    /**
     * Returns the readings of a relative clause that gives attributes: {@code that is not white},
     * {@code which looks old and dirty}, {@code that is made of wood}, {@code made of metal}, {@code on the left}.
     */
    List<Read<List<Filter>>> relativePredicate(int at) {
        List<Read<List<Filter>>> out = new ArrayList<>();
        int i = at;
        boolean relative = RELATIVES.contains(word(i));
        if (relative) {
            i++;
            if (BE.contains(word(i))) {
                out.addAll(predicate(i + 1));
            } else if (LOOK.contains(word(i))) {
                int j = i + 1;
                if (word(j).equals("to") && word(j + 1).equals("be")) {
                    j += 2;
                } else if (word(j).equals("like")) {
                    j++;
                }
                out.addAll(predicate(j));
            }
            return out;
        }
        out.addAll(madeOf(at, true));
        out.addAll(position(at, true));
        return out;
    }

    /**
     * Returns the readings of what a thing is said to be: {@code [not] white (and [not] old)*},
     * {@code made of wood}, {@code on the left}.
     */
    List<Read<List<Filter>>> predicate(int i) {
        List<Read<List<Filter>>> known = predicates.get(i);
        if (known != null) {
            return known;
        }
        List<Read<List<Filter>>> out = new ArrayList<>();
        collectPredicate(i, new ArrayList<>(), out);
        out.addAll(madeOf(i, false));
        out.addAll(position(i, false));
        predicates.put(i, out);
        return out;
    }

    private void collectPredicate(int i, List<Filter> sofar, List<Read<List<Filter>>> out) {
        int j = i;
        if (sofar.isEmpty() && (word(j).equals("both") || word(j).equals("either"))) {
            j++;
        }
        boolean negated = false;
        if (word(j).equals("not")) {
            negated = true;
            j++;
        }
        for (GqaLexicon.Hit h : attributes(j)) {
            List<Filter> next = new ArrayList<>(sofar);
            next.add(filter(h.value(), negated));
            int end = j + h.length();
            out.add(new Read<>(List.copyOf(next), end));
            if (next.size() < 3 && (word(end).equals("and") || word(end).equals(","))) {
                collectPredicate(end + 1, next, out);
            }
        }
    }

    /** Returns the readings of {@code made of wood}, {@code made out of metal}; after a name also "that is made of". */
    List<Read<List<Filter>>> madeOf(int i, boolean relative) {
        int j = i;
        if (relative && RELATIVES.contains(word(j)) && BE.contains(word(j + 1))) {
            j += 2;
        }
        boolean negated = word(j).equals("not");
        if (negated) {
            j++;
        }
        if (!word(j).equals("made")) {
            return List.of();
        }
        j++;
        if (word(j).equals("out") && word(j + 1).equals("of")) {
            j += 2;
        } else if (word(j).equals("of") || word(j).equals("from")) {
            j++;
        } else {
            return List.of();
        }
        List<Read<List<Filter>>> out = new ArrayList<>();
        for (GqaLexicon.Hit h : attributes(j)) {
            GqaLexicon.Attribute a = lex.attribute(h.value());
            out.add(new Read<>(List.of(new Filter(a.value(), List.of("material"), negated)), j + h.length()));
        }
        return out;
    }

    /** Returns the readings of {@code on the left}, {@code in the middle}; after a name also "that is on the left". */
    List<Read<List<Filter>>> position(int i, boolean relative) {
        int j = i;
        if (relative && RELATIVES.contains(word(j)) && BE.contains(word(j + 1))) {
            j += 2;
        }
        if (!Set.of("on", "in", "at").contains(word(j))) {
            return List.of();
        }
        j++;
        if (word(j).equals("the")) {
            j++;
        }
        // "in the center" is GQA's middle
        String v = Set.of("center", "centre").contains(word(j)) ? "middle" : word(j);
        String category = switch (v) {
            case "left", "right" -> "hposition";
            case "top", "bottom", "middle" -> "vposition";
            default -> null;
        };
        if (category == null) {
            return List.of();
        }
        j++;
        if (Set.of("side", "part", "half", "corner").contains(word(j))) {
            j++;
        }
        if (word(j).equals("of") && !relations(i).isEmpty()) {
            return List.of();
        }
        return List.of(new Read<>(List.of(new Filter(v, List.of(category), false)), j));
    }
}
