package org.vqasp.core.clevr;

/**
 * Three numbers: a ground-plane position {@code (x, y, z)} in Blender units, or pixel coordinates
 * {@code (x, y, depth)}.
 *
 * @param x first component
 * @param y second component
 * @param z third component (height, or depth from the camera for pixel coordinates)
 */
public record Vec3(double x, double y, double z) {

    /** Returns the dot product with another vector. */
    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    /** Returns {@code this - o}. */
    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    /** Returns the components as an array {@code [x, y, z]}. */
    public double[] toArray() {
        return new double[] {x, y, z};
    }
}
