package org.vqasp.world.render;

import org.vqasp.core.Seeds;

/**
 * Traces rays through one {@link World} and shades what they meet, following CLEVR's Cycles set-up.
 *
 * <p>Direct light: each lamp's unoccluded diffuse irradiance is computed exactly (Lambert's formula for a
 * polygon, clipped to the surface's hemisphere); objects that could shadow it are found by a conservative
 * cone test against bounding spheres, and only then is visibility estimated from stratified points on the
 * lamp (4, and 16 in a penumbra; a fixed 6x6 grid for floor penumbrae seen by the camera). The same points
 * feed the glossy and velvet lobes. Indirect light: a precomputed table on the ground, a second-order
 * spherical-harmonics irradiance probe per rubber object and an octahedral environment probe per metal
 * object, which its glossy lobe reads with a fixed set of lobe samples (smooth, no per-pixel noise).
 *
 * <p>Materials (docs/rendering.md): ground Lambert 0.8; rubber
 * {@code (1-F(1.2)) [(1-F(1.4)) diffuse + F(1.4) velvet(0.6)] + F(1.2) 0.8 Beckmann(0.1225)} ({@link Brdf}); metal
 * {@code colour x [0.6 mirror + 0.4 anisotropic GGX]} with tangents around the object's axis ({@link GgxLobe}).
 * The direct light is {@link DirectLight}'s, the indirect light {@link Probes}'.
 *
 * <p>Not thread-safe: one tracer per thread. All randomness comes from {@link #seed(long)}.
 */
final class Tracer {

    static final int MAX_DEPTH = 3;
    static final double EPS = 1e-4;

    private static final int NONE = 0;
    private static final int GROUND = 1;
    private static final int OBJECT = 2;
    private static final int LAMP = 3;

    static final int MAT_GROUND = 0;
    static final int MAT_RUBBER = 1;
    static final int MAT_METAL = 2;

    private static final double METAL_MIRROR = 0.6;
    private static final int GLOSSY_SAMPLES = 8;
    private static final double METAL_GLOSSY = 0.4;

    private final World w;
    private final GgxLobe ggx = new GgxLobe();
    private final DirectLight light;
    private long rng;

    private double hitT;
    private int hitType;
    private int hitIndex;

    /** Radiance of the last {@link #trace}. */
    double outR;
    double outG;
    double outB;
    /** Whether a primary sample's value came partly from noisy estimates (metal, grazing rubber). */
    boolean noisy;
    /** Index of the current primary sample within its pixel, and the pixel's sample count (strata). */
    int pixelSample;
    int pixelSamples = 1;

    private final double[] tmp = new double[3];
    private final double[] nrm = new double[3];
    private final double[] tng = new double[3];
    private final double[] bit = new double[3];

    Tracer(World world) {
        this.w = world;
        this.light = new DirectLight(world, this, ggx);
    }

    /** Returns the world traced. */
    World world() {
        return w;
    }

    /** Restarts the random stream. */
    void seed(long s) {
        rng = Seeds.mix(s);
    }

    /** Returns a uniform number in [0, 1). */
    double random() {
        rng += Seeds.GOLDEN_GAMMA;
        return (Seeds.mix(rng) >>> 11) * 0x1.0p-53;
    }

    // ---------------------------------------------------------------- intersection

    /** Finds the nearest hit; returns whether anything was hit. */
    private boolean intersect(double ox, double oy, double oz, double dx, double dy, double dz, int exclude,
            boolean lamps) {
        double best = Ground.intersect(ox, oy, oz, dx, dy, dz, EPS, Double.POSITIVE_INFINITY);
        int type = Double.isInfinite(best) ? NONE : GROUND;
        int index = -1;
        RenderObject[] objs = w.objects;
        for (int i = 0; i < objs.length; i++) {
            if (i == exclude) {
                continue;
            }
            double t = objs[i].intersect(ox, oy, oz, dx, dy, dz, EPS, best);
            if (t < best) {
                best = t;
                type = OBJECT;
                index = i;
            }
        }
        if (lamps) {
            for (int i = 0; i < w.lamps.length; i++) {
                double t = w.lamps[i].intersect(ox, oy, oz, dx, dy, dz, EPS, best);
                if (t < best) {
                    best = t;
                    type = LAMP;
                    index = i;
                }
            }
        }
        hitT = best;
        hitType = type;
        hitIndex = index;
        return type != NONE;
    }

    /** Returns the object a ray meets first, or -1 (ground, nothing). */
    int firstObject(double ox, double oy, double oz, double dx, double dy, double dz) {
        intersect(ox, oy, oz, dx, dy, dz, -1, false);
        return hitType == OBJECT ? hitIndex : -1;
    }

    // ---------------------------------------------------------------- tracing

    /**
     * Traces a ray and leaves its radiance in {@link #outR}, {@link #outG}, {@link #outB}. Primary rays use
     * {@code depth 0} and a light-sample {@code group} in 0..3 that selects strata.
     *
     * @param exclude an object the ray starts on, or -1
     * @param emitters whether lamps and the sun are seen (mirror rays) or left to direct lighting
     * @return the object met first, or -1
     */
    int trace(double ox, double oy, double oz, double dx, double dy, double dz, int depth, int exclude,
            boolean emitters) {
        return trace(ox, oy, oz, dx, dy, dz, depth, exclude, emitters, -1);
    }

