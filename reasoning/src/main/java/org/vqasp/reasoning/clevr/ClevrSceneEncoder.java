package org.vqasp.reasoning.clevr;

import java.util.List;
import java.util.Map;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a CLEVR scene as facts for the CLEVR theory: {@code object(O)}, {@code has(O,A,V)} for size,
 * colour, material and shape, and {@code related(R,O,P)} when object P is in the scene's
 * {@code relationships[R][O]} (P is R of O).
 */
public final class ClevrSceneEncoder {

    /** The attributes every CLEVR object has, in the order of the templates' filters. */
    public static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    private ClevrSceneEncoder() {
    }

    /** Returns the facts of a scene. */
    public static String encode(ClevrScene scene) {
        return encode(scene, new Facts()).toString();
    }

    /** Appends the facts of a scene to a fact list. */
    public static Facts encode(ClevrScene scene, Facts facts) {
        List<ClevrObject> objects = scene.objects();
        for (int i = 0; i < objects.size(); i++) {
            ClevrObject o = objects.get(i);
            facts.add("object", i);
            for (String a : ATTRIBUTES) {
                facts.add("has", i, a, o.attribute(a));
            }
        }
        for (Map.Entry<String, List<List<Integer>>> e : scene.relationships().entrySet()) {
            List<List<Integer>> lists = e.getValue();
            for (int o = 0; o < lists.size(); o++) {
                for (int p : lists.get(o)) {
                    facts.add("related", e.getKey(), o, p);
                }
            }
        }
        return facts;
    }
}
