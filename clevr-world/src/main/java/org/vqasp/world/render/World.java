package org.vqasp.world.render;

import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.world.ClevrProperties;
import org.vqasp.world.LightRig;

/**
 * What one image shows, in the tracer's terms: the objects, CLEVR's three area lamps and its sun, and the
 * ground with its precomputed inter-reflection.
 *
 * <p>Lamps (docs/rendering.md, section 2, decoded from the base scene): key 0.5 BU, strength 100, colour
 * (1, 0.9323, 0.8167); fill 0.5 BU, 30, (0.7617, 0.8177, 1); back 1 BU, 50, white. The sun shines from
 * (0.4145, -0.1946, 0.8890) with irradiance 0.45 and an angular radius of atan(0.1). The world is black.
 */
final class World {

    static final double SUN_X;
    static final double SUN_Y;
    static final double SUN_Z;
    static final double SUN_IRRADIANCE = 0.45;
    static final double SUN_TAN = 0.1;
    static final double SUN_COS = 1 / Math.sqrt(1 + SUN_TAN * SUN_TAN);
    /** Radiance of the sun's disk: irradiance over the disk's area in the tangent plane (Cycles). */
    static final double SUN_RADIANCE = SUN_IRRADIANCE / (Math.PI * SUN_TAN * SUN_TAN);
    /** Solid angle of the sun's disk. */
    static final double SUN_SOLID_ANGLE = 2 * Math.PI * (1 - SUN_COS);

    static {
        double n = Math.sqrt(0.4145 * 0.4145 + 0.1946 * 0.1946 + 0.8890 * 0.8890);
        SUN_X = 0.4145 / n;
        SUN_Y = -0.1946 / n;
        SUN_Z = 0.8890 / n;
    }

    final RenderObject[] objects;
    final AreaLamp[] lamps;
    final GroundIndirect groundIndirect;
    /** Per object, the 9 SH coefficients per channel of the irradiance it receives indirectly (27 numbers). */
    final double[][] probes;
    /** Per metal object, its environment probe ({@link Probes#computeEnvProbe}), else null. */
    final float[][] envProbes;

    World(RenderObject[] objects, AreaLamp[] lamps, GroundIndirect groundIndirect) {
        this.objects = objects;
        this.lamps = lamps;
        this.groundIndirect = groundIndirect;
        this.probes = new double[objects.length][];
        this.envProbes = new float[objects.length][];
    }

    /** Returns CLEVR's three lamps placed as in a rig. */
    static AreaLamp[] lamps(LightRig rig) {
        return new AreaLamp[] {
            new AreaLamp(rig.key(), 0.5, 100, 1.0, 0.9323, 0.8167),
            new AreaLamp(rig.fill(), 0.5, 30, 0.7617, 0.8177, 1.0),
            new AreaLamp(rig.back(), 1.0, 50, 1.0, 1.0, 1.0),
        };
    }

    /**
     * Converts scene objects. The rotation is applied as CLEVR's script does: the degrees of
     * {@code rotation} are written into Blender's radians field.
     */
    static RenderObject[] objects(List<ClevrObject> objects, ClevrProperties properties) {
        RenderObject[] out = new RenderObject[objects.size()];
        for (int i = 0; i < out.length; i++) {
            ClevrObject o = objects.get(i);
            if (o.coords() == null) {
                throw new org.vqasp.core.InputException(ErrorKind.BAD_SCENE, "object " + i + " has no 3d_coords to render");
            }
            int shape = switch (o.shape()) {
                case "sphere" -> RenderObject.SPHERE;
                case "cube" -> RenderObject.CUBE;
                case "cylinder" -> RenderObject.CYLINDER;
                default -> throw new org.vqasp.core.InputException(ErrorKind.UNKNOWN_SHAPE,
                        "object " + i + " has shape \"" + o.shape() + "\"; the renderer knows sphere, cube, cylinder");
            };
            boolean metal = switch (o.material()) {
                case "metal" -> true;
                case "rubber" -> false;
                default -> throw new org.vqasp.core.InputException(ErrorKind.UNKNOWN_MATERIAL,
                        "object " + i + " has material \"" + o.material() + "\"; the renderer knows rubber, metal");
            };
            double s = properties.scale(o.size());
            double[] albedo = properties.albedo(o.color());
            out[i] = new RenderObject(shape, o.coords().x(), o.coords().y(), s, s, o.rotation(), albedo[0], albedo[1],
                    albedo[2], metal);
        }
        return out;
    }
}
