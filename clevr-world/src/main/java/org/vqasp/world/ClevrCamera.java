package org.vqasp.world;

import java.util.SplittableRandom;
import org.vqasp.core.clevr.Vec3;

/**
 * CLEVR's camera: Blender's default camera position, aimed at the origin by a Track-To constraint
 * ({@code -Z} forward, {@code Y} up), a 35 mm lens on a 32 mm sensor fitted horizontally and no depth of field.
 * At 480 pixels wide the focal length is 525 pixels.
 *
 * <p>The camera basis is right-handed: {@link #right()} is horizontal ({@code forward x Z}), {@link #up()} is
 * {@code right x forward}. Pixel coordinates put (0, 0) at the top-left corner of the image; a pixel's centre
 * is at {@code (i + 0.5, j + 0.5)}.
 *
 * @param position the camera position in Blender units
 * @param width image width in pixels
 * @param height image height in pixels
 * @param focalMm lens focal length in millimetres
 * @param sensorMm sensor width in millimetres (horizontal fit)
 */
public record ClevrCamera(Vec3 position, int width, int height, double focalMm, double sensorMm) {

    /** Blender's default camera location, CLEVR's rest pose. */
    public static final Vec3 REST_POSITION = new Vec3(7.4811, -6.5076, 5.3437);

    /** Checks the sizes and that the camera is not at the origin it looks at. */
    public ClevrCamera {
        if (position == null) {
            throw new IllegalArgumentException("camera position is null");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size should be positive, is " + width + "x" + height);
        }
        if (!(focalMm > 0) || !(sensorMm > 0)) {
            throw new IllegalArgumentException("focal length and sensor width should be positive, are " + focalMm
                    + " and " + sensorMm);
        }
        if (Math.abs(position.x()) + Math.abs(position.y()) < 1e-9) {
            throw new IllegalArgumentException("camera straight above the origin has no Track-To up direction");
        }
    }

    /** Returns the un-jittered camera at CLEVR's 480x320 resolution. */
    public static ClevrCamera atRest() {
        return new ClevrCamera(REST_POSITION, 480, 320, 35.0, 32.0);
    }

    /** Returns this camera moved by {@code (dx, dy, dz)}, still aimed at the origin. */
    public ClevrCamera moved(double dx, double dy, double dz) {
        return new ClevrCamera(new Vec3(position.x() + dx, position.y() + dy, position.z() + dz), width, height,
                focalMm, sensorMm);
    }

    /** Returns the camera moved by {@code U(-amount, amount)} per axis, as CLEVR's {@code --camera_jitter}. */
    public ClevrCamera jittered(SplittableRandom rng, double amount) {
        double dx = amount * (2 * rng.nextDouble() - 1);
        double dy = amount * (2 * rng.nextDouble() - 1);
        double dz = amount * (2 * rng.nextDouble() - 1);
        return moved(dx, dy, dz);
    }

    /** Returns the same pose at another resolution (same field of view). */
    public ClevrCamera withSize(int newWidth, int newHeight) {
        return new ClevrCamera(position, newWidth, newHeight, focalMm, sensorMm);
    }

    /** Returns the focal length in pixels: {@code focalMm / sensorMm * width}. */
    public double focalPixels() {
        return focalMm / sensorMm * width;
    }

    /** Returns the unit viewing direction (towards the origin). */
    public Vec3 forward() {
        return normalize(new Vec3(-position.x(), -position.y(), -position.z()));
    }

    /** Returns the unit image-right direction; it is horizontal. */
    public Vec3 right() {
        Vec3 f = forward();
        return normalize(new Vec3(f.y(), -f.x(), 0));
    }

    /** Returns the unit image-up direction. */
    public Vec3 up() {
        Vec3 f = forward();
        Vec3 r = right();
        return new Vec3(r.y() * f.z() - r.z() * f.y(), r.z() * f.x() - r.x() * f.z(), r.x() * f.y() - r.y() * f.x());
    }

    /**
     * Projects a world point as Blender's {@code world_to_camera_view} followed by CLEVR's scaling does:
     * returns image x and y in pixels (unrounded; CLEVR rounds them) and the depth along the viewing axis.
     */
    public Vec3 project(Vec3 p) {
        Vec3 d = p.minus(position);
        double depth = d.dot(forward());
        double f = focalPixels();
        double x = width / 2.0 + f * d.dot(right()) / depth;
        double y = height / 2.0 - f * d.dot(up()) / depth;
        return new Vec3(x, y, depth);
    }

    private static Vec3 normalize(Vec3 v) {
        double n = Math.sqrt(v.dot(v));
        return new Vec3(v.x() / n, v.y() / n, v.z() / n);
    }
}
