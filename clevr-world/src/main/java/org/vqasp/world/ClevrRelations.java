package org.vqasp.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;

/**
 * CLEVR's spatial vocabulary: the direction vectors a scene records and the left/right/front/behind
 * relationships computed from them.
 *
 * <p>CLEVR's Blender script reads the camera's axes before the jittered camera position takes effect, so
 * every released scene carries the directions of the camera at rest; so do ours. Object {@code j} is in
 * {@code relationships[rel][i]} iff {@code (c_j - c_i) . dir[rel] > 0.2}, with {@code c} the
 * {@code 3d_coords}.
 */
public final class ClevrRelations {

    /** CLEVR's threshold on the projected offset. */
    public static final double EPSILON = 0.2;

    private ClevrRelations() {
    }

    /**
     * Returns the six directions of the camera at rest, in the released files' order: right, behind, above,
     * below, left, front. Right and behind lie in the ground plane.
     */
    public static Map<String, Vec3> directions() {
        ClevrCamera rest = ClevrCamera.atRest();
        Vec3 right = rest.right();
        Vec3 f = rest.forward();
        double h = Math.hypot(f.x(), f.y());
        Vec3 behind = new Vec3(f.x() / h, f.y() / h, 0);
        Map<String, Vec3> d = new LinkedHashMap<>();
        d.put("right", right);
        d.put("behind", behind);
        d.put("above", new Vec3(0, 0, 1));
        d.put("below", new Vec3(0, 0, -1));
        d.put("left", new Vec3(-right.x(), -right.y(), 0));
        d.put("front", new Vec3(-behind.x(), -behind.y(), 0));
        return d;
    }

    /**
     * Computes the four relationships of {@link ClevrScene#RELATIONS} from the objects' {@code 3d_coords}.
     *
     * @param objects objects with coordinates
     * @param directions at least right, behind, front and left
     * @return per relation, per object, the sorted indices of the objects in that relation to it
     * @throws IllegalArgumentException when an object has no coordinates or a direction is missing
     */
    public static Map<String, List<List<Integer>>> relationships(List<ClevrObject> objects,
            Map<String, Vec3> directions) {
        Map<String, List<List<Integer>>> out = new LinkedHashMap<>();
        for (String rel : ClevrScene.RELATIONS) {
            Vec3 dir = directions.get(rel);
            if (dir == null) {
                throw new IllegalArgumentException("no direction \"" + rel + "\" to compute relationships with");
            }
            List<List<Integer>> lists = new ArrayList<>(objects.size());
            for (int i = 0; i < objects.size(); i++) {
                Vec3 ci = coords(objects, i);
                List<Integer> related = new ArrayList<>();
                for (int j = 0; j < objects.size(); j++) {
                    if (j != i && coords(objects, j).minus(ci).dot(dir) > EPSILON) {
                        related.add(j);
                    }
                }
                lists.add(List.copyOf(related));
            }
            out.put(rel, List.copyOf(lists));
        }
        return out;
    }

    private static Vec3 coords(List<ClevrObject> objects, int i) {
        Vec3 c = objects.get(i).coords();
        if (c == null) {
            throw new IllegalArgumentException("object " + i + " has no 3d_coords");
        }
        return c;
    }
}
