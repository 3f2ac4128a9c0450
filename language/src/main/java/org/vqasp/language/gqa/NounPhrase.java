package org.vqasp.language.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A noun phrase of a GQA question as the parser reads it: the objects it names, the attributes that narrow them
 * ({@code the white wall}, {@code the shirt that is not short sleeved}) and at most one relation to another noun
 * phrase ({@code the bottle near the label}, {@code the hat the man is wearing}).
 *
 * <p>Its program is the other phrase's program, then a {@code relate} to this phrase's name (or a {@code select}
 * of it when there is no relation), then one {@code filter} per attribute, in the order read.
 *
 * @param name the name the program writes ({@code "wall"}, {@code "furniture"}, {@code "she"}), {@code "_"} for
 *     "what" and "something"
 * @param kind what kind of name it is
 * @param filters the attributes, in the order read
 * @param link the relation to another phrase, or null
 * @param unknown words read as a name although the lexicon does not know them
 */
record NounPhrase(String name, Kind kind, List<Filter> filters, Link link, int unknown) {

    /** What a phrase's name is. */
    enum Kind {
        /** A name of GQA's scene graphs, or a synonym of one. */
        OBJECT,
        /** A super-class of the class hierarchy ({@code furniture}, {@code animal}). */
        CLASS,
        /** {@code he}, {@code she}, {@code this}. */
        PRONOUN,
        /** A word the lexicon does not know, read as a name. */
        UNKNOWN,
        /** "what", "something": any object ({@code _}). */
        ANY
    }

    /**
     * An attribute of a phrase.
     *
     * @param value the value the program writes ({@code "white"}, {@code "wood"})
     * @param categories the categories it may belong to, most likely first (empty: none is written)
     * @param negated true for {@code that is not white}
     */
    record Filter(String value, List<String> categories, boolean negated) {
        /** Checks the fields. */
        Filter {
            Objects.requireNonNull(value, "value");
            categories = List.copyOf(categories);
        }
    }

    /**
     * A relation to another phrase.
     *
     * @param relation the relation as the program writes it ({@code "to the left of"})
     * @param subject true when this phrase is the relation's subject ({@code the cup on the table}), false when
     *     it is its object ({@code the table the cup is on})
     * @param other the other phrase
     */
    record Link(String relation, boolean subject, NounPhrase other) {
        /** Checks the fields. */
        Link {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(other, "other");
        }
    }

    /** Checks the fields. */
    NounPhrase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        filters = List.copyOf(filters);
    }

    /** Returns a phrase naming any object: "what", "something". */
    static NounPhrase any() {
        return new NounPhrase("_", Kind.ANY, List.of(), null, 0);
    }

    /** Returns a phrase of a bare name. */
    static NounPhrase of(String name, Kind kind) {
        return new NounPhrase(name, kind, List.of(), null, 0);
    }

    /** Returns this phrase with more attributes. */
    NounPhrase withFilters(List<Filter> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Filter> all = new ArrayList<>(filters);
        all.addAll(more);
        return new NounPhrase(name, kind, all, link, unknown);
    }

    /** Returns this phrase related to another. */
    NounPhrase withLink(Link l) {
        return new NounPhrase(name, kind, filters, l, unknown + l.other().unknown());
    }

    /** Returns this phrase under another name (and kind). */
    NounPhrase named(String newName, Kind newKind) {
        return new NounPhrase(newName, newKind, filters, link, unknown);
    }

    /** Returns the number of words read as names the lexicon does not know, in this phrase and those it links. */
    int unknownWords() {
        return unknown;
    }
}