    int trace(double ox, double oy, double oz, double dx, double dy, double dz, int depth, int exclude,
            boolean emitters, int group) {
        intersect(ox, oy, oz, dx, dy, dz, exclude, emitters && depth > 0);
        return shadeHit(ox, oy, oz, dx, dy, dz, depth, emitters, group);
    }

    /** Shades what the last {@link #intersect} found. */
    private int shadeHit(double ox, double oy, double oz, double dx, double dy, double dz, int depth,
            boolean emitters, int group) {
        if (hitType == NONE) {
            outR = outG = outB = 0;
            if (emitters && depth > 0 && dx * World.SUN_X + dy * World.SUN_Y + dz * World.SUN_Z >= World.SUN_COS) {
                outR = outG = outB = World.SUN_RADIANCE;
            }
            return -1;
        }
        int type = hitType;
        int index = hitIndex;
        double t = hitT;
        if (type == LAMP) {
            AreaLamp l = w.lamps[index];
            outR = l.radianceR;
            outG = l.radianceG;
            outB = l.radianceB;
            return -1;
        }
        double px = ox + t * dx;
        double py = oy + t * dy;
        double pz = oz + t * dz;
        if (type == GROUND) {
            shadeGround(px, py, pz, depth, group);
            return -1;
        }
        RenderObject o = w.objects[index];
        o.normal(px, py, pz, nrm);
        double nx = nrm[0];
        double ny = nrm[1];
        double nz = nrm[2];
        double vx = -dx;
        double vy = -dy;
        double vz = -dz;
        double cosNO = nx * vx + ny * vy + nz * vz;
        if (cosNO < 1e-4) {
            // smooth normals can face away at silhouettes: bend the normal towards the viewer
            double k = 1e-4 - cosNO;
            nx += k * vx;
            ny += k * vy;
            nz += k * vz;
            double n = Math.sqrt(nx * nx + ny * ny + nz * nz);
            nx /= n;
            ny /= n;
            nz /= n;
            cosNO = nx * vx + ny * vy + nz * vz;
        }
        if (o.metal) {
            shadeMetal(o, index, px, py, pz, nx, ny, nz, vx, vy, vz, cosNO, depth, group);
        } else {
            shadeRubber(o, index, px, py, pz, nx, ny, nz, vx, vy, vz, cosNO, depth, group);
        }
        return index;
    }

    private void shadeGround(double px, double py, double pz, int depth, int group) {
        double u = Ground.u(px, py);
        Ground.normal(u, nrm);
        double nx = nrm[0];
        double ny = nrm[1];
        double nz = nrm[2];
        light.direct(px, py, pz, nx, ny, nz, 0, 0, 1, -1, MAT_GROUND, 0, depth, group);
        w.groundIndirect.at(u, Ground.v(px, py), tmp);
        double k = Ground.ALBEDO / Math.PI;
        outR = k * (light.eR + tmp[0]);
        outG = k * (light.eG + tmp[1]);
        outB = k * (light.eB + tmp[2]);
    }

    private void shadeRubber(RenderObject o, int index, double px, double py, double pz, double nx, double ny,
            double nz, double vx, double vy, double vz, double cosNO, int depth, int group) {
        double f2 = Brdf.fresnel(cosNO, 1.2);
        double f1 = Brdf.fresnel(cosNO, 1.4);
        double wd = (1 - f2) * (1 - f1);
        double wv = (1 - f2) * f1;
        double wg = f2;
        light.direct(px, py, pz, nx, ny, nz, vx, vy, vz, index, MAT_RUBBER, cosNO, depth, group);
        double ir = 0;
        double ig = 0;
        double ib = 0;
        double[] probe = w.probes[index];
        double rr = 0;
        double rg = 0;
        double rb = 0;
        if (probe != null) {
            ir = Math.max(0, Sh9.irradiance(probe, 0, nx, ny, nz));
            ig = Math.max(0, Sh9.irradiance(probe, 9, nx, ny, nz));
            ib = Math.max(0, Sh9.irradiance(probe, 18, nx, ny, nz));
            // glossy environment: the probe's cosine-blurred radiance in the mirror direction
            double c2 = 2 * cosNO;
            double mx = c2 * nx - vx;
            double my = c2 * ny - vy;
            double mz = c2 * nz - vz;
            rr = Math.max(0, Sh9.irradiance(probe, 0, mx, my, mz)) / Math.PI;
            rg = Math.max(0, Sh9.irradiance(probe, 9, mx, my, mz)) / Math.PI;
            rb = Math.max(0, Sh9.irradiance(probe, 18, mx, my, mz)) / Math.PI;
        }
        double kd = wd / Math.PI;
        double kv = wv / Math.PI;
        DirectLight d = light;
        outR = o.red * (kd * (d.eR + ir) + wv * d.vR + kv * ir) + wg * (d.gR + 0.8 * rr);
        outG = o.green * (kd * (d.eG + ig) + wv * d.vG + kv * ig) + wg * (d.gG + 0.8 * rg);
        outB = o.blue * (kd * (d.eB + ib) + wv * d.vB + kv * ib) + wg * (d.gB + 0.8 * rb);
        if (depth == 0 && wg + wv > 0.2) {
            noisy = true;
        }
    }

