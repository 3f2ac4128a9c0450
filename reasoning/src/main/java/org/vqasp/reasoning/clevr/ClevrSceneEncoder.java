package org.vqasp.reasoning.clevr;

import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.ObjectPositions;
import org.vqasp.reasoning.Facts;

/**
 * Encodes a CLEVR scene as facts for the CLEVR theory: {@code object(W,O)}, {@code has(O,A,V)} for size,
 * colour, material and shape, and {@code related(R,O,P)} when object P is in the scene's
 * {@code relationships[R][O]} (P is R of O), and, when the scene gives positions, {@code pos(O,D,V)} and
 * {@code xy(O,X,Y)} ({@link ObjectPositions}).
 *
 * <p>Scenes solved in one call are numbered apart: object {@code i} of image {@code w} is
 * {@code w * STRIDE + i}; a single scene (image 0) keeps its object indices.
 */
public final class ClevrSceneEncoder {

    /** The attributes every CLEVR object has, in the order of the templates' filters. */
    public static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    /** Objects of consecutive images in one call are this far apart. */
    public static final int STRIDE = 100;

    private ClevrSceneEncoder() {
    }

    /** Returns the facts of a single scene (image 0). */
    public static String encode(ClevrScene scene) {
        return encode(scene, 0, new Facts()).toString();
    }

    /**
     * Appends the facts of image {@code w} of a call to a fact list.
     *
     * @throws InputException when the scene has more objects than {@link #STRIDE} allows
     */
    public static Facts encode(ClevrScene scene, int w, Facts facts) {
        List<ClevrObject> objects = scene.objects();
        if (objects.size() >= STRIDE) {
            throw new InputException(ErrorKind.SCENE_TOO_LARGE, "scene " + scene.imageIndex() + " has " + objects.size()
                    + " objects, at most " + (STRIDE - 1) + " are supported");
        }
        int base = w * STRIDE;
        for (int i = 0; i < objects.size(); i++) {
            ClevrObject o = objects.get(i);
            facts.add("object", w, base + i);
            for (String a : ATTRIBUTES) {
                facts.add("has", base + i, a, o.attribute(a));
            }
        }
        for (Map.Entry<String, List<List<Integer>>> e : scene.relationships().entrySet()) {
            List<List<Integer>> lists = e.getValue();
            for (int o = 0; o < lists.size(); o++) {
                for (int p : lists.get(o)) {
                    facts.add("related", e.getKey(), base + o, base + p);
                }
            }
        }
        positions(scene, base, facts);
        return facts;
    }

    /**
     * Appends {@code pos(O,D,V)} and {@code xy(O,X,Y)} for every object, from {@link ObjectPositions}, when the
     * scene gives positions (the extension functions {@code extreme} and {@code nearest} read them).
     */
    static void positions(ClevrScene scene, int base, Facts facts) {
        if (!ObjectPositions.available(scene)) {
            return;
        }
        for (String d : ObjectPositions.DIRECTIONS) {
            int[] along = ObjectPositions.along(scene, d);
            for (int i = 0; i < along.length; i++) {
                facts.add("pos", base + i, d, along[i]);
            }
        }
        int[][] ground = ObjectPositions.ground(scene);
        for (int i = 0; i < ground.length; i++) {
            facts.add("xy", base + i, ground[i][0], ground[i][1]);
        }
    }
}
