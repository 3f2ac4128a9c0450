package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.language.gqa.NounPhrase.Filter;
import org.vqasp.language.gqa.NounPhrase.Kind;

/**
 * Writes GQA semantic programs by GQA's conventions: a noun phrase is the program of the phrase it relates to, a
 * {@code relate} (or a {@code select}), then its filters; checks of two attributes are written in the order of
 * their values and joined by {@code and}; object ids are left out. One builder per program.
 */
final class ProgramBuilder {

    private static final Set<String> LENGTH_NOUNS = Set.of("hair", "beard", "mustache", "sleeve", "sleeves", "tail",
            "dress", "skirt", "pants", "shorts", "jeans", "coat", "jacket", "shirt", "sock", "socks", "leaves",
            "leaf", "hose", "rope", "string", "cord", "wire", "curtain", "curtains", "scarf", "tie", "road", "street",
            "line", "bench", "board", "train", "trunk", "neck", "legs", "leg", "ears", "ear", "stick", "bat", "knife",
            "hot dog", "sandwich", "boat", "counter", "lawn", "tablecloth", "towel", "cable");

    /** What {@code clear} is the weather of; anything else clear is see-through (GQA's category "opaqness"). */
    private static final Set<String> SKY = Set.of("sky", "day", "weather", "scene", "clouds", "cloud", "air");

    /** Waters GQA calls clear without a category ({@code filter: clear}), unlike clear glass (opaqness). */
    private static final Set<String> WATERS = Set.of("water", "ocean", "sea", "lake", "river", "pond", "pool",
            "stream", "creek", "waves", "wave");

    private final GqaLexicon lex;
    private final List<GqaOperation> steps = new ArrayList<>();
    /** The filters GQA's form of a step leaves out, by step: kept for answering (see {@link #answering}). */
    private final Map<Integer, List<GqaOperation>> keptForAnswering = new HashMap<>();

    ProgramBuilder(GqaLexicon lexicon) {
        this.lex = lexicon;
    }

    /** Returns the lexicon the program's names come from. */
    GqaLexicon lexicon() {
        return lex;
    }

    /** Returns the program written so far. */
    List<GqaOperation> program() {
        return List.copyOf(steps);
    }

    /**
     * Returns the program to answer: the program, except that a relation check whose other phrase has attributes
     * or a relation of its own ({@code Is the woman wearing a red shirt?}, {@code Is the man holding the cup that
     * is on the table?}) is also answered with the relate, the attributes' filters (and that relation) and
     * {@code exist}, joined to it by {@code and}.
     * GQA writes the check with the other phrase's name only ({@code verify rel: shirt,wearing,o}) because its own
     * programs pin that object by id; a parsed program has no id, so without the filters a blue shirt would do.
     */
    List<GqaOperation> answering() {
        if (keptForAnswering.isEmpty()) {
            return program();
        }
        return ProgramRewriter.expand(steps, (i, check, at) -> {
            List<GqaOperation> kept = keptForAnswering.get(i);
            if (kept == null) {
                return null;
            }
            // the check as GQA writes it (it fails, rather than says no, when its input is empty), and with what
            // the question says of the other phrase
            List<GqaOperation> out = new ArrayList<>();
            out.add(check);
            out.add(new GqaOperation("relate", check.argument(), check.dependencies()));
            for (GqaOperation k : kept) {
                out.add(new GqaOperation(k.operation(), k.argument(), List.of(at + out.size() - 1)));
            }
            out.add(new GqaOperation("exist", "?", List.of(at + out.size() - 1)));
            out.add(new GqaOperation("and", "", List.of(at, at + out.size() - 1)));
            return out;
        });
    }

    /**
     * Checks a relation between a phrase's objects (the step {@code at}) and another phrase, as GQA writes it:
     * {@code verify rel: NAME,RELATION,o|s} with the other phrase's name only; its attributes, and a relation it has
     * with a third phrase (with that phrase's attributes), are kept for {@link #answering}.
     *
     * @param side {@code o} when the other phrase is the relation's object, {@code s} when its subject
     */
    int verifyRelation(int at, NounPhrase other, String relation, String side) {
        int step = add("verify rel", bareName(other) + "," + relation + "," + side, at);
        List<GqaOperation> kept = new ArrayList<>(filtersOf(other));
        NounPhrase.Link link = other.link();
        if (link != null && link.other().kind() != Kind.PRONOUN) {
            // "the cup that is on the table": from the cups, the tables they are on, as the table's filters say
            kept.add(new GqaOperation("relate", name(link.other(), false) + "," + link.relation() + ","
                    + (link.subject() ? "o" : "s"), List.of()));
            kept.addAll(filtersOf(link.other()));
        }
        if (!kept.isEmpty()) {
            keptForAnswering.put(step, kept);
        }
        return step;
    }

    /** Returns the filter steps of a phrase's attributes, without dependencies. */
    private List<GqaOperation> filtersOf(NounPhrase np) {
        return np.filters().stream().map(f -> filterOperation(f, np)).toList();
    }

