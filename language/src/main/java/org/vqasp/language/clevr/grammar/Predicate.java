package org.vqasp.language.clevr.grammar;

import java.util.Map;

/**
 * What a clause says of a noun phrase's objects ("red", "left of the cube", "the same colour as the ball",
 * "not metal", "farthest left"); {@link #apply} narrows a phrase by it.
 */
sealed interface Predicate {

    /** Attribute values ("red", "large metal", "a cube"). */
    record Values(Map<String, String> values) implements Predicate {
    }

    /** Membership of a set (a relation, "the same X as", a union). */
    record Restrict(Sem.SetE set) implements Predicate {
    }

    /** The negation of a predicate. */
    record Not(Predicate p) implements Predicate {
    }

    /** Both predicates. */
    record And(Predicate a, Predicate b) implements Predicate {
    }

    /** Either predicate. */
    record Or(Predicate a, Predicate b) implements Predicate {
    }

    /**
     * The extreme object in a direction ("farthest left"), or the {@code rank}-th ("second from the left").
     */
    record Extreme(String direction, int rank) implements Predicate {
        Extreme(String direction) {
            this(direction, 1);
        }
    }

    /** The object nearest to another ("next to the cube"), or farthest from it ("farthest from the cube"). */
    record Near(Sem.ObjE to, boolean far) implements Predicate {
        Near(Sem.ObjE to) {
            this(to, false);
        }
    }

    /**
     * The members of the phrase's set that no other member shares a value of the attribute with ("the one of a
     * different colour", "the only one of its shape"), or when {@code alone} is false those that do ("the two
     * cubes that are the same size"); a null attribute is the one the question asks for.
     */
    record Matched(String attribute, boolean alone) implements Predicate {
    }

    /**
     * The members of the phrase's set another member matches in every attribute ("the identical objects", "the
     * two cubes that are exactly alike").
     */
    record Identical() implements Predicate {
    }

    /** The two values of the attributes CLEVR has two of. */
    Map<String, Map<String, String>> COMPLEMENT = Map.of(
            "size", Map.of("large", "small", "small", "large"),
            "material", Map.of("metal", "rubber", "rubber", "metal"));

    /**
     * Narrows a noun phrase by a predicate.
     *
     * @return the narrowed phrase, or null when the predicate cannot apply (a second superlative)
     */
    static NounPhrase apply(NounPhrase np, Predicate p) {
        if (p instanceof Values v) {
            NounPhrase out = np;
            for (Map.Entry<String, String> e : v.values().entrySet()) {
                out = out.withFilter(e.getKey(), e.getValue());
            }
            return out;
        } else if (p instanceof Restrict r) {
            return np.withRestriction(r.set());
        } else if (p instanceof Not n) {
            if (n.p() instanceof Matched m) {
                return apply(np, new Matched(m.attribute(), !m.alone()));
            }
            if (n.p() instanceof Values v && v.values().size() == 1) {
                Map.Entry<String, String> e = v.values().entrySet().iterator().next();
                Map<String, String> flip = COMPLEMENT.get(e.getKey());
                if (flip != null) {
                    return np.withFilter(e.getKey(), flip.get(e.getValue()));
                }
            }
            Sem.SetE s = asSet(n.p());
            return s == null ? null : np.withExclusion(s);
        } else if (p instanceof And a) {
            NounPhrase first = apply(np, a.a());
            return first == null ? null : apply(first, a.b());
        } else if (p instanceof Or o) {
            Sem.SetE x = asSet(o.a());
            Sem.SetE y = asSet(o.b());
            return x == null || y == null ? null : np.withRestriction(new Sem.Union(x, y));
        } else if (p instanceof Matched m) {
            Sem.SetE set = np.set();
            Sem.SetE alone = new Sem.Unmatched(set, m.attribute());
            return np.over(m.alone() ? alone : new Sem.Exclude(set, alone));
        } else if (p instanceof Identical) {
            return np.over(new Sem.Identical(np.set()));
        } else if (p instanceof Extreme e) {
            NounPhrase x = np.withExtreme(e.direction());
            return x == null || e.rank() == 1 ? x : x.withRank(e.rank());
        } else {
            Near n = (Near) p;
            return np.withNear(n.to(), n.far());
        }
    }

    /** Returns the objects of the scene a predicate holds of, or null when it picks one object by position. */
    static Sem.SetE asSet(Predicate p) {
        NounPhrase np = apply(NounPhrase.start("", true, -1).withNoun(null, true), p);
        return np == null ? null : np.set();
    }
}
