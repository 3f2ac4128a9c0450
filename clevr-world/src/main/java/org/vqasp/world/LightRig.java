package org.vqasp.world;

import java.util.SplittableRandom;
import org.vqasp.core.clevr.Vec3;

/**
 * Where CLEVR's three area lamps stand for one image: the key, fill and back lamps of the base scene, each
 * moved by {@code U(-1, 1)} per axis (CLEVR's {@code --key_light_jitter}, {@code --fill_light_jitter},
 * {@code --back_light_jitter}). Every lamp keeps aiming at the origin. The sun does not move, so it is not
 * part of the rig; the renderer owns sizes, strengths and colours.
 *
 * @param key the key lamp's position
 * @param fill the fill lamp's position
 * @param back the back lamp's position
 */
public record LightRig(Vec3 key, Vec3 fill, Vec3 back) {

    /** The key lamp in the base scene. */
    public static final Vec3 KEY_REST = new Vec3(6.4467, -2.9052, 4.2584);
    /** The fill lamp in the base scene. */
    public static final Vec3 FILL_REST = new Vec3(-4.6711, -4.0136, 3.0112);
    /** The back lamp in the base scene. */
    public static final Vec3 BACK_REST = new Vec3(-1.1685, 2.6460, 5.8157);

    /** Checks that every lamp is set. */
    public LightRig {
        if (key == null || fill == null || back == null) {
            throw new IllegalArgumentException("every lamp needs a position");
        }
    }

    /** Returns the un-jittered rig. */
    public static LightRig atRest() {
        return new LightRig(KEY_REST, FILL_REST, BACK_REST);
    }

    /**
     * Returns the rest rig with every lamp moved by {@code U(-amount, amount)} per axis; the draws are taken in
     * CLEVR's order: key, back, fill.
     */
    public static LightRig jittered(SplittableRandom rng, double amount) {
        Vec3 key = jitter(KEY_REST, rng, amount);
        Vec3 back = jitter(BACK_REST, rng, amount);
        Vec3 fill = jitter(FILL_REST, rng, amount);
        return new LightRig(key, fill, back);
    }

    private static Vec3 jitter(Vec3 p, SplittableRandom rng, double amount) {
        double dx = amount * (2 * rng.nextDouble() - 1);
        double dy = amount * (2 * rng.nextDouble() - 1);
        double dz = amount * (2 * rng.nextDouble() - 1);
        return new Vec3(p.x() + dx, p.y() + dy, p.z() + dz);
    }
}
