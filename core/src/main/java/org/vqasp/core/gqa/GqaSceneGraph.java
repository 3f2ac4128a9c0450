package org.vqasp.core.gqa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The scene graph of one GQA image, in the released layout
 * ({@code {width, height, [location], [weather], objects: {id: {...}}}}).
 *
 * @param imageId the image id
 * @param width image width in pixels
 * @param height image height in pixels
 * @param location {@code "indoors"} or {@code "outdoors"} when annotated, else null
 * @param weather the weather when annotated, else null
 * @param objects the objects by id, in file order
 */
public record GqaSceneGraph(String imageId, int width, int height, String location, String weather,
        Map<String, GqaObject> objects) {

    /** Checks the fields, copies the objects and checks that every relation points to an object. */
    public GqaSceneGraph {
        Objects.requireNonNull(imageId, "imageId");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size should be positive, is " + width + "x" + height);
        }
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        for (GqaObject o : objects.values()) {
            for (GqaRelation r : o.relations()) {
                if (!objects.containsKey(r.object())) {
                    throw new IllegalArgumentException("object " + o.id() + ": relation \"" + r.name()
                            + "\" points to unknown object " + r.object());
                }
            }
        }
    }

    /** Returns an empty scene graph (used to check that programs ground). */
    public static GqaSceneGraph empty(String imageId) {
        return new GqaSceneGraph(imageId, 1, 1, null, null, Map.of());
    }
}
