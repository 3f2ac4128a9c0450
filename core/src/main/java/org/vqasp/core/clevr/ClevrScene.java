package org.vqasp.core.clevr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CLEVR scene in the released v1.0 layout.
 *
 * <p>{@code relationships.get("left").get(i)} lists the objects that are left of object {@code i}, as in
 * the released files; the same holds for {@code right}, {@code front} and {@code behind}.
 *
 * @param split the split name, such as {@code "val"}
 * @param imageIndex the image index
 * @param imageFilename the image file name, such as {@code CLEVR_val_000000.png}
 * @param objects the objects, in the order the relationships index them
 * @param relationships for each relation, for each object, the objects in that relation to it
 * @param directions the unit vectors of the four directions on the ground plane (may be empty)
 */
public record ClevrScene(
        String split,
        int imageIndex,
        String imageFilename,
        List<ClevrObject> objects,
        Map<String, List<List<Integer>>> relationships,
        Map<String, Vec3> directions) {

    /** The four CLEVR relations, in the order the released files list them. */
    public static final List<String> RELATIONS = List.of("right", "behind", "front", "left");

    /** Checks that every relationship list has one entry per object and indexes existing objects. */
    public ClevrScene {
        Objects.requireNonNull(objects, "objects");
        objects = List.copyOf(objects);
        relationships = relationships == null ? Map.of() : Map.copyOf(relationships);
        directions = directions == null ? Map.of() : Map.copyOf(directions);
        for (Map.Entry<String, List<List<Integer>>> e : relationships.entrySet()) {
            if (e.getValue().size() != objects.size()) {
                throw new IllegalArgumentException("relationships \"" + e.getKey() + "\" has " + e.getValue().size()
                        + " lists for " + objects.size() + " objects");
            }
            for (List<Integer> others : e.getValue()) {
                for (int j : others) {
                    if (j < 0 || j >= objects.size()) {
                        throw new IllegalArgumentException("relationships \"" + e.getKey() + "\" names object " + j
                                + " of " + objects.size());
                    }
                }
            }
        }
    }
}
