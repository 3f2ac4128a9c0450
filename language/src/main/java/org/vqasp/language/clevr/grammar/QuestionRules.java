package org.vqasp.language.clevr.grammar;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The question rules of {@link ClevrGrammar}: how CLEVR questions and the common shapes of human questions
 * ask for a count, an existence, an attribute, a comparison, the most common value, the number of different
 * values, whether all objects agree. Slots: {@code {np}} a noun phrase, {@code {obj}} a phrase naming one
 * object, {@code {pred}} a clause ("red", "left of the cube and the same size as the ball"), {@code {attr}} an
 * attribute name, {@code {attrs}} a plural one, {@code {val}} attribute adjectives.
 */
final class QuestionRules {

    private QuestionRules() {
    }

    private static NounPhrase np(Object o) {
        return (NounPhrase) o;
    }

    private static Sem.ObjE obj(Object o) {
        return (Sem.ObjE) o;
    }

    private static Predicate pred(Object o) {
        return (Predicate) o;
    }

    private static String attr(Object o) {
        return (String) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> val(Object o) {
        return (Map<String, String>) o;
    }

    /** A phrase counted or tested for existence: any determiner but "the" with a singular noun. */
    private static boolean setLike(NounPhrase np) {
        return !(np.determiner().equals("the") && !np.plural());
    }

    private static Sem.Count count(NounPhrase np) {
        return new Sem.Count(np.set());
    }

    private static Sem.Answer count(NounPhrase np, Predicate p) {
        NounPhrase x = Predicate.apply(np, p);
        return x == null ? null : new Sem.Count(x.set());
    }

    private static Sem.Answer exist(NounPhrase np, Predicate p) {
        NounPhrase x = Predicate.apply(np, p);
        return x == null ? null : exist(x);
    }

    /**
     * "Is there a cube?", "are there two cubes?" (exactly so many); "are there two identical cubes?" asks for a
     * pair, however many more there are.
     */
    private static Sem.Answer exist(NounPhrase np) {
        boolean pair = np.number() == 2 && np.restriction() instanceof Sem.Identical;
        if (np.determiner().equals("num") && np.number() >= 0 && !pair) {
            return np.number() > 10 ? null
                    : new Sem.Compare("equal_integer", count(np), new Sem.Number(np.number()));
        }
        return new Sem.Exist(np.set());
    }

    /** "Are there more than two cubes?": the count against the phrase's number plus {@code shift}. */
    private static Sem.Answer than(String function, NounPhrase np, Predicate p, int number, int shift) {
        NounPhrase x = p == null ? np : Predicate.apply(np, p);
        int n = number + shift;
        return x == null || n < 0 || n > 10 ? null : new Sem.Compare(function, count(x), new Sem.Number(n));
    }

    /** The number a phrase's numeral gives ("two cubes"), 1 for a bare phrase after "one", else -1. */
    private static int numeral(NounPhrase np, boolean one) {
        if (one) {
            return np.determiner().isEmpty() ? 1 : -1;
        }
        return np.determiner().equals("num") ? np.number() : -1;
    }

    /** "Are all the cubes red?": the cubes number as many as the red cubes. */
    private static Sem.Answer all(NounPhrase np, Predicate p) {
        NounPhrase x = Predicate.apply(np, p);
        return x == null ? null : new Sem.Compare("equal_integer", count(np), count(x));
    }

    /**
     * "Are most of the cubes red?": more of them are than are not (the count of those that are, greater than the
     * count of all less that count).
     */
    private static Sem.Answer mostOf(NounPhrase np, Predicate p) {
        if (!ofAll(np)) {
            return null;
        }
        NounPhrase x = Predicate.apply(np, p);
        if (x == null) {
            return null;
        }
        Sem.Answer yes = count(x);
        return new Sem.Compare("greater_than", yes, new Sem.Subtract(count(np), yes));
    }

    /** "Are most of the balls shiny or matte?": the value of the one attribute the two values name. */
    private static Sem.Answer mostCommonOf(NounPhrase np, Map<String, String> a, Map<String, String> b) {
        if (!np.plural() || a.size() != 1 || b.size() != 1 || !a.keySet().equals(b.keySet()) || a.equals(b)) {
            return null;
        }
        return new Sem.MostCommon(a.keySet().iterator().next(), np.set());
    }

    /** Whether a phrase names a whole group ("the cubes", "cubes"), not some of one ("a cube", "any cubes"). */
    private static boolean ofAll(NounPhrase np) {
        return np.plural() && !np.determiner().equals("a") && !np.determiner().equals("any");
    }

    /** "Are the balls all different colours?": as many values as objects. */
    private static Sem.Answer allDifferent(NounPhrase np, String attribute) {
        if (!ofAll(np)) {
            return null;
        }
        return new Sem.Compare("equal_integer", new Sem.CountDistinct(attribute, np.set()), count(np));
    }

    /** "Is the cube red?", "Are all the cubes red?", "Are any cubes red?", by the subject's determiner. */
    private static Sem.Answer property(NounPhrase np, Predicate p) {
        switch (np.determiner()) {
            case "all":
                return all(np, p);
            case "the", "num":
                if (np.plural()) {
                    return all(np, p);
                }
                // "is the object farthest right a sphere": the farthest right of all, then the test
                return exist(np.extreme() != null || np.near() != null ? NounPhrase.of(np.set(), false) : np, p);
            default:
                return exist(np, p);
        }
    }

    /** The second phrase of a comparison, without the first's objects when it says "other". */
    private static NounPhrase other(NounPhrase first, NounPhrase second) {
        if (second.determiner().equals("other") && second.simple()) {
            return second.withExclusion(first.set());
        }
        return second;
    }

    /** "red and blue cubes": the first phrase without a noun takes the second's noun and other words. */
    private static NounPhrase shared(NounPhrase a, NounPhrase b) {
        if (a.noun() || !a.simple() || !b.simple()) {
            return a;
        }
        for (String[] f : b.filters()) {
            if (!a.hasFilter(f[0])) {
                a = a.withFilter(f[0], f[1]);
            }
        }
        return a;
    }

    private static Sem.Answer compare(String function, NounPhrase a, NounPhrase b) {
        if (!setLike(a) || !setLike(b)) {
            return null;
        }
        return new Sem.Compare(function, count(a), count(other(a, b)));
    }

    /** "Are there more cubes or spheres?": the phrases differ in one attribute; its most common value. */
    private static Sem.Answer moreOf(NounPhrase a, NounPhrase b) {
        if (!a.simple() || !b.simple()) {
            return null;
        }
        a = shared(a, b); // "more purple or green cubes": the noun and its other words belong to both
        String differs = null;
        for (String at : Lexicon.ATTRIBUTES) {
            String x = a.filter(at);
            String y = b.filter(at);
            if (x == null ? y == null : x.equals(y)) {
                continue;
            }
            if (differs != null || x == null && !at.equals("shape") || y == null) {
                return named(a, b);
            }
            differs = at;
        }
        if (differs == null) {
            return null;
        }
        if (a.filter(differs) == null) {
            return null;
        }
        return new Sem.MostCommon(differs, new Sem.Union(a.set(), b.set()));
    }

    /**
     * "Are there more metal cubes or small spheres?": an attribute both phrases name with different values tells
     * them apart (no object is in both), so its most common value among the two names the larger; the shape
     * when the nouns differ ("more metal spheres or rubber cylinders": people answer with the noun), else the
     * only such attribute.
     */
    private static Sem.Answer named(NounPhrase a, NounPhrase b) {
        String differs = null;
        for (String at : Lexicon.ATTRIBUTES) {
            String x = a.filter(at);
            String y = b.filter(at);
            if (x == null || y == null || x.equals(y)) {
                continue;
            }
            if (at.equals("shape")) {
                differs = at;
                break;
            }
            differs = differs == null ? at : "";
        }
        return differs == null || differs.isEmpty() ? null : new Sem.MostCommon(differs, new Sem.Union(a.set(), b.set()));
    }

    /** "Is the cube larger than the sphere?": the first is large and the second small. */
    private static Sem.Answer larger(NounPhrase a, NounPhrase b, boolean larger) {
        Sem.Answer x = new Sem.Count(new Sem.Filter(a.set(), "size", "large"));
        Sem.Answer y = new Sem.Count(new Sem.Filter(b.set(), "size", "large"));
        return new Sem.Compare(larger ? "greater_than" : "less_than", x, y);
    }

    /** The attribute of the one of several objects a predicate picks ("which of the red objects is not shiny"). */
    private static Sem.Answer oneOf(String attribute, NounPhrase np, Predicate p) {
        if (!np.plural()) {
            return null;
        }
        NounPhrase x = Predicate.apply(np, p);
        return x == null ? null : new Sem.Query(attribute, x.object());
    }

    private static boolean definite(NounPhrase np) {
        return (np.determiner().equals("the") || np.determiner().isEmpty() || np.determiner().equals("other"))
                && !np.plural();
    }

    private static NounPhrase thing() {
        return NounPhrase.start("", false, -1).withNoun(null, false);
    }

    static void define(ClevrGrammar g) {
        counts(g);
        existence(g);
        queries(g);
        comparisons(g);
    }

    private static final String HOW_MANY = "(how many|what number of|what is the number of|what is the total number of"
            + "|what is the count of|what is the amount of|what is the quantity of|count the|count)";

    private static void counts(ClevrGrammar g) {
        g.rule(0, HOW_MANY + " {np} [are there|is there|exist|are|is|there are|have|appear|appear there|are seen"
                        + "|are in|are there in|exist there] [in all]",
                v -> setLike(np(v[0])) ? count(np(v[0])) : null);
        g.rule(0, HOW_MANY + " {np} (are|appear|exist) [there] [both|either] {preds}",
                v -> setLike(np(v[0])) ? count(np(v[0]), pred(v[1])) : null);
        g.rule(1, HOW_MANY + " {np} is [there] [both|either] {pred}",
                v -> setLike(np(v[0])) ? count(np(v[0]), pred(v[1])) : null);
        g.rule(0, HOW_MANY + " {np} {vps}", v -> setLike(np(v[0])) ? count(np(v[0]), pred(v[1])) : null);
        g.rule(0, HOW_MANY + " {np} (are|is) (that|which) (are|is) {pred}",
                v -> setLike(np(v[0])) ? count(np(v[0]), pred(v[1])) : null);
        g.rule(0, HOW_MANY + " {np} (are there|is there|exist|there are) [that|which] [are|is] {pred}",
                v -> setLike(np(v[0])) ? count(np(v[0]), pred(v[1])) : null);
        g.rule(0, "(how many|what number) of {np} (are|is|have|has) [there] {pred}",
                v -> np(v[0]).plural() || np(v[0]).determiner().equals("all") ? count(np(v[0]), pred(v[1])) : null);
        g.rule(0, "there (are|is) how many {np}", v -> setLike(np(v[0])) ? count(np(v[0])) : null);
        g.rule(0, "how many of {np} (are there|exist|there are)",
                v -> np(v[0]).plural() && np(v[0]).determiner().equals("the") ? count(np(v[0])) : null);
        g.rule(1, "how many (are|is) [there] {pred}", v -> count(thing(), pred(v[0])));
        // besides the blue ball, how many objects are matte?
        String besides = "(besides|except for|excluding|other than|apart from|not counting|not including)";
        g.rule(0, besides + " {np} how many {np} [are there|is there|exist|are|is|there are]",
                v -> setLike(np(v[1])) ? count(np(v[1]).withExclusion(np(v[0]).set())) : null);
        g.rule(0, besides + " {np} how many {np} (are|is) [there] {pred}",
                v -> setLike(np(v[1])) ? count(np(v[1]).withExclusion(np(v[0]).set()), pred(v[2])) : null);
        g.rule(0, "(of|out of|among) [all] the {np} how many (are|is) {pred}",
                v -> count(np(v[0]), pred(v[1])));
        g.rule(0, HOW_MANY + " {np} (have|has|share|shares) the same {attr} as {obj}",
                v -> setLike(np(v[0])) ? count(np(v[0]), new Predicate.Restrict(new Sem.Same(obj(v[2]), attr(v[1]))))
                        : null);
        g.rule(0, HOW_MANY + " {np} (do|does) not (have|share) the same {attr} as {obj}",
                v -> setLike(np(v[0])) ? count(np(v[0]),
                        new Predicate.Not(new Predicate.Restrict(new Sem.Same(obj(v[2]), attr(v[1]))))) : null);
        // the green cube is the same size as how many (other) objects?
        g.rule(0, "{obj} (is|has|shares) the same {attr} as how many [other] {np}",
                v -> count(np(v[2]), new Predicate.Restrict(new Sem.Same(obj(v[0]), attr(v[1])))));
        for (String[] rel : new String[][] {{"[to the] left of", "right"}, {"[to the] right of", "left"},
                {"(behind|in back of|at the back of)", "front"}, {"in front of", "behind"}}) {
            g.rule(0, "{obj} (is|are) " + rel[0] + " how many [other] {np}",
                    v -> count(np(v[1]), new Predicate.Restrict(new Sem.Relate(obj(v[0]), rel[1]))));
        }
        // "how many shapes are there" asks for kinds of shape (CLEVR-Humans answers are 1-3)
        g.rule(-1, "how many shapes [are there|is there|exist|are|there are|appear]",
                v -> new Sem.CountDistinct("shape", new Sem.Scene()));
        // how many different colours are there (among the cubes)
        g.rule(0, "how many [different|distinct|unique] {attrs} [are there|exist|are represented|appear|are used|are|is]",
                v -> new Sem.CountDistinct(attr(v[0]), new Sem.Scene()));
        g.rule(0, "how many [different|distinct|unique] {attrs} [are there|exist|are represented|appear|are used]"
                        + " (among|in|of|for) [the] {np}",
                v -> new Sem.CountDistinct(attr(v[0]), np(v[1]).set()));
        g.rule(0, "how many [different|distinct|unique] {attrs} (of|among|in|for) [the] {np} (are there|exist|are represented"
                        + "|appear|are used|are|is|there are)",
                v -> new Sem.CountDistinct(attr(v[0]), np(v[1]).set()));
        g.rule(0, "how many (different|distinct|unique) {attr} {np} [are there|exist|there are]",
                v -> np(v[1]).plural() && np(v[1]).determiner().isEmpty()
                        ? new Sem.CountDistinct(attr(v[0]), np(v[1]).set()) : null);
        g.rule(0, "how many [different|distinct|unique] {attrs} (are|do) [the] {np} [have|come in]",
                v -> new Sem.CountDistinct(attr(v[0]), np(v[1]).set()));
        g.rule(0, "how many (different|distinct|unique) {attrs} (are|appear) {pred}",
                v -> {
                    NounPhrase x = Predicate.apply(thing(), pred(v[1]));
                    return x == null ? null : new Sem.CountDistinct(attr(v[0]), x.set());
                });
        for (String[] form : new String[][] {{"colored", "color"}, {"coloured", "color"}, {"shaped", "shape"},
                {"sized", "size"}}) {
            g.rule(0, "how many (different|distinct|unique) " + form[0] + " {np} [are there|exist]",
                    v -> new Sem.CountDistinct(form[1], np(v[0]).set()));
        }
        // how many more cubes than spheres (are there)
        g.rule(0, "how many more {np} [are there|is there|exist] than {np} [are there|exist]",
                v -> new Sem.Subtract(count(np(v[0])), count(other(np(v[0]), np(v[1])))));
        g.rule(0, "how many (fewer|less) {np} [are there|is there|exist] than {np} [are there|exist]",
                v -> new Sem.Subtract(count(other(np(v[0]), np(v[1]))), count(np(v[0]))));
    }

    private static void existence(ClevrGrammar g) {
        g.rule(0, "(is there|are there|is there any|are there any|does there exist|do you see|can you see|are any"
                        + "|is any|do any|does any) {np} [visible|present]",
                v -> setLike(np(v[0])) && !np(v[0]).determiner().equals("num") ? new Sem.Exist(np(v[0]).set()) : null);
        g.rule(0, "(is|are) there {np} there", v -> setLike(np(v[0])) ? exist(np(v[0])) : null);
        g.rule(0, "(is|are) there {np} [visible|present]",
                v -> np(v[0]).determiner().equals("num") ? exist(np(v[0])) : null);
        // are there more than two cubes? is there more than one red thing that is left of the ball?
        String[][] bounds = {{"more than", "greater_than", "0"}, {"(fewer|less) than", "less_than", "0"},
                {"at least", "greater_than", "-1"}, {"at most", "less_than", "1"}, {"only", "equal_integer", "0"},
                {"exactly", "equal_integer", "0"}};
        for (String[] b : bounds) {
            int shift = Integer.parseInt(b[2]);
            g.rule(0, "(is|are) there " + b[0] + " {np}", v -> {
                int n = numeral(np(v[0]), false);
                return n < 0 ? null : than(b[1], np(v[0]), null, n, shift);
            });
            g.rule(0, "(is|are) there " + b[0] + " one {np}", v -> {
                int n = numeral(np(v[0]), true);
                return n < 0 ? null : than(b[1], np(v[0]), null, n, shift);
            });
            g.rule(0, "(is|are) there " + b[0] + " {np} (that|which) (is|are) {pred}", v -> {
                int n = numeral(np(v[0]), false);
                return n < 0 ? null : than(b[1], np(v[0]), pred(v[1]), n, shift);
            });
            g.rule(0, "(is|are) there " + b[0] + " one {np} (that|which) (is|are) {pred}", v -> {
                int n = numeral(np(v[0]), true);
                return n < 0 ? null : than(b[1], np(v[0]), pred(v[1]), n, shift);
            });
        }
        // (do you see) a red ball?
        g.rule(2, "{np}", v -> {
            NounPhrase np = np(v[0]);
            return np.determiner().equals("a") || np.determiner().equals("any") ? new Sem.Exist(np.set()) : null;
        });
        // is the largest object the purple cube? (it has the second's values)
        g.rule(1, "(is|are) {obj} the {np}", v -> {
            NounPhrase b = np(v[1]);
            if (!b.simple() || b.plural() || !b.determiner().isEmpty() || b.filters().isEmpty()) {
                return null;
            }
            Map<String, String> vals = new LinkedHashMap<>();
            for (String[] f : b.filters()) {
                vals.put(f[0], f[1]);
            }
            return new Sem.Exist(Predicate.apply(NounPhrase.of(obj(v[0]).set(), false), new Predicate.Values(vals)).set());
        });
        g.rule(0, "are there {np} (that|which) are {preds}",
                v -> setLike(np(v[0])) ? exist(np(v[0]), pred(v[1])) : null);
        g.rule(0, "(is there|are there) {np} (that|which) (is|are) {pred}",
                v -> setLike(np(v[0])) ? exist(np(v[0]), pred(v[1])) : null);
        g.rule(0, "(is there|are there) {np} (that|which) {vp}",
                v -> setLike(np(v[0])) ? exist(np(v[0]), pred(v[1])) : null);
        g.rule(0, "(is|are) (anything|something|any object|any objects|any thing|any things) [else] {pred}",
                v -> exist(thing(), pred(v[0])));
        g.rule(0, "(are|is|do|does) (any|one|at least one) of the {np} {pred}",
                v -> exist(np(v[0]), pred(v[1])));
        // do any two objects look identical? do the cubes match each other? does a copy of the red cube exist?
        g.rule(0, "(do|does) {np} {vps}", v -> {
            NounPhrase np = np(v[0]);
            boolean some = np.determiner().equals("any") || np.determiner().equals("a") || np.determiner().isEmpty();
            boolean these = np.plural() && np.determiner().equals("the") && pred(v[1]) instanceof Predicate.Identical;
            return some || these ? property(np, pred(v[1])) : null;
        });
        g.rule(0, "(is|are) there (a|an|any) [identical] (twin|copy|duplicate|twins|copies|duplicates) (of|for|to) {obj}",
                v -> new Sem.Exist(ClevrGrammar.alike(obj(v[0]))));
        g.rule(0, "(do|does) (any|one|at least one) of the {np} (have|share) the same {attr} as {obj}",
                v -> exist(np(v[0]), new Predicate.Restrict(new Sem.Same(obj(v[2]), attr(v[1])))));
        g.rule(0, "(do|does) {np} (have|share) the same {attr} as {obj}",
                v -> definite(np(v[0])) ? null
                        : property(np(v[0]), new Predicate.Restrict(new Sem.Same(obj(v[2]), attr(v[1])))));
        // are most of the cubes red? (more of them are than are not)
        String most = "(most|the majority|the bulk|more than half)";
        g.rule(0, "(are|is) " + most + " [of] {np} [all] {pred}", v -> mostOf(np(v[0]), pred(v[1])));
        g.rule(0, "(are|is) " + most + " [of] {np} {pred} (instead of|rather than|and not) {pred}",
                v -> mostOf(np(v[0]), pred(v[1])));
        g.rule(0, "(do|does) " + most + " [of] {np} {vps}", v -> mostOf(np(v[0]), pred(v[1])));
        // are most of the objects matte or metallic? is the majority of the objects a cube or a sphere?
        g.rule(0, "(are|is) " + most + " [of] {np} [made of|a|an] {val} or [a|an] {val}",
                v -> mostCommonOf(np(v[0]), val(v[1]), val(v[2])));
        g.rule(0, "(are|is) " + most + " [of] {np} (a|an) {np} or (a|an) {np}", v -> {
            String a = np(v[1]).filter("shape");
            String b = np(v[2]).filter("shape");
            return a != null && b != null && !a.equals(b) && np(v[1]).simple() && np(v[2]).simple()
                    && np(v[0]).plural() ? new Sem.MostCommon("shape", np(v[0]).set()) : null;
        });
        // is the cube red? are all the cubes red? are any cubes red?
        g.rule(1, "(is|are) {np} [both|all|each] {pred}",
                v -> property(np(v[0]), pred(v[1])));
        g.rule(0, "(is|are) every {np} {pred}",
                v -> all(np(v[0]), pred(v[1])));
        g.rule(0, "(are|is) {np} all {pred}",
                v -> all(np(v[0]), pred(v[1])));
        // are all the cubes the same colour?
        String same = "([all] [of] the same {attr}|[all] (made of|made from|made out of) the same (material|materials)|all {attr}"
                + "|identical in {attr}|alike in {attr}|equal in {attr}|the same in {attr}|similar in {attr}|matching in {attr})";
        g.rule(0, "(are|is) {np} " + same + " [as each other|as one another|to each other|to one another]",
                v -> (np(v[0]).plural() || np(v[0]).determiner().equals("all")) && !np(v[0]).determiner().equals("any")
                        ? new Sem.AllSame(v.length > 1 && v[1] != null ? attr(v[1]) : "material", np(v[0]).set())
                        : null);
        g.rule(0, "(do|does) {np} [all] match [each other|one another] in {attr}",
                v -> np(v[0]).plural() || np(v[0]).determiner().equals("all")
                        ? new Sem.AllSame(attr(v[1]), np(v[0]).set()) : null);
        g.rule(0, "(do|does) {obj} and {obj} match [each other|one another] in {attr}",
                v -> new Sem.Equal(attr(v[2]), obj(v[0]), obj(v[1])));
        g.rule(0, "(do|does) {np} [all] (have|share) the same {attr} [as each other|as one another]",
                v -> np(v[0]).plural() || np(v[0]).determiner().equals("all")
                        ? new Sem.AllSame(attr(v[1]), np(v[0]).set()) : null);
        g.rule(0, "(is|are) the {attr} of {np} [all] the same",
                v -> np(v[1]).plural() ? new Sem.AllSame(attr(v[0]), np(v[1]).set()) : null);
        // are the balls all different colours? (as many colours as balls)
        g.rule(0, "(are|is) [all] [of] {np} [all] [of] (different|distinct|unique) {attrs}", v -> allDifferent(np(v[0]), attr(v[1])));
        g.rule(0, "(do|does) [all] [of] {np} [all] have (different|distinct|unique) {attrs}",
                v -> allDifferent(np(v[0]), attr(v[1])));
        // are any of the balls the same colour? (two of them share it)
        g.rule(0, "(are|is|do|does) (any|any two|two) [of] [the] {np} [both] [have|share] the same {attr}"
                        + " [as each other|as one another|to each other]",
                v -> np(v[0]).plural() || np(v[0]).determiner().equals("all") ? new Sem.Compare("less_than",
                        new Sem.CountDistinct(attr(v[1]), np(v[0]).set()), count(np(v[0]))) : null);
        g.rule(0, "(are|is) there (any|two) {np} (that are|that have|with|of|that share|sharing|having) the same [in] {attr}"
                        + " [as each other|as one another]",
                v -> np(v[0]).plural() ? new Sem.Compare("less_than",
                        new Sem.CountDistinct(attr(v[1]), np(v[0]).set()), count(np(v[0]))) : null);
        // is there a cube and a cylinder that are the same material? (some value of the first is one of the second:
        // the values of both together are fewer than the values of each added)
        g.rule(0, "(is|are) there {np} and {np} (that are|that have|that share|with|of|made of|made from|sharing|having"
                        + "|which are|which have) the same {attr}",
                v -> {
                    NounPhrase a = np(v[0]);
                    NounPhrase b = np(v[1]);
                    if (!setLike(a) || !setLike(b) || a.plural() || b.plural()) {
                        return null;
                    }
                    String at = attr(v[2]);
                    Sem.Answer union = new Sem.CountDistinct(at, new Sem.Union(a.set(), b.set()));
                    return new Sem.Compare("greater_than", new Sem.CountDistinct(at, a.set()),
                            new Sem.Subtract(union, new Sem.CountDistinct(at, b.set())));
                });
        // is the blue object the only metallic one? (every metal object is the blue one)
        g.rule(0, "(is|are) {obj} the only {np}", v -> {
            NounPhrase only = np(v[1]);
            if (!only.determiner().isEmpty() || only.plural()) {
                return null;
            }
            Sem.SetE ys = only.set();
            return new Sem.Compare("equal_integer", new Sem.Count(ys),
                    new Sem.Count(new Sem.Intersect(ys, obj(v[0]).set())));
        });
        // is the colour of the leftmost object red? is the shape of the big thing a cube?
        g.rule(0, "(is|are) the {attr} of {np} [a|an] {val}", v -> {
            Map<String, String> val = val(v[2]);
            return val.size() == 1 && val.containsKey(attr(v[0])) ? property(np(v[1]), new Predicate.Values(val)) : null;
        });
        g.rule(0, "(is|are) the shape of {np} (a|an) {np}", v -> {
            NounPhrase shape = np(v[1]);
            String value = shape.filter("shape");
            return value == null || !shape.simple() || shape.filters().size() != 1 || !shape.determiner().isEmpty() ? null
                    : property(np(v[0]), new Predicate.Values(Map.of("shape", value)));
        });
        // is yellow the colour of the leftmost object?
        g.rule(0, "(is|are) {val} the {attr} of {np}", v -> property(np(v[2]), new Predicate.Values(val(v[0]))));
        // is the cube larger than the sphere?
        g.rule(0, "(is|are) {np} (larger|bigger|taller) than {np}",
                v -> definite(np(v[0])) && definite(np(v[1])) ? larger(np(v[0]), np(v[1]), true) : null);
        g.rule(0, "(is|are) {np} (smaller|tinier|shorter) than {np}",
                v -> definite(np(v[0])) && definite(np(v[1])) ? larger(np(v[0]), np(v[1]), false) : null);
    }

    private static void queries(ClevrGrammar g) {
        // what colour is the cube?
        g.rule(0, "(what|which) {attr} (is|are) {obj} [made of]", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(0, "what is the {attr} of {obj}", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(1, "what is {obj} {attr}", v -> new Sem.Query(attr(v[1]), obj(v[0])));
        g.rule(0, "{obj} (is|has) what {attr}", v -> new Sem.Query(attr(v[1]), obj(v[0])));
        g.rule(0, "{obj} is made of what [material]", v -> new Sem.Query("material", obj(v[0])));
        g.rule(0, "the {attr} of {obj} is what", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(0, "what {attr} does {obj} have", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(0, "what [material] is {obj} (made of|made out of|made from|composed of)",
                v -> new Sem.Query("material", obj(v[0])));
        g.rule(0, "(how big|how large|how small) is {obj}", v -> new Sem.Query("size", obj(v[0])));
        // is the cylinder metal or rubber?
        g.rule(0, "(is|are) {obj} [made of|a|an] {val} or [a|an] {val}", v -> {
            Map<String, String> a = val(v[1]);
            Map<String, String> b = val(v[2]);
            if (a.size() != 1 || b.size() != 1 || !a.keySet().equals(b.keySet()) || a.equals(b)) {
                return null;
            }
            return new Sem.Query(a.keySet().iterator().next(), obj(v[0]));
        });
        g.rule(0, "(is|are) {obj} (a|an) {np} or (a|an) {np}", v -> {
            String a = np(v[1]).filter("shape");
            String b = np(v[2]).filter("shape");
            return a != null && b != null && !a.equals(b) ? new Sem.Query("shape", obj(v[0])) : null;
        });
        // are the balls shiny or matte? (the value most of them have)
        g.rule(0, "(is|are) {np} [all|both] [made of|a|an] {val} or [a|an] {val}", v -> {
            NounPhrase np = np(v[0]);
            Map<String, String> a = val(v[1]);
            Map<String, String> b = val(v[2]);
            if (!(np.plural() || np.determiner().equals("all")) || a.size() != 1 || b.size() != 1
                    || !a.keySet().equals(b.keySet()) || a.equals(b)) {
                return null;
            }
            return new Sem.MostCommon(a.keySet().iterator().next(), np.set());
        });
        // is the red or the green sphere bigger? (the colour of the one that is)
        g.rule(0, "(is|are) the {val} or [the] {val} {np} {pred}", v -> {
            Map<String, String> a = val(v[0]);
            Map<String, String> b = val(v[1]);
            NounPhrase np = np(v[2]);
            if (a.size() != 1 || b.size() != 1 || !a.keySet().equals(b.keySet()) || a.equals(b)
                    || !np.determiner().isEmpty() || np.plural()) {
                return null;
            }
            String attribute = a.keySet().iterator().next();
            NounPhrase both = np;
            Sem.SetE union = new Sem.Union(np.withFilter(attribute, a.get(attribute)).set(),
                    np.withFilter(attribute, b.get(attribute)).set());
            both = NounPhrase.start("the", false, -1).withNoun(null, false).withRestriction(union);
            NounPhrase x = Predicate.apply(both, pred(v[3]));
            return x == null ? null : new Sem.Query(attribute, x.object());
        });
        g.rule(1, "(what|which) {attr} (are|is) {np} mostly", v -> np(v[1]).plural()
                ? new Sem.MostCommon(attr(v[0]), np(v[1]).set()) : null);
        // what colour object is farthest right? what shape is behind the cube?
        g.rule(0, "(what|which) {attr} {np} (is|are) {pred}", v -> {
            NounPhrase np = np(v[1]);
            if (!np.determiner().isEmpty()) {
                return null;
            }
            NounPhrase x = Predicate.apply(np, pred(v[2]));
            return x == null ? null : new Sem.Query(attr(v[0]), x.object());
        });
        g.rule(0, "(what|which) {attr} {np} (has|have) the same {attr} as {obj}", v -> {
            NounPhrase np = np(v[1]);
            if (!np.determiner().isEmpty()) {
                return null;
            }
            NounPhrase x = np.withRestriction(new Sem.Same(obj(v[3]), attr(v[2])));
            return new Sem.Query(attr(v[0]), x.object());
        });
        g.rule(1, "(what|which) {attr} (is|are) {pred}", v -> {
            NounPhrase x = Predicate.apply(thing(), pred(v[1]));
            return x == null ? null : new Sem.Query(attr(v[0]), x.object());
        });
        g.rule(0, "(what|which) {attr} (has|have) the same {attr} as {obj}",
                v -> new Sem.Query(attr(v[0]), new Sem.ObjE(new Sem.Same(obj(v[2]), attr(v[1])))));
        // which coloured cube is the largest?
        for (String[] form : new String[][] {{"colored", "color"}, {"coloured", "color"}, {"shaped", "shape"},
                {"sized", "size"}}) {
            g.rule(0, "(what|which) " + form[0] + " {np} (is|are) {pred}", v -> {
                NounPhrase np = np(v[0]);
                if (!np.determiner().isEmpty()) {
                    return null;
                }
                NounPhrase x = Predicate.apply(np, pred(v[1]));
                return x == null ? null : new Sem.Query(form[1], x.object());
            });
        }
        // what object other than balls is there?
        g.rule(2, "(what|which) {np} (is|are) there", v -> {
            NounPhrase np = np(v[0]);
            return np.determiner().isEmpty() && !np.hasFilter("shape") ? new Sem.Query("shape", np.object()) : null;
        });
        // what is the object behind the cube? (its shape)
        g.rule(2, "(what|which) (object|shape|thing|item|one) (is|are) {pred}", v -> {
            NounPhrase x = Predicate.apply(thing(), pred(v[0]));
            return x == null ? null : new Sem.Query("shape", x.object());
        });
        g.rule(3, "what is {obj}", v -> new Sem.Query("shape", obj(v[0])));
        g.rule(3, "what is {pred}", v -> {
            NounPhrase x = Predicate.apply(thing(), pred(v[0]));
            return x == null ? null : new Sem.Query("shape", x.object());
        });
        // which cylinder is rubber and small? (the shape given, its colour)
        g.rule(2, "(what|which) {np} (is|are) {pred}", v -> {
            NounPhrase np = np(v[0]);
            if (!np.determiner().isEmpty() || !np.hasFilter("shape") || np.hasFilter("color") || np.plural()) {
                return null;
            }
            NounPhrase x = Predicate.apply(np, pred(v[1]));
            return x == null ? null : new Sem.Query("color", x.object());
        });
        // how many balls or cylinders are green?
        g.rule(1, HOW_MANY + " {np} (or|and) {np} [are there|is there|exist|are|there are]", v -> {
            NounPhrase a = np(v[0]);
            NounPhrase b = np(v[1]);
            return a.plural() && b.plural() && a.determiner().isEmpty() && b.determiner().isEmpty()
                    ? new Sem.Count(new Sem.Union(a.set(), b.set())) : null;
        });
        g.rule(1, HOW_MANY + " {np} (or|and) {np} (are|is) {pred}", v -> {
            NounPhrase a = np(v[0]);
            NounPhrase b = np(v[1]);
            if (!a.plural() || !b.plural() || !a.determiner().isEmpty() || !b.determiner().isEmpty()) {
                return null;
            }
            return count(NounPhrase.of(new Sem.Union(a.set(), b.set()), true), pred(v[2]));
        });
        // which red shape is not a sphere? (its shape)
        g.rule(1, "(what|which) {np} (is|are) {pred}", v -> {
            NounPhrase np = np(v[0]);
            if (!np.determiner().isEmpty() || np.hasFilter("shape") || np.plural()) {
                return null;
            }
            NounPhrase x = Predicate.apply(np, pred(v[1]));
            return x == null ? null : new Sem.Query("shape", x.object());
        });
        // which of the red objects is not shiny? (its shape) what colour of the cubes is left of the ball?
        g.rule(1, "(which|what) [one] of the {np} (is|are) {pred}", v -> oneOf("shape", np(v[0]), pred(v[1])));
        g.rule(0, "(what|which) {attr} (of|among) the {np} (is|are) {pred}",
                v -> oneOf(attr(v[0]), np(v[1]), pred(v[2])));
        // what colour is shared by the two cylinders? (the value they have)
        g.rule(0, "(what|which) {attr} (is|are) shared by {np}", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && !np.determiner().equals("all") ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        g.rule(0, "which is the {attr} of {obj}", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        // what colour are the cubes? what is the most common shape?
        g.rule(1, "(what|which) is the {attr} of {np}", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        g.rule(1, "what (are|is) {np} (made of|made out of|made from)", v -> {
            NounPhrase np = np(v[0]);
            return np.plural() ? new Sem.MostCommon("material", np.set()) : null;
        });
        g.rule(1, "{np} (are|is) [all] what {attr}", v -> {
            NounPhrase np = np(v[0]);
            return np.plural() || np.determiner().equals("all") ? new Sem.MostCommon(attr(v[1]), np.set()) : null;
        });
        g.rule(1, "(what|which) {attr} (is|are) {np} [made of]", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && !np.determiner().equals("a") ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        String mostCommon = "(most common|most frequent|predominant|dominant|dominate|prevalent|most popular|most prominent"
                + "|most numerous|most abundant|majority|most prevalent|most dominant|most predominant|most represented"
                + "|most frequently seen|most often seen|most seen|most used)";
        g.rule(0, "what is the " + mostCommon + " {attr}",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "what is the " + mostCommon + " {attr} (of|among|in) [the] {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "what is the " + mostCommon + " {attr} of {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "(what|which) {attr} (is|are|appears|appear|occurs|occur|shows up|show up|show|shows|is seen|is there"
                        + "|is used|do you see|is represented|is show) [the] most [often|frequently|commonly|times]"
                        + " [represented|seen|shown|used|found]",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|are) [the] most (often|frequently|commonly) (represented|seen|shown|used"
                        + "|found)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|are) [the] most (represented|seen|shown|used|found)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|appears|occurs) [the] (most common|most frequent|most often|most frequently"
                        + "|most prevalent|predominant|dominant|prevalent|most popular|most numerous|most prominent"
                        + "|most abundant|most dominant|most represented)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        // which colour is on the most objects? which shape is there more of?
        g.rule(0, "(what|which) {attr} (is|appears|occurs) (on|in|among) the most (objects|things|items|shapes)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} [of object|of objects|of thing|of things] (is|are) there (the most|more) of",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|are) [the] (most common|most frequent|most prevalent|predominant|dominant)"
                        + " (among|of|for) [the] {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "(what|which) {attr} (are|is) (most|the majority) of [the] {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "(what|which) {attr} (do|does) (most|the majority) of [the] {np} have",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "(what|which) {attr} are most {np}",
                v -> np(v[1]).plural() ? new Sem.MostCommon(attr(v[0]), np(v[1]).set()) : null);
        g.rule(0, "(what|which) {attr} (has|have) the most (objects|things|items|shapes)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|are) there [the] most of", v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "(what|which) {attr} (is|are) there more of", v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene()));
        g.rule(0, "what is the {attr} of (most|the majority) of [the] {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        g.rule(0, "(most|the majority) of the {np} are (what|which) {attr}",
                v -> new Sem.MostCommon(attr(v[1]), np(v[0]).set()));
        // which colour has the most cubes? which shape is seen the most among the large objects?
        g.rule(0, "(what|which) {attr} (has|have) the (most|greatest number of|largest number of) {np}", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && np.determiner().isEmpty() ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        g.rule(0, "(what|which) {attr} (has|have) the (fewest|least|smallest number of) {np}", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && np.determiner().isEmpty() ? new Sem.MostCommon(attr(v[0]), np.set(), true) : null;
        });
        g.rule(0, "(what|which) {attr} (is|are|appears|appear|occurs|occur) [represented|seen|shown|used|found] [the]"
                        + " most [often|frequently|commonly] (among|of|in|for) [the] {np}",
                v -> np(v[1]).plural() ? new Sem.MostCommon(attr(v[0]), np(v[1]).set()) : null);
        g.rule(0, "(what|which) {attr} (is|are|appears|appear|occurs|occur) [represented|seen|shown|used|found] [the]"
                        + " (least|fewest) [often|frequently|commonly] (among|of|in|for) [the] {np}",
                v -> np(v[1]).plural() ? new Sem.MostCommon(attr(v[0]), np(v[1]).set(), true) : null);
        g.rule(0, "what is the {attr} [that is] shared by {obj} and {obj}",
                v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(0, "what is the {attr} [that is] shared by {np}", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && !np.determiner().equals("all") ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        // which shape occurs the least? what is the least common colour?
        String leastCommon = "(least common|least frequent|least popular|least prevalent|least represented|rarest"
                + "|least numerous|least used|least seen)";
        g.rule(0, "what is the " + leastCommon + " {attr}",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(0, "what is the " + leastCommon + " {attr} (of|among|in) [the] {np}",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set(), true));
        g.rule(0, "(what|which) {attr} (is|are|appears|appear|occurs|occur|shows up|show up|is seen|is there|is used"
                        + "|is represented) [the] (least|fewest) [often|frequently|commonly|times|number of times]"
                        + " [represented|seen|shown|used|found]",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(0, "(what|which) {attrs} (is|are|appears|appear|occurs|occur|show up|shows up) [the] (least|fewest)"
                        + " [often|frequently|commonly]",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(1, "(what|which) is the {attr} that [only] (occurs|appears|shows up|is seen|is used) (once|one time)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        // what colour only appears once? what shape is only on one object? (the one value of a single object)
        g.rule(1, "(what|which) {attr} [object|thing|item|shape] [only] (is|appears|occurs|shows up|is seen|is represented"
                        + "|is found|is used) [only] (once|one time|(on|in|by|for) [only] (one|1|a single)"
                        + " (object|item|thing|shape))",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(1, "(what|which) {attr} is there only (one|1) of",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(1, "what is there only (one|1) {attr} of",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(0, "(what|which) {attr} (is|appears|occurs) [the] " + leastCommon,
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(0, "(what|which) {attr} (is|are) there [the] (least|fewest) of",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        g.rule(0, "(what|which) {attr} (has|have) the (fewest|least) (objects|things|items|shapes)",
                v -> new Sem.MostCommon(attr(v[0]), new Sem.Scene(), true));
        // what colour are the large cube and the small ball? (the value they share: the first one's)
        g.rule(1, "(what|which) {attr} (is|are) {obj} and {obj}", v -> new Sem.Query(attr(v[0]), obj(v[1])));
        // most of the objects have what colour?
        g.rule(0, "(most|the majority) [of] {np} (have|are|is|has) [made of] what [kind of|type of] {attr}",
                v -> np(v[0]).plural() ? new Sem.MostCommon(attr(v[1]), np(v[0]).set()) : null);
        g.rule(0, "(what|which) {attr} (are|is) (most|the majority) of [the] {np} made of",
                v -> new Sem.MostCommon(attr(v[0]), np(v[1]).set()));
        // what colour do the two cylinders share? (the value they have)
        g.rule(0, "(what|which) {attr} (do|does) {np} [all] (share|have in common|have)", v -> {
            NounPhrase np = np(v[1]);
            return np.plural() && (np.determiner().equals("the") || np.determiner().equals("all"))
                    ? new Sem.MostCommon(attr(v[0]), np.set()) : null;
        });
        // what colour do the cube and the ball share?
        g.rule(0, "(what|which) {attr} (do|does) {obj} and {obj} (share|have in common)",
                v -> new Sem.Query(attr(v[0]), obj(v[1])));
        g.rule(0, "(what|which) {attr} is shared by {obj} and {obj}",
                v -> new Sem.Query(attr(v[0]), obj(v[1])));
    }

    /**
     * "Is the cube the same colour as any of the spheres?" (some of them share its value), "... as the spheres"
     * and "... as both spheres" (all of them do).
     */
    private static Sem.Answer sameAsSeveral(Sem.ObjE x, String attribute, NounPhrase ys, boolean some) {
        if (!ys.plural() || ys.determiner().equals("a") || ys.extreme() != null || ys.near() != null) {
            return null;
        }
        // "as the other cubes": the others, whether or not the question says "other"
        ys = ys.withExclusion(x.set());
        some |= ys.determiner().equals("any");
        Sem.SetE sharing = new Sem.Intersect(ys.set(), new Sem.Same(x, attribute));
        return some ? new Sem.Exist(sharing) : new Sem.Compare("equal_integer", new Sem.Count(sharing), count(ys));
    }

    private static void comparisons(ClevrGrammar g) {
        // is the cube the same colour as any of the spheres? as the spheres? as both spheres?
        String some = "(any|either|one|some|at least one)";
        String sameAs = "((is|are) {obj} [of] the same {attr} as|(does|do) {obj} (have|share) the same {attr} as)";
        g.rule(0, sameAs + " " + some + " of {np}", v -> sameAsSeveral(obj(v[0]), attr(v[1]), np(v[2]), true));
        g.rule(0, sameAs + " {np}", v -> np(v[2]).determiner().equals("other") ? null
                : sameAsSeveral(obj(v[0]), attr(v[1]), np(v[2]), false));
        g.rule(0, sameAs + " (all|both|each) [of] {np}", v -> sameAsSeveral(obj(v[0]), attr(v[1]), np(v[2]), false));
        g.rule(0, "(is|are) {obj} (made of|made from|made out of) the same material as " + some + " of {np}",
                v -> sameAsSeveral(obj(v[0]), "material", np(v[1]), true));
        // is the cube a different colour than the ball? (none of the objects sharing its colour is the ball)
        g.rule(0, "(is|are) {obj} [made of|made from|made out of] [of] [a|an] different {attr} (than|from|to) {obj}", v -> {
            Sem.SetE shared = new Sem.Intersect(new Sem.Same(obj(v[2]), attr(v[1])), obj(v[0]).set());
            return new Sem.Compare("equal_integer", new Sem.Count(shared), new Sem.Number(0));
        });
        // is the cube the same colour as the ball?
        g.rule(0, "(is|are) {obj} [of] the same {attr} (as|that) {obj} [is]", v -> new Sem.Equal(attr(v[1]), obj(v[0]), obj(v[2])));
        g.rule(0, "(does|do) {obj} have the same {attr} as {obj}", v -> new Sem.Equal(attr(v[1]), obj(v[0]), obj(v[2])));
        g.rule(0, "(does|do) {obj} share [the same|its|a] {attr} (with|as) {obj}",
                v -> new Sem.Equal(attr(v[1]), obj(v[0]), obj(v[2])));
        g.rule(0, "(do|does) {obj} and {obj} (have|share) the same {attr}",
                v -> new Sem.Equal(attr(v[2]), obj(v[0]), obj(v[1])));
        g.rule(0, "(are|is) {obj} and {obj} [both] [of] the same {attr}", v -> new Sem.Equal(attr(v[2]), obj(v[0]), obj(v[1])));
        g.rule(0, "(are|is) {obj} and {obj} (equal|identical|alike|the same) in {attr}",
                v -> new Sem.Equal(attr(v[2]), obj(v[0]), obj(v[1])));
        g.rule(0, "(are|is) {obj} and {obj} (made of|made from|made out of) the same (material|materials)", v -> new Sem.Equal("material", obj(v[0]), obj(v[1])));
        g.rule(0, "(are|is) {obj} and {obj} [both] (made of|made from|made out of) the same [material]",
                v -> new Sem.Equal("material", obj(v[0]), obj(v[1])));
        g.rule(0, "(is|are) {obj} (made of|made from|made out of) the same material as {obj}", v -> new Sem.Equal("material", obj(v[0]), obj(v[1])));
        g.rule(0, "(is|are) the {attr} of {obj} the same as [the {attr} of] {obj}",
                v -> new Sem.Equal(attr(v[0]), obj(v[1]), obj(v[v.length - 1])));
        g.rule(0, "(is|are) {obj} as (big|large|small) as {obj}", v -> new Sem.Equal("size", obj(v[0]), obj(v[1])));
        g.rule(0, "{obj} and {obj} (are|have) the same {attr}", v -> new Sem.Equal(attr(v[2]), obj(v[0]), obj(v[1])));
        // are there more cubes than spheres?
        g.rule(0, "(are|is) there more {np} than [there are] {np}", v -> compare("greater_than", np(v[0]), np(v[1])));
        g.rule(0, "(are|is) there more {np} than [there are] {np} and {np}", v -> {
            NounPhrase a = np(v[0]);
            NounPhrase b = np(v[1]);
            NounPhrase c = np(v[2]);
            if (!setLike(a) || !setLike(b) || !setLike(c) || !b.plural() || !c.plural()) {
                return null;
            }
            return new Sem.Compare("greater_than", count(a), new Sem.Count(new Sem.Union(b.set(), c.set())));
        });
        g.rule(0, "(are|is) there (fewer|less) {np} than [there are] {np}", v -> compare("less_than", np(v[0]), np(v[1])));
        g.rule(0, "(are|is) there [an|the] (equal number|same number|equal numbers|same amount|equal amount|equal amounts"
                        + "|same quantity|equal quantity) of {np} (and|as|to) [there are|there is] {np}",
                v -> compare("equal_integer", shared(np(v[0]), np(v[1])), np(v[1])));
        g.rule(0, "(are|is) there as many {np} as [there are] {np}", v -> compare("equal_integer", np(v[0]), np(v[1])));
        g.rule(0, "(is|are) the (number|amount|quantity|count) of {np} (greater|more|larger|bigger|higher) than the"
                        + " (number|amount|quantity|count) of {np}",
                v -> compare("greater_than", np(v[0]), np(v[1])));
        g.rule(0, "(is|are) the (number|amount|quantity|count) of {np} (less|fewer|smaller|lower) than the"
                        + " (number|amount|quantity|count) of {np}",
                v -> compare("less_than", np(v[0]), np(v[1])));
        g.rule(0, "(is|are) the (number|amount|quantity|count) of {np} (the same as|equal to) the"
                        + " (number|amount|quantity|count) of {np}",
                v -> compare("equal_integer", np(v[0]), np(v[1])));
        g.rule(0, "(do|does) {np} outnumber {np}", v -> compare("greater_than", np(v[0]), np(v[1])));
        g.rule(0, "(are|is) {np} more (common|numerous|frequent|prevalent) than {np}",
                v -> compare("greater_than", np(v[0]), np(v[1])));
        g.rule(0, "(are|is) {np} (less|fewer) (common|numerous|frequent|prevalent) than {np}",
                v -> compare("less_than", np(v[0]), np(v[1])));
        // are there more cubes or spheres?
        g.rule(0, "(are|is) there more {np} or [more] {np}", v -> moreOf(np(v[0]), np(v[1])));
        g.rule(0, "(are|is) there more {np} or (are|is) there more {np}", v -> moreOf(np(v[0]), np(v[1])));
        g.rule(0, "(which|what) (is|are) more (common|numerous|frequent) {np} or {np}", v -> moreOf(np(v[0]), np(v[1])));
    }
}
