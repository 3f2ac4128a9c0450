package org.vqasp.world.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The value of one step of a CLEVR program: a set of objects, one object, a count, a truth value or an
 * attribute value. {@link #answer()} gives it in the released answer form ({@code "yes"}, {@code "3"},
 * {@code "large"}).
 */
public sealed interface ProgramValue {

    /** Returns the value as a CLEVR answer string. */
    String answer();

    /**
     * A set of scene objects, as a bit mask over object indices (scenes have at most 64 objects).
     *
     * @param members bit {@code i} is set when object {@code i} is in the set
     */
    record ObjectSet(long members) implements ProgramValue {

        /** The empty set. */
        public static final ObjectSet EMPTY = new ObjectSet(0L);

        /** Returns the number of objects. */
        public int size() {
            return Long.bitCount(members);
        }

        /** Returns whether object {@code i} is in the set. */
        public boolean contains(int i) {
            return (members >>> i & 1L) != 0;
        }

        /** Returns the object indices in increasing order. */
        public List<Integer> indices() {
            List<Integer> out = new ArrayList<>(size());
            for (long m = members; m != 0; m &= m - 1) {
                out.add(Long.numberOfTrailingZeros(m));
            }
            return out;
        }

        /** Returns the indices, as in {@code [0, 3, 4]}. */
        @Override
        public String answer() {
            return indices().toString();
        }
    }

    /**
     * One scene object.
     *
     * @param index the object's index in the scene
     */
    record SceneObject(int index) implements ProgramValue {
        @Override
        public String answer() {
            return "object " + index;
        }
    }

    /**
     * A count.
     *
     * @param value the number
     */
    record Count(int value) implements ProgramValue {

        private static final String[] SMALL = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};

        @Override
        public String answer() {
            return value >= 0 && value < SMALL.length ? SMALL[value] : Integer.toString(value);
        }
    }

    /**
     * A truth value, answered {@code yes} or {@code no}.
     *
     * @param value the truth value
     */
    record Bool(boolean value) implements ProgramValue {
        @Override
        public String answer() {
            return value ? "yes" : "no";
        }
    }

    /**
     * An attribute value, such as {@code large} or {@code cube}.
     *
     * @param value the value
     */
    record Attribute(String value) implements ProgramValue {
        /** Checks the value. */
        public Attribute {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String answer() {
            return value;
        }
    }
}