    private void shadeMetal(RenderObject o, int index, double px, double py, double pz, double nx, double ny,
            double nz, double vx, double vy, double vz, double cosNO, int depth, int group) {
        double c2 = 2 * cosNO;
        double mx = c2 * nx - vx;
        double my = c2 * ny - vy;
        double mz = c2 * nz - vz;
        double ox = px + nx * EPS;
        double oy = py + ny * EPS;
        double oz = pz + nz * EPS;
        if (depth >= MAX_DEPTH) {
            outR = outG = outB = 0;
            return;
        }
        if (depth > 0) {
            // seen in a reflection: a coloured mirror is close enough
            trace(ox, oy, oz, mx, my, mz, depth + 1, index, true);
            outR *= o.red;
            outG *= o.green;
            outB *= o.blue;
            return;
        }
        noisy = true;
        trace(ox, oy, oz, mx, my, mz, depth + 1, index, true);
        double lr = METAL_MIRROR * outR;
        double lg = METAL_MIRROR * outG;
        double lb = METAL_MIRROR * outB;

        // anisotropic frame: tangent around the object's axis
        o.tangent(px, py, tng);
        double td = tng[0] * nx + tng[1] * ny + tng[2] * nz;
        double tx = tng[0] - td * nx;
        double ty = tng[1] - td * ny;
        double tz = tng[2] - td * nz;
        double tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
        if (tn < 1e-6) {
            basis(nx, ny, nz, tng, bit);
            tx = tng[0];
            ty = tng[1];
            tz = tng[2];
        } else {
            tx /= tn;
            ty /= tn;
            tz /= tn;
        }
        double bx = ny * tz - nz * ty;
        double by = nz * tx - nx * tz;
        double bz = nx * ty - ny * tx;
        ggx.frame(nx, ny, nz, tx, ty, tz, bx, by, bz);

        // light samples (MIS-weighted against the BRDF sample below)
        light.direct(px, py, pz, nx, ny, nz, vx, vy, vz, index, MAT_METAL, cosNO, depth, group);
        double gr = light.gR;
        double gg = light.gG;
        double gb = light.gB;

        // the lobe's environment (emitters excluded: light samples cover them) from the object's probe, with a
        // fixed, well-spread set of lobe samples: every pixel integrates the same way, so the result is smooth
        float[] env = w.envProbes[index];
        if (env != null) {
            int per = GLOSSY_SAMPLES;
            double lambdaV = ggx.lambda(vx, vy, vz);
            double er = 0;
            double eg = 0;
            double eb = 0;
            for (int k = 0; k < per; k++) {
                int j = 3 * ((pixelSample * per + k) % GgxLobe.SAMPLES);
                double ht = GgxLobe.LOBE[j];
                double hb = GgxLobe.LOBE[j + 1];
                double hn = GgxLobe.LOBE[j + 2];
                double hx = ht * tx + hb * bx + hn * nx;
                double hy = ht * ty + hb * by + hn * ny;
                double hz = ht * tz + hb * bz + hn * nz;
                double vh = vx * hx + vy * hy + vz * hz;
                if (vh <= 0) {
                    continue;
                }
                double lx = 2 * vh * hx - vx;
                double ly = 2 * vh * hy - vy;
                double lz = 2 * vh * hz - vz;
                double cosNI = lx * nx + ly * ny + lz * nz;
                if (cosNI <= 0) {
                    continue;
                }
                // f cos / pdf of a GGX half-vector sample: G2 vh / (cosNO hn)
                double weight = vh / (cosNO * hn) / (1 + lambdaV + ggx.lambda(lx, ly, lz));
                Probes.envLookup(env, lx, ly, lz, tmp);
                er += weight * tmp[0];
                eg += weight * tmp[1];
                eb += weight * tmp[2];
            }
            gr += er / per;
            gg += eg / per;
            gb += eb / per;
        }
        outR = o.red * (lr + METAL_GLOSSY * gr);
        outG = o.green * (lg + METAL_GLOSSY * gg);
        outB = o.blue * (lb + METAL_GLOSSY * gb);
    }

    /** Writes two unit vectors that complete n to an orthonormal basis. */
    static void basis(double nx, double ny, double nz, double[] t, double[] b) {
        double ax = Math.abs(nx) < 0.9 ? 1 : 0;
        double ay = ax == 1 ? 0 : 1;
        // t = normalize(a x n)
        double tx = ay * nz;
        double ty = -ax * nz;
        double tz = ax * ny - ay * nx;
        double tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
        tx /= tn;
        ty /= tn;
        tz /= tn;
        t[0] = tx;
        t[1] = ty;
        t[2] = tz;
        b[0] = ny * tz - nz * ty;
        b[1] = nz * tx - nx * tz;
        b[2] = nx * ty - ny * tx;
    }
}
