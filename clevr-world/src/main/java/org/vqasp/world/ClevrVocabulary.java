package org.vqasp.world;

import java.util.List;
import java.util.Map;

/** CLEVR's attribute values in the order the model's outputs use. */
public final class ClevrVocabulary {

    /** The four attributes, in output order. */
    public static final List<String> ATTRIBUTES = List.of("shape", "color", "material", "size");

    /** Shapes. */
    public static final List<String> SHAPES = List.of("cube", "sphere", "cylinder");

    /** Colours. */
    public static final List<String> COLORS =
            List.of("gray", "red", "blue", "green", "brown", "purple", "cyan", "yellow");

    /** Materials. */
    public static final List<String> MATERIALS = List.of("rubber", "metal");

    /** Sizes. */
    public static final List<String> SIZES = List.of("large", "small");

    /** Values per attribute, in {@link #ATTRIBUTES} order. */
    public static final List<List<String>> VALUES = List.of(SHAPES, COLORS, MATERIALS, SIZES);

    /** Half-height (and centre height) of an object by size, in Blender units. */
    public static final Map<String, Double> SIZE_RADIUS = Map.of("large", 0.7, "small", 0.35);

    private ClevrVocabulary() {
    }

    /** Returns the index of a value of an attribute, or throws naming both. */
    public static int index(int attribute, String value) {
        int i = VALUES.get(attribute).indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("unknown " + ATTRIBUTES.get(attribute) + " \"" + value + "\"");
        }
        return i;
    }
}
