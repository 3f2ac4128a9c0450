package org.vqasp.core.gqa;

import java.util.List;
import java.util.Objects;

/**
 * An object of a GQA scene graph, in the released layout.
 *
 * @param id the object id (unique within its image)
 * @param name the class name as annotated, such as {@code "license plate"} or {@code "trees"}
 * @param x left edge of the bounding box, in pixels
 * @param y top edge of the bounding box, in pixels
 * @param w width of the bounding box
 * @param h height of the bounding box
 * @param attributes attribute values, such as {@code "white"} or {@code "wood"}
 * @param relations outgoing relations (this object is their subject)
 */
public record GqaObject(String id, String name, int x, int y, int w, int h, List<String> attributes,
        List<GqaRelation> relations) {

    /** Checks and copies the fields. */
    public GqaObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("object " + id + ": name is blank");
        }
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("object " + id + ": negative box size " + w + "x" + h);
        }
        attributes = List.copyOf(attributes);
        relations = List.copyOf(relations);
    }
}