    /** Adds a step and returns its index. */
    int add(String operation, String argument, int... deps) {
        List<Integer> d = new ArrayList<>(deps.length);
        for (int x : deps) {
            d.add(x);
        }
        steps.add(new GqaOperation(operation, argument, d));
        return steps.size() - 1;
    }

    /** Writes a noun phrase that refers to objects ({@code the white wall}); returns the step of its objects. */
    int ref(NounPhrase np) {
        return phrase(np, false);
    }

    /** Writes a noun phrase whose existence is asked ({@code Are there any cars}): its name is singular. */
    int some(NounPhrase np) {
        return phrase(np, true);
    }

    private int phrase(NounPhrase np, boolean singular) {
        int at;
        String name = name(np, singular);
        if (np.link() != null) {
            int other = phrase(np.link().other(), false);
            at = add("relate", name + "," + np.link().relation() + "," + (np.link().subject() ? "s" : "o"), other);
        } else {
            at = add("select", name);
        }
        for (Filter f : np.filters()) {
            at = filter(at, f, np);
        }
        return at;
    }

    /** Adds a filter of a phrase's objects. */
    int filter(int at, Filter f, NounPhrase head) {
        GqaOperation op = filterOperation(f, head);
        return add(op.operation(), op.argument(), at);
    }

    /** Returns the filter step of an attribute of a phrase, without its dependency. */
    private GqaOperation filterOperation(Filter f, NounPhrase head) {
        String c = category(f, head);
        return new GqaOperation(c.isEmpty() ? "filter" : "filter " + c, written(f), List.of());
    }

    /** Returns the name a phrase's step writes. */
    String name(NounPhrase np, boolean singular) {
        return switch (np.kind()) {
            case ANY -> "_";
            case CLASS -> lex.singular(np.name());
            case PRONOUN -> np.name();
            default -> singular ? lex.singular(np.name()) : np.name();
        };
    }

    /** Returns the name a phrase gives in a relation's argument ({@code verify rel: jeans,wearing,o}). */
    String bareName(NounPhrase np) {
        return np.kind() == Kind.CLASS ? lex.singular(np.name()) : np.name();
    }

    /**
     * Checks attributes of a phrase's objects: one {@code verify}, or one per attribute, in the order of their
     * values, joined by {@code and}.
     */
    int verify(int at, List<Filter> filters, NounPhrase head) {
        return verify(at, filters, head, "and");
    }

    /**
     * Checks attributes of a phrase: one {@code verify} each, in the alphabetical order of their values, joined by
     * {@code and} or {@code or}.
     */
    int verify(int at, List<Filter> filters, NounPhrase head, String join) {
        if (filters.size() == 1) {
            return verifyOne(at, filters.get(0), head);
        }
        List<Filter> sorted = new ArrayList<>(filters);
        sorted.sort(Comparator.comparing(ProgramBuilder::written));
        int a = verifyOne(at, sorted.get(0), head);
        for (int k = 1; k < sorted.size(); k++) {
            int b = verifyOne(at, sorted.get(k), head);
            a = add(join, "", a, b);
        }
        return a;
    }

    private int verifyOne(int at, Filter f, NounPhrase head) {
        String c = category(f, head);
        return add(c.isEmpty() ? "verify" : "verify " + c, written(f), at);
    }

    private static String written(Filter f) {
        return f.negated() ? "not(" + f.value() + ")" : f.value();
    }

    /** Chooses between two attribute values ({@code choose color: red|blue}), in the order the question gives. */
    int choose(int at, Filter a, Filter b, NounPhrase head) {
        String c = category(a, head);
        String cb = category(b, head);
        if (c.isEmpty() && !cb.isEmpty()) {
            c = cb;
        }
        return add(c.isEmpty() ? "choose" : "choose " + c, a.value() + "|" + b.value(), at);
    }

    /**
     * Returns the category a filter of a phrase is written with: the first the lexicon gives, except for words
     * whose category depends on what they describe ({@code old} is an age for people and animals and has no
     * category for things; {@code short} is a length for hair and clothes and a height otherwise; {@code thin}; {@code clear} is
     * the weather for the sky, has no category for water and is GQA's "opaqness" for glass and bottles).
     */
    String category(Filter f, NounPhrase head) {
        if (f.categories().isEmpty()) {
            return "";
        }
        if (f.categories().size() == 1 && f.categories().get(0).endsWith("position")) {
            return f.categories().get(0);
        }
        boolean living = lex.isPerson(head.name()) || lex.isAnimal(head.name()) || head.kind() == Kind.PRONOUN;
        if (f.negated() && (f.value().equals("old") || f.value().equals("short"))) {
            // words of two categories are written without one when negated: filter: not(short)
            return "";
        }
        return switch (f.value()) {
            case "old", "young" -> living ? "age" : "";
            case "short" -> LENGTH_NOUNS.contains(head.name()) ? "length" : "height";
            case "thin" -> living ? "fatness" : "thickness";
            case "clear" -> SKY.contains(head.name()) ? "weather" : WATERS.contains(head.name()) ? "" : "opaqness";
            default -> f.categories().get(0);
        };
    }
}
