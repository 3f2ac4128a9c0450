package org.vqasp.world.questions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.ObjectPositions;

/**
 * A scene as bit masks: the objects with each attribute value, the objects in each relation to each object,
 * and the other objects sharing each attribute with each object.
 */
final class SceneFacts {

    /** The four attributes in the order of the fused filters' value inputs. */
    static final List<String> ATTRIBUTES = List.of("size", "color", "material", "shape");

    final ClevrScene scene;
    final int count;
    final long all;
    /** attribute index -> value -> objects with that value. */
    private final List<Map<String, Long>> byValue = new ArrayList<>();
    /** relation -> per object, the objects in that relation to it (in the scene's relation order). */
    final Map<String, long[]> relations = new LinkedHashMap<>();
    /** attribute index -> per object, the other objects with the same value. */
    final long[][] same = new long[4][];

    SceneFacts(ClevrScene scene) {
        this.scene = scene;
        this.count = scene.objects().size();
        if (count > 64) {
            throw new VqaspException(ErrorKind.SCENE_TOO_LARGE, "scene " + scene.imageIndex() + " has " + count
                    + " objects; the reference executor handles at most 64");
        }
        this.all = count == 64 ? -1L : (1L << count) - 1;
        for (int k = 0; k < 4; k++) {
            byValue.add(new HashMap<>());
        }
        for (int i = 0; i < count; i++) {
            ClevrObject o = scene.objects().get(i);
            for (int k = 0; k < 4; k++) {
                byValue.get(k).merge(o.attribute(ATTRIBUTES.get(k)), 1L << i, (x, y) -> x | y);
            }
        }
        for (int k = 0; k < 4; k++) {
            same[k] = new long[count];
            for (int i = 0; i < count; i++) {
                same[k][i] = withValue(k, value(i, k)) & ~(1L << i);
            }
        }
        // a fixed relation order (the released files' order, then any others by name) keeps generation
        // deterministic: the scene record's map has no stable order
        List<String> names = new ArrayList<>();
        for (String r : ClevrScene.RELATIONS) {
            if (scene.relationships().containsKey(r)) {
                names.add(r);
            }
        }
        scene.relationships().keySet().stream().filter(r -> !names.contains(r)).sorted().forEach(names::add);
        for (String r : names) {
            List<List<Integer>> lists = scene.relationships().get(r);
            long[] masks = new long[count];
            for (int i = 0; i < count; i++) {
                for (int j : lists.get(i)) {
                    masks[i] |= 1L << j;
                }
            }
            relations.put(r, masks);
        }
    }

    private final Map<String, int[]> along = new HashMap<>();
    private int[][] ground;

    /** Returns each object's position along a direction ({@link ObjectPositions#along}), computed once. */
    int[] along(String direction) {
        return along.computeIfAbsent(direction, d -> ObjectPositions.along(scene, d));
    }

    /** Returns each object's ground-plane position ({@link ObjectPositions#ground}), computed once. */
    int[][] ground() {
        if (ground == null) {
            ground = ObjectPositions.ground(scene);
        }
        return ground;
    }

    /** Returns the value of attribute {@code k} (index into {@link #ATTRIBUTES}) of object {@code i}. */
    String value(int i, int k) {
        return scene.objects().get(i).attribute(ATTRIBUTES.get(k));
    }

    /** Returns the objects whose attribute {@code k} (index into {@link #ATTRIBUTES}) has the value. */
    long withValue(int k, String value) {
        Long m = byValue.get(k).get(value);
        return m == null ? 0L : m;
    }
}
