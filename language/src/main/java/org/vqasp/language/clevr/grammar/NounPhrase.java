package org.vqasp.language.clevr.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * A noun phrase as the grammar builds it: the objects its clauses restrict to (relations, "same as", unions),
 * the objects excluded ("not green"), the attribute values its adjectives and noun ask for, and how it picks
 * one object (the extreme in a direction, the nearest to another object). {@link #set()} gives its objects in
 * the generator's order: restriction, exclusions, then the filters by size, colour, material and shape.
 *
 * @param restriction the set the clauses restrict to, or null for the whole scene
 * @param exclusions sets whose objects are left out
 * @param filters attribute and value pairs, in the order they were read
 * @param extreme the direction of a superlative ("leftmost": left), or null
 * @param near the object a "next to"/"closest to"/"farthest from" phrase names, or null
 * @param far whether the phrase picks the object farthest from {@code near} rather than nearest
 * @param plural whether the phrase is plural ("cubes", "the two spheres")
 * @param determiner the determiner: {@code the}, {@code a}, {@code any}, {@code other}, or empty
 * @param noun whether the phrase has a noun (not "the red")
 * @param clause whether the phrase has a relative clause (for attaching a later "and ...")
 * @param number the number a numeral determiner gave ("two cubes"), or -1
 * @param rank which extreme object: 1 for the leftmost, 2 for "the second from the left"
 */
record NounPhrase(Sem.SetE restriction, List<Sem.SetE> exclusions, List<String[]> filters, String extreme,
        Sem.ObjE near, boolean far, boolean plural, String determiner, boolean noun, boolean clause, int number, int rank) {

    /** A phrase with a determiner and nothing else yet. */
    static NounPhrase start(String determiner, boolean plural, int number) {
        return new NounPhrase(null, List.of(), List.of(), null, null, false, plural, determiner, false, false, number, 1);
    }

    /** The phrase for a set already built (a pronoun's referent). */
    static NounPhrase of(Sem.SetE set, boolean plural) {
        return new NounPhrase(set, List.of(), List.of(), null, null, false, plural, "the", true, false, -1, 1);
    }

    /** Returns the phrase with more attribute values asked for. */
    NounPhrase withFilter(String attribute, String value) {
        for (String[] f : filters) {
            if (f[0].equals(attribute) && f[1].equals(value)) {
                return this;
            }
        }
        List<String[]> f = new ArrayList<>(filters);
        f.add(new String[] {attribute, value});
        return new NounPhrase(restriction, exclusions, List.copyOf(f), extreme, near, far, plural, determiner, noun, clause,
                number, rank);
    }

    /** Returns the phrase restricted to a set as well. */
    NounPhrase withRestriction(Sem.SetE set) {
        Sem.SetE r = restriction == null ? set : new Sem.Intersect(restriction, set);
        return new NounPhrase(r, exclusions, filters, extreme, near, far, plural, determiner, noun, clause, number, rank);
    }

    /** Returns the phrase without the objects of a set. */
    NounPhrase withExclusion(Sem.SetE set) {
        List<Sem.SetE> e = new ArrayList<>(exclusions);
        e.add(set);
        return new NounPhrase(restriction, List.copyOf(e), filters, extreme, near, far, plural, determiner, noun, clause,
                number, rank);
    }

    /** Returns the phrase picking its extreme object in a direction, or null when it already picks one. */
    NounPhrase withExtreme(String direction) {
        if (extreme != null || near != null) {
            return null;
        }
        return new NounPhrase(restriction, exclusions, filters, direction, near, far, plural, determiner, noun, clause,
                number, rank);
    }

    /**
     * Returns the phrase picking its object nearest to (or, when {@code farthest}, farthest from) another, or null
     * when it already picks one.
     */
    NounPhrase withNear(Sem.ObjE to, boolean farthest) {
        if (extreme != null || near != null) {
            return null;
        }
        return new NounPhrase(restriction, exclusions, filters, extreme, to, farthest, plural, determiner, noun, clause,
                number, rank);
    }

    /** Returns the phrase with its noun: a shape (null for "thing") and whether it is plural. */
    NounPhrase withNoun(String shape, boolean pluralNoun) {
        NounPhrase p = new NounPhrase(restriction, exclusions, filters, extreme, near, far, pluralNoun || plural && number > 1,
                determiner, true, clause, number, rank);
        return shape == null ? p : p.withFilter("shape", shape);
    }

    /** Returns the phrase without a noun ("the red"), plural as its determiner says. */
    NounPhrase headless() {
        return new NounPhrase(restriction, exclusions, filters, extreme, near, far, plural, determiner, false, clause, number,
                rank);
    }

    /** Returns the phrase picking its {@code rank}-th extreme object ("the second from the left"). */
    NounPhrase withRank(int r) {
        return new NounPhrase(restriction, exclusions, filters, extreme, near, far, plural, determiner, noun, clause, number,
                r);
    }

    /** Returns the phrase for a set built from its own ("the cubes that are the same size"), as many and as determined. */
    NounPhrase over(Sem.SetE set) {
        return new NounPhrase(set, List.of(), List.of(), null, null, false, plural, determiner, noun, clause, number, 1);
    }

    /** Returns the phrase marked as having a relative clause. */
    NounPhrase withClause() {
        return new NounPhrase(restriction, exclusions, filters, extreme, near, far, plural, determiner, noun, true, number, rank);
    }

    /** Returns whether the phrase is only attribute values (no clause, exclusion or superlative). */
    boolean simple() {
        return restriction == null && exclusions.isEmpty() && extreme == null && near == null;
    }

    /** Returns whether the phrase asks for a value of the attribute. */
    boolean hasFilter(String attribute) {
        for (String[] f : filters) {
            if (f[0].equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the value asked for an attribute, or null. */
    String filter(String attribute) {
        for (String[] f : filters) {
            if (f[0].equals(attribute)) {
                return f[1];
            }
        }
        return null;
    }

    /** Returns the objects of the phrase. */
    Sem.SetE set() {
        Sem.SetE s = restriction == null ? new Sem.Scene() : restriction;
        for (Sem.SetE e : exclusions) {
            s = new Sem.Exclude(s, e);
        }
        for (String a : Lexicon.ATTRIBUTES) {
            for (String[] f : filters) {
                if (f[0].equals(a)) {
                    s = new Sem.Filter(s, a, f[1]);
                }
            }
        }
        if (near != null) {
            s = new Sem.Nearest(s, near, far);
        }
        if (extreme != null) {
            // the second from the left: the leftmost once the leftmost is left out
            for (int r = 1; r < rank; r++) {
                s = new Sem.Exclude(s, new Sem.Extreme(s, extreme));
            }
            s = new Sem.Extreme(s, extreme);
        }
        return s;
    }

    /** Returns the one object the phrase names. */
    Sem.ObjE object() {
        return new Sem.ObjE(set());
    }
}
