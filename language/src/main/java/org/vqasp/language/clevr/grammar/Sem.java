package org.vqasp.language.clevr.grammar;

/**
 * What a CLEVR question means, as the grammar reads it: set, object and answer expressions that
 * {@link ProgramCompiler} turns into a program of CLEVR functions (and the extension functions).
 */
sealed interface Sem {

    /** An expression whose value is a set of objects. */
    sealed interface SetE extends Sem permits Scene, Filter, Relate, Same, Union, Intersect, Exclude, Extreme,
            Nearest, Between, Unmatched, Identical {
    }

    /** All objects of the scene. */
    record Scene() implements SetE {
    }

    /** The objects of {@code in} whose {@code attribute} is {@code value}. */
    record Filter(SetE in, String attribute, String value) implements SetE {
    }

    /** The objects in relation {@code relation} (left, right, behind, front) to one object. */
    record Relate(ObjE of, String relation) implements SetE {
    }

    /** The other objects sharing an attribute value with one object. */
    record Same(ObjE of, String attribute) implements SetE {
    }

    /** The objects in either set. */
    record Union(SetE a, SetE b) implements SetE {
    }

    /** The objects in both sets. */
    record Intersect(SetE a, SetE b) implements SetE {
    }

    /** The objects of {@code a} that are not in {@code b} (extension function {@code exclude}). */
    record Exclude(SetE a, SetE b) implements SetE {
    }

    /** The object of a set farthest in a direction, as a set of one (extension function {@code extreme}). */
    record Extreme(SetE in, String direction) implements SetE {
    }

    /**
     * The object of a set nearest to another object, or when {@code far} the farthest from it, as a set of one
     * (extension functions {@code nearest}, {@code farthest}).
     */
    record Nearest(SetE in, ObjE to, boolean far) implements SetE {
    }

    /**
     * The members of a set no other member shares the value of an attribute with (extension function
     * {@code unmatched}); a null attribute is the one the question asks for ("what shape is different?"), else
     * the shape.
     */
    record Unmatched(SetE in, String attribute) implements SetE {
    }

    /**
     * The members of a set another member matches in size, colour, material and shape (extension function
     * {@code identical}).
     */
    record Identical(SetE in) implements SetE {
    }

    /** The objects between the two members of a set (extension function {@code between}). */
    record Between(SetE ends) implements SetE {
    }

    /** An expression whose value is one object: the only member of a set. */
    record ObjE(SetE set) implements Sem {
    }

    /** An expression whose value answers a question. */
    sealed interface Answer extends Sem permits Count, Exist, Query, Equal, Compare, CountDistinct, MostCommon,
            Subtract, AllSame, Number {
        /** Returns the type of the answer: {@code integer}, {@code bool}, or an attribute name. */
        String type();
    }

    /** How many objects a set has. */
    record Count(SetE set) implements Answer {
        @Override
        public String type() {
            return "integer";
        }
    }

    /** Whether a set has any object. */
    record Exist(SetE set) implements Answer {
        @Override
        public String type() {
            return "bool";
        }
    }

    /** An attribute of one object. */
    record Query(String attribute, ObjE of) implements Answer {
        @Override
        public String type() {
            return attribute;
        }
    }

    /** Whether two objects share an attribute value. */
    record Equal(String attribute, ObjE a, ObjE b) implements Answer {
        @Override
        public String type() {
            return "bool";
        }
    }

    /** A comparison of two integers: {@code equal_integer}, {@code less_than} or {@code greater_than}. */
    record Compare(String function, Answer a, Answer b) implements Answer {
        @Override
        public String type() {
            return "bool";
        }
    }

    /** How many values of an attribute a set shows (extension function {@code count_distinct}). */
    record CountDistinct(String attribute, SetE set) implements Answer {
        @Override
        public String type() {
            return "integer";
        }
    }

    /**
     * The value of an attribute most objects of a set have, or when {@code least} the fewest (extension functions
     * {@code most_common}, {@code least_common}).
     */
    record MostCommon(String attribute, SetE set, boolean least) implements Answer {
        MostCommon(String attribute, SetE set) {
            this(attribute, set, false);
        }

        @Override
        public String type() {
            return attribute;
        }
    }

    /** One integer minus another (extension function {@code subtract}). */
    record Subtract(Answer a, Answer b) implements Answer {
        @Override
        public String type() {
            return "integer";
        }
    }

    /** Whether every object of a set has the same value of an attribute (extension function {@code all_same}). */
    record AllSame(String attribute, SetE set) implements Answer {
        @Override
        public String type() {
            return "bool";
        }
    }

    /** An integer the question gives ("more than one cube"), 0 to 10 (extension function {@code number}). */
    record Number(int n) implements Answer {
        @Override
        public String type() {
            return "integer";
        }
    }
}
