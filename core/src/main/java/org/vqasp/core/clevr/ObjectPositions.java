package org.vqasp.core.clevr;

import java.util.List;
import org.vqasp.core.VqaspException;

/**
 * Where the objects of a scene are, as integers both the reference executor and the ASP scene encoders use (so
 * the two agree on every comparison): each object's position along the four ground-plane directions (left,
 * right, front, behind) and its ground-plane {@code (x, y)}, in hundredths of a CLEVR unit.
 *
 * <p>Positions come from the objects' {@code 3d_coords} and the scene's direction vectors, as CLEVR's
 * relationships do. A scene without them (no directions, or objects without {@code 3d_coords}) falls back on
 * {@code pixel_coords}: right is +x in the image, front is +y (lower in the image is nearer the camera).
 */
public final class ObjectPositions {

    /** The four directions positions are given along. */
    public static final List<String> DIRECTIONS = List.of("left", "right", "front", "behind");

    /** Positions are in units of 1 / SCALE. */
    public static final int SCALE = 100;

    private ObjectPositions() {
    }

    /**
     * Returns each object's position along a direction: larger is farther in that direction.
     *
     * @param scene the scene
     * @param direction left, right, front or behind
     * @return one value per object
     * @throws VqaspException of kind {@code no_position} when the scene gives no positions
     */
    public static int[] along(ClevrScene scene, String direction) {
        if (!DIRECTIONS.contains(direction)) {
            throw new VqaspException("bad_value", "no direction \"" + direction + "\" (expected " + DIRECTIONS + ")");
        }
        List<ClevrObject> objects = scene.objects();
        int[] out = new int[objects.size()];
        Vec3 dir = scene.directions().get(direction);
        if (dir != null && hasCoords(objects)) {
            for (int i = 0; i < out.length; i++) {
                Vec3 c = objects.get(i).coords();
                out[i] = (int) Math.round(SCALE * (c.x() * dir.x() + c.y() * dir.y()));
            }
            return out;
        }
        if (hasPixels(objects)) {
            for (int i = 0; i < out.length; i++) {
                Vec3 p = objects.get(i).pixelCoords();
                double v = switch (direction) {
                    case "left" -> -p.x();
                    case "right" -> p.x();
                    case "front" -> p.y();
                    default -> -p.y();
                };
                out[i] = (int) Math.round(v);
            }
            return out;
        }
        throw noPositions(scene);
    }

    /**
     * Returns each object's ground-plane position {@code (x, y)}.
     *
     * @throws VqaspException of kind {@code no_position} when the scene gives no positions
     */
    public static int[][] ground(ClevrScene scene) {
        List<ClevrObject> objects = scene.objects();
        int[][] out = new int[objects.size()][2];
        if (hasCoords(objects)) {
            for (int i = 0; i < out.length; i++) {
                Vec3 c = objects.get(i).coords();
                out[i][0] = (int) Math.round(SCALE * c.x());
                out[i][1] = (int) Math.round(SCALE * c.y());
            }
            return out;
        }
        if (hasPixels(objects)) {
            for (int i = 0; i < out.length; i++) {
                Vec3 p = objects.get(i).pixelCoords();
                out[i][0] = (int) Math.round(p.x());
                out[i][1] = (int) Math.round(p.y());
            }
            return out;
        }
        throw noPositions(scene);
    }

    /** Returns whether the scene gives positions (coordinates with directions, or pixel coordinates). */
    public static boolean available(ClevrScene scene) {
        return hasCoords(scene.objects()) && scene.directions().keySet().containsAll(DIRECTIONS)
                || hasPixels(scene.objects());
    }

    private static boolean hasCoords(List<ClevrObject> objects) {
        for (ClevrObject o : objects) {
            if (o.coords() == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasPixels(List<ClevrObject> objects) {
        for (ClevrObject o : objects) {
            if (o.pixelCoords() == null) {
                return false;
            }
        }
        return true;
    }

    private static VqaspException noPositions(ClevrScene scene) {
        return new VqaspException("no_position", "scene " + scene.imageIndex()
                + " gives no object positions (3d_coords with directions, or pixel_coords)");
    }
}
