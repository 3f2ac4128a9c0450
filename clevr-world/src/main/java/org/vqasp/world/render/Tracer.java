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
 * <p>Materials (CLEVR-RENDERING.md): ground Lambert 0.8; rubber
 * {@code (1-F(1.2)) [(1-F(1.4)) diffuse + F(1.4) velvet(0.6)] + F(1.2) 0.8 Beckmann(0.1225)}; metal
 * {@code colour x [0.6 mirror + 0.4 anisotropic GGX]} with tangents around the object's axis (see
 * {@link #METAL_AX} for the roughness).
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

    private static final int MAT_GROUND = 0;
    private static final int MAT_RUBBER = 1;
    private static final int MAT_METAL = 2;

    private static final double RUBBER_GLOSS_ALPHA = 0.35 * 0.35;
    private static final double VELVET_SIGMA2 = 0.6 * 0.6;
    /**
     * Metal's glossy lobe: roughness 0.2 with anisotropy 0.25 gives {@code (0.2 * 0.75, 0.2 / 0.75)}. Taken as
     * alpha without squaring it: the squared values (0.03, 0.053) leave tops and upper halves of metal
     * objects far darker and sharper than CLEVR's images show, while these reproduce their brushed tops and
     * glowing spheres (compared side by side on reconstructed real scenes).
     */
    private static final double METAL_AX = 0.2 * 0.75;
    private static final double METAL_AY = 0.2 / 0.75;
    private static final double METAL_MIRROR = 0.6;
    private static final int GLOSSY_SAMPLES = 8;
    /** Side of the fixed grid of lamp points for floor penumbrae. */
    private static final int GRID = 6;
    static final int ENV_SIZE = 48;
    private static final int LOBE_SAMPLES = 128;
    private static final double[] LOBE = lobeSamples();
    private static final double METAL_GLOSSY = 0.4;

    private final World w;
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

    private final int[] candidates;
    private int candidateCount;
    private final double[] poly = new double[3 * 8];
    private final double[] tmp = new double[3];
    private final double[] nrm = new double[3];
    private final double[] tng = new double[3];
    private final double[] bit = new double[3];

    // accumulators of direct()
    private double eR;
    private double eG;
    private double eB;
    private double vR;
    private double vG;
    private double vB;
    private double gR;
    private double gG;
    private double gB;

    // shading frame of direct() for metal
    private double fNx;
    private double fNy;
    private double fNz;
    private double fTx;
    private double fTy;
    private double fTz;
    private double fBx;
    private double fBy;
    private double fBz;

    Tracer(World world) {
        this.w = world;
        this.candidates = new int[Math.max(1, world.objects.length)];
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

    private boolean occluded(double px, double py, double pz, double dx, double dy, double dz, double dist) {
        RenderObject[] objs = w.objects;
        for (int k = 0; k < candidateCount; k++) {
            if (objs[candidates[k]].intersect(px, py, pz, dx, dy, dz, EPS, dist) < dist) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the objects that may block some segment from p to a disk of the given radius around c: the
     * cone of such segments widens linearly from p to c.
     */
    private void collectCandidates(double px, double py, double pz, double cx, double cy, double cz, double radius,
            int self) {
        candidateCount = 0;
        double sx = cx - px;
        double sy = cy - py;
        double sz = cz - pz;
        double len2 = sx * sx + sy * sy + sz * sz;
        RenderObject[] objs = w.objects;
        for (int i = 0; i < objs.length; i++) {
            if (i == self) {
                continue;
            }
            RenderObject o = objs[i];
            double ox = o.cx - px;
            double oy = o.cy - py;
            double oz = o.cz - pz;
            double t = (ox * sx + oy * sy + oz * sz) / len2;
            t = Math.min(Math.max(t, 0), 1);
            double qx = ox - t * sx;
            double qy = oy - t * sy;
            double qz = oz - t * sz;
            double reach = o.bound + t * radius;
            if (qx * qx + qy * qy + qz * qz < reach * reach) {
                candidates[candidateCount++] = i;
            }
        }
    }

    /** Like {@link #collectCandidates} for the sun: a cone of half-angle atan(0.1) along the sun direction. */
    private void collectSunCandidates(double px, double py, double pz, int self) {
        candidateCount = 0;
        RenderObject[] objs = w.objects;
        for (int i = 0; i < objs.length; i++) {
            if (i == self) {
                continue;
            }
            RenderObject o = objs[i];
            double ox = o.cx - px;
            double oy = o.cy - py;
            double oz = o.cz - pz;
            double t = Math.max(ox * World.SUN_X + oy * World.SUN_Y + oz * World.SUN_Z, 0);
            double qx = ox - t * World.SUN_X;
            double qy = oy - t * World.SUN_Y;
            double qz = oz - t * World.SUN_Z;
            double reach = o.bound + t * World.SUN_TAN * 1.01;
            if (qx * qx + qy * qy + qz * qz < reach * reach) {
                candidates[candidateCount++] = i;
            }
        }
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
        direct(px, py, pz, nx, ny, nz, 0, 0, 1, -1, MAT_GROUND, 0, depth, group);
        w.groundIndirect.at(u, Ground.v(px, py), tmp);
        double k = Ground.ALBEDO / Math.PI;
        outR = k * (eR + tmp[0]);
        outG = k * (eG + tmp[1]);
        outB = k * (eB + tmp[2]);
    }

    private void shadeRubber(RenderObject o, int index, double px, double py, double pz, double nx, double ny,
            double nz, double vx, double vy, double vz, double cosNO, int depth, int group) {
        double f2 = fresnel(cosNO, 1.2);
        double f1 = fresnel(cosNO, 1.4);
        double wd = (1 - f2) * (1 - f1);
        double wv = (1 - f2) * f1;
        double wg = f2;
        direct(px, py, pz, nx, ny, nz, vx, vy, vz, index, MAT_RUBBER, cosNO, depth, group);
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
        outR = o.red * (kd * (eR + ir) + wv * vR + kv * ir) + wg * (gR + 0.8 * rr);
        outG = o.green * (kd * (eG + ig) + wv * vG + kv * ig) + wg * (gG + 0.8 * rg);
        outB = o.blue * (kd * (eB + ib) + wv * vB + kv * ib) + wg * (gB + 0.8 * rb);
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
        fNx = nx;
        fNy = ny;
        fNz = nz;
        fTx = tx;
        fTy = ty;
        fTz = tz;
        fBx = ny * tz - nz * ty;
        fBy = nz * tx - nx * tz;
        fBz = nx * ty - ny * tx;

        // light samples (MIS-weighted against the BRDF sample below)
        direct(px, py, pz, nx, ny, nz, vx, vy, vz, index, MAT_METAL, cosNO, depth, group);
        double gr = gR;
        double gg = gG;
        double gb = gB;

        // the lobe's environment (emitters excluded: light samples cover them) from the object's probe, with a
        // fixed, well-spread set of lobe samples: every pixel integrates the same way, so the result is smooth
        float[] env = w.envProbes[index];
        if (env != null) {
            int per = GLOSSY_SAMPLES;
            double lambdaV = ggxLambda(vx, vy, vz);
            double er = 0;
            double eg = 0;
            double eb = 0;
            for (int k = 0; k < per; k++) {
                int j = 3 * ((pixelSample * per + k) % LOBE_SAMPLES);
                double ht = LOBE[j];
                double hb = LOBE[j + 1];
                double hn = LOBE[j + 2];
                double hx = ht * tx + hb * fBx + hn * nx;
                double hy = ht * ty + hb * fBy + hn * ny;
                double hz = ht * tz + hb * fBz + hn * nz;
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
                double weight = vh / (cosNO * hn) / (1 + lambdaV + ggxLambda(lx, ly, lz));
                envLookup(env, lx, ly, lz);
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

    // ---------------------------------------------------------------- direct light

    /**
     * Sums the light of every lamp and the sun at a point: diffuse irradiance into {@code e*}, velvet into
     * {@code v*} and glossy radiance into {@code g*} (velvet and glossy only for rubber and metal).
     */
    private void direct(double px, double py, double pz, double nx, double ny, double nz, double vx, double vy,
            double vz, int self, int material, double cosNO, int depth, int group) {
        eR = eG = eB = 0;
        vR = vG = vB = 0;
        gR = gG = gB = 0;
        int samples = group >= 0 ? 4 : 1;
        double ox = px + nx * EPS;
        double oy = py + ny * EPS;
        double oz = pz + nz * EPS;
        for (AreaLamp l : w.lamps) {
            double front = (px - l.cx) * l.fx + (py - l.cy) * l.fy + (pz - l.cz) * l.fz;
            if (front <= 0) {
                continue;
            }
            double phi = material == MAT_METAL ? 1 : projectedSolidAngle(px, py, pz, nx, ny, nz, l);
            if (phi <= 0) {
                continue;
            }
            collectCandidates(px, py, pz, l.cx, l.cy, l.cz, l.circumradius, self);
            if (candidateCount == 0 && material == MAT_GROUND) {
                eR += phi * l.radianceR;
                eG += phi * l.radianceG;
                eB += phi * l.radianceB;
                continue;
            }
            int valid = 0;
            int visible = 0;
            double sv = 0;
            double sg = 0;
            int taken = samples;
            for (int s = 0; s < taken; s++) {
                if (s == samples && group >= 0) {
                    // a primary sample in a penumbra: complete the 4x4 strata
                    taken = 16;
                }
                double a;
                double b;
                if (group >= 0) {
                    // 4x4 strata over the lamp: sample s lies in quadrant s&3 of the 2x2 grid, and in cell
                    // g of that quadrant, with g = group for the first four and the other cells after them
                    int g = (group + (s >> 2)) & 3;
                    int qx = s & 1;
                    int qy = (s >> 1) & 1;
                    a = ((qx * 2 + (g & 1)) + random()) / 4 * 2 - 1;
                    b = ((qy * 2 + (g >> 1)) + random()) / 4 * 2 - 1;
                } else {
                    a = 2 * random() - 1;
                    b = 2 * random() - 1;
                }
                double qx = l.cx + a * l.ex + b * l.wx - px;
                double qy = l.cy + a * l.ey + b * l.wy - py;
                double qz = l.cz + a * l.ez + b * l.wz - pz;
                double d2 = qx * qx + qy * qy + qz * qz;
                double d = Math.sqrt(d2);
                qx /= d;
                qy /= d;
                qz /= d;
                double cosN = qx * nx + qy * ny + qz * nz;
                double cosL = -(qx * l.fx + qy * l.fy + qz * l.fz);
                if (cosN <= 0 || cosL <= 0) {
                    continue;
                }
                valid++;
                if (candidateCount > 0 && occluded(ox, oy, oz, qx, qy, qz, d)) {
                    continue;
                }
                visible++;
                if (material == MAT_GROUND) {
                    continue;
                }
                double g = cosN * cosL * l.area / d2;
                if (material == MAT_RUBBER) {
                    sv += velvet(nx, ny, nz, vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                    sg += 0.8 * beckmann(nx, ny, nz, vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                } else {
                    sg += ggxBrdf(vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                }
                if (s == samples - 1 && group >= 0 && material != MAT_METAL && visible > 0 && visible < valid) {
                    taken = samples + 1;
                }
            }
            double vis;
            if (candidateCount == 0) {
                vis = 1;
            } else if (valid == 0) {
                vis = 0;
            } else {
                vis = (double) visible / valid;
            }
            if (material == MAT_GROUND && group >= 0 && vis > 0 && vis < 1) {
                // a floor penumbra seen by the camera: a fixed 6x6 grid of lamp points gives a smooth gradient
                vis = gridVisibility(l, ox, oy, oz, nx, ny, nz);
            }
            double kd = phi * vis;
            eR += kd * l.radianceR;
            eG += kd * l.radianceG;
            eB += kd * l.radianceB;
            sv /= taken;
            sg /= taken;
            vR += sv * l.radianceR;
            vG += sv * l.radianceG;
            vB += sv * l.radianceB;
            gR += sg * l.radianceR;
            gG += sg * l.radianceG;
            gB += sg * l.radianceB;
        }
        sun(px, py, pz, ox, oy, oz, nx, ny, nz, vx, vy, vz, self, material, cosNO, depth, group, samples);
    }

    private void sun(double px, double py, double pz, double ox, double oy, double oz, double nx, double ny,
            double nz, double vx, double vy, double vz, int self, int material, double cosNO, int depth, int group,
            int samples) {
        double cosS = nx * World.SUN_X + ny * World.SUN_Y + nz * World.SUN_Z;
        if (cosS <= -World.SUN_TAN) {
            return;
        }
        collectSunCandidates(px, py, pz, self);
        if (candidateCount == 0 && material == MAT_GROUND) {
            double e = World.SUN_IRRADIANCE * Math.max(cosS, 0);
            eR += e;
            eG += e;
            eB += e;
            return;
        }
        basis(World.SUN_X, World.SUN_Y, World.SUN_Z, tmp, bit);
        int visible = 0;
        double sv = 0;
        double sg = 0;
        int taken = samples;
        for (int s = 0; s < taken; s++) {
            if (s == samples && group >= 0) {
                taken = 16;
            }
            double r1;
            double r2;
            if (group >= 0) {
                int g = (group + (s >> 2)) & 3;
                r1 = ((s & 1) * 2 + (g & 1) + random()) / 4;
                r2 = (((s >> 1) & 1) * 2 + (g >> 1) + random()) / 4;
            } else {
                r1 = random();
                r2 = random();
            }
            double rad = World.SUN_TAN * Math.sqrt(r1);
            double ang = 2 * Math.PI * r2;
            double a = rad * Math.cos(ang);
            double b = rad * Math.sin(ang);
            double dx = World.SUN_X + a * tmp[0] + b * bit[0];
            double dy = World.SUN_Y + a * tmp[1] + b * bit[1];
            double dz = World.SUN_Z + a * tmp[2] + b * bit[2];
            double dn = Math.sqrt(dx * dx + dy * dy + dz * dz);
            dx /= dn;
            dy /= dn;
            dz /= dn;
            if (candidateCount > 0 && occluded(ox, oy, oz, dx, dy, dz, Double.POSITIVE_INFINITY)) {
                if (s == samples - 1 && group >= 0 && material != MAT_METAL && visible > 0) {
                    taken = samples + 1;
                }
                continue;
            }
            visible++;
            if (s == samples - 1 && group >= 0 && material != MAT_METAL && visible < samples) {
                taken = samples + 1;
            }
            double cosN = dx * nx + dy * ny + dz * nz;
            if (material == MAT_GROUND || cosN <= 0) {
                continue;
            }
            double g = cosN * World.SUN_SOLID_ANGLE;
            if (material == MAT_RUBBER) {
                sv += velvet(nx, ny, nz, vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
                sg += 0.8 * beckmann(nx, ny, nz, vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
            } else {
                sg += ggxBrdf(vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
            }
        }
        double vis = candidateCount == 0 ? 1 : (double) visible / taken;
        if (material == MAT_GROUND && group >= 0 && vis > 0 && vis < 1) {
            vis = sunGridVisibility(ox, oy, oz);
        }
        double e = World.SUN_IRRADIANCE * Math.max(cosS, 0) * vis;
        eR += e;
        eG += e;
        eB += e;
        double lv = sv / taken * World.SUN_RADIANCE;
        double lg = sg / taken * World.SUN_RADIANCE;
        vR += lv;
        vG += lv;
        vB += lv;
        gR += lg;
        gG += lg;
        gB += lg;
    }

    /** Fraction of a fixed grid of points on a lamp (above the horizon) that the point sees. */
    private double gridVisibility(AreaLamp l, double ox, double oy, double oz, double nx, double ny, double nz) {
        int valid = 0;
        int visible = 0;
        for (int i = 0; i < GRID; i++) {
            double a = (2 * i + 1.0) / GRID - 1;
            for (int j = 0; j < GRID; j++) {
                double b = (2 * j + 1.0) / GRID - 1;
                double qx = l.cx + a * l.ex + b * l.wx - ox;
                double qy = l.cy + a * l.ey + b * l.wy - oy;
                double qz = l.cz + a * l.ez + b * l.wz - oz;
                double d = Math.sqrt(qx * qx + qy * qy + qz * qz);
                qx /= d;
                qy /= d;
                qz /= d;
                if (qx * nx + qy * ny + qz * nz <= 0) {
                    continue;
                }
                valid++;
                if (!occluded(ox, oy, oz, qx, qy, qz, d)) {
                    visible++;
                }
            }
        }
        return valid == 0 ? 0 : (double) visible / valid;
    }

    /** Fraction of a fixed spiral of directions over the sun's disk that the point sees. */
    private double sunGridVisibility(double ox, double oy, double oz) {
        basis(World.SUN_X, World.SUN_Y, World.SUN_Z, tmp, bit);
        int visible = 0;
        int n = GRID * GRID;
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int k = 0; k < n; k++) {
            double rad = World.SUN_TAN * Math.sqrt((k + 0.5) / n);
            double ang = golden * k;
            double a = rad * Math.cos(ang);
            double b = rad * Math.sin(ang);
            double dx = World.SUN_X + a * tmp[0] + b * bit[0];
            double dy = World.SUN_Y + a * tmp[1] + b * bit[1];
            double dz = World.SUN_Z + a * tmp[2] + b * bit[2];
            double dn = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (!occluded(ox, oy, oz, dx / dn, dy / dn, dz / dn, Double.POSITIVE_INFINITY)) {
                visible++;
            }
        }
        return (double) visible / n;
    }

    /**
     * Returns the cosine-weighted solid angle of a lamp seen from p with normal n (its irradiance per unit
     * radiance), by Lambert's formula over the lamp polygon clipped to the upper hemisphere.
     */
    private double projectedSolidAngle(double px, double py, double pz, double nx, double ny, double nz,
            AreaLamp l) {
        double[] c = l.corners;
        int count = 0;
        // Sutherland-Hodgman against the plane n . (q - p) >= 0
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) & 3;
            double ax = c[3 * i] - px;
            double ay = c[3 * i + 1] - py;
            double az = c[3 * i + 2] - pz;
            double bx = c[3 * j] - px;
            double by = c[3 * j + 1] - py;
            double bz = c[3 * j + 2] - pz;
            double ha = ax * nx + ay * ny + az * nz;
            double hb = bx * nx + by * ny + bz * nz;
            if (ha >= 0) {
                poly[3 * count] = ax;
                poly[3 * count + 1] = ay;
                poly[3 * count + 2] = az;
                count++;
            }
            if ((ha >= 0) != (hb >= 0)) {
                double t = ha / (ha - hb);
                poly[3 * count] = ax + t * (bx - ax);
                poly[3 * count + 1] = ay + t * (by - ay);
                poly[3 * count + 2] = az + t * (bz - az);
                count++;
            }
        }
        if (count < 3) {
            return 0;
        }
        for (int i = 0; i < count; i++) {
            double x = poly[3 * i];
            double y = poly[3 * i + 1];
            double z = poly[3 * i + 2];
            double n = Math.sqrt(x * x + y * y + z * z);
            poly[3 * i] = x / n;
            poly[3 * i + 1] = y / n;
            poly[3 * i + 2] = z / n;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            int j = (i + 1) % count;
            double ax = poly[3 * i];
            double ay = poly[3 * i + 1];
            double az = poly[3 * i + 2];
            double bx = poly[3 * j];
            double by = poly[3 * j + 1];
            double bz = poly[3 * j + 2];
            double cx = ay * bz - az * by;
            double cy = az * bx - ax * bz;
            double cz = ax * by - ay * bx;
            double cn = Math.sqrt(cx * cx + cy * cy + cz * cz);
            if (cn < 1e-12) {
                continue;
            }
            double theta = Math.atan2(cn, ax * bx + ay * by + az * bz);
            sum += theta * (cx * nx + cy * ny + cz * nz) / cn;
        }
        return 0.5 * Math.abs(sum);
    }

    // ---------------------------------------------------------------- BRDFs

    /** Dielectric Fresnel reflectance for a cosine and a relative index of refraction. */
    static double fresnel(double cosi, double eta) {
        double c = Math.abs(cosi);
        double g = eta * eta - 1 + c * c;
        if (g <= 0) {
            return 1;
        }
        g = Math.sqrt(g);
        double a = (g - c) / (g + c);
        double b = (c * (g + c) - 1) / (c * (g - c) + 1);
        return 0.5 * a * a * (1 + b * b);
    }

    /** Cycles' velvet (Ashikhmin): returns the BRDF value. */
    private static double velvet(double nx, double ny, double nz, double vx, double vy, double vz, double lx,
            double ly, double lz, double cosNO, double cosNI) {
        double hx = lx + vx;
        double hy = ly + vy;
        double hz = lz + vz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        if (hn < 1e-9) {
            return 0;
        }
        hx /= hn;
        hy /= hn;
        hz /= hn;
        double cosNH = nx * hx + ny * hy + nz * hz;
        double cosHO = Math.abs(vx * hx + vy * hy + vz * hz);
        if (!(Math.abs(cosNH) < 1 - 1e-5 && cosHO > 1e-5)) {
            return 0;
        }
        double ratio = Math.max(cosNH / cosHO, 1e-5);
        double g = Math.min(1, Math.min(2 * Math.abs(ratio * cosNO), 2 * Math.abs(ratio * cosNI)));
        double sin2 = 1 - cosNH * cosNH;
        double cot2 = cosNH * cosNH / sin2;
        double d = Math.exp(-cot2 / VELVET_SIGMA2) / (VELVET_SIGMA2 * Math.PI * sin2 * sin2);
        return 0.25 * d * g / (cosNO * cosNI);
    }

    /** Beckmann microfacet BRDF without Fresnel (the mix node's Fresnel weights it). */
    private static double beckmann(double nx, double ny, double nz, double vx, double vy, double vz, double lx,
            double ly, double lz, double cosNO, double cosNI) {
        double hx = lx + vx;
        double hy = ly + vy;
        double hz = lz + vz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        hx /= hn;
        hy /= hn;
        hz /= hn;
        double c = nx * hx + ny * hy + nz * hz;
        if (c <= 0) {
            return 0;
        }
        double a2 = RUBBER_GLOSS_ALPHA * RUBBER_GLOSS_ALPHA;
        double c2 = c * c;
        double d = Math.exp((c2 - 1) / (c2 * a2)) / (Math.PI * a2 * c2 * c2);
        double g = smithBeckmann(cosNO) * smithBeckmann(cosNI);
        return d * g / (4 * cosNO * cosNI);
    }

    private static double smithBeckmann(double cos) {
        double tan = Math.sqrt(Math.max(0, 1 - cos * cos)) / cos;
        if (tan == 0) {
            return 1;
        }
        double a = 1 / (RUBBER_GLOSS_ALPHA * tan);
        if (a >= 1.6) {
            return 1;
        }
        return (3.535 * a + 2.181 * a * a) / (1 + 2.276 * a + 2.577 * a * a);
    }

    /** Anisotropic GGX distribution in the current metal frame. */
    private double ggxD(double hx, double hy, double hz) {
        double ht = hx * fTx + hy * fTy + hz * fTz;
        double hb = hx * fBx + hy * fBy + hz * fBz;
        double hn = hx * fNx + hy * fNy + hz * fNz;
        if (hn <= 0) {
            return 0;
        }
        double x = ht / METAL_AX;
        double y = hb / METAL_AY;
        double s = x * x + y * y + hn * hn;
        return 1 / (Math.PI * METAL_AX * METAL_AY * s * s);
    }

    private double ggxLambda(double x, double y, double z) {
        double t = x * fTx + y * fTy + z * fTz;
        double b = x * fBx + y * fBy + z * fBz;
        double n = x * fNx + y * fNy + z * fNz;
        double a2 = (METAL_AX * METAL_AX * t * t + METAL_AY * METAL_AY * b * b) / (n * n);
        return 0.5 * (-1 + Math.sqrt(1 + a2));
    }

    /** Anisotropic GGX BRDF (no Fresnel: CLEVR's metal has none). */
    private double ggxBrdf(double vx, double vy, double vz, double lx, double ly, double lz, double cosNO,
            double cosNI) {
        double hx = lx + vx;
        double hy = ly + vy;
        double hz = lz + vz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        hx /= hn;
        hy /= hn;
        hz /= hn;
        double d = ggxD(hx, hy, hz);
        double g = 1 / (1 + ggxLambda(vx, vy, vz) + ggxLambda(lx, ly, lz));
        return d * g / (4 * cosNO * cosNI);
    }

    // ---------------------------------------------------------------- probes

    /**
     * Computes the indirect-irradiance probe of a rubber object from {@code rays} directions spread evenly
     * over the sphere, shot from the object's centre (the object itself is transparent to them).
     */
    void computeProbe(int index, int rays) {
        RenderObject o = w.objects[index];
        double[] sh = new double[27];
        double[] y = new double[9];
        double golden = Math.PI * (3 - Math.sqrt(5));
        double offset = random() * 2 * Math.PI;
        for (int k = 0; k < rays; k++) {
            double z = 1 - (2 * k + 1.0) / rays;
            double r = Math.sqrt(Math.max(0, 1 - z * z));
            double a = golden * k + offset;
            double dx = r * Math.cos(a);
            double dy = r * Math.sin(a);
            trace(o.cx, o.cy, o.cz, dx, dy, z, 1, index, false);
            Sh9.basis(dx, dy, z, y);
            for (int i = 0; i < 9; i++) {
                sh[i] += outR * y[i];
                sh[9 + i] += outG * y[i];
                sh[18 + i] += outB * y[i];
            }
        }
        double scale = 4 * Math.PI / rays;
        for (int i = 0; i < 27; i++) {
            sh[i] *= scale;
        }
        w.probes[index] = sh;
    }

    /**
     * Computes the environment probe of a metal object: the radiance seen from its centre (the object itself
     * transparent, lamps and sun left out) on an octahedral map of {@value #ENV_SIZE}^2 directions.
     */
    void computeEnvProbe(int index) {
        RenderObject o = w.objects[index];
        float[] env = new float[3 * ENV_SIZE * ENV_SIZE];
        for (int j = 0; j < ENV_SIZE; j++) {
            for (int i = 0; i < ENV_SIZE; i++) {
                double u = 2 * (i + 0.5) / ENV_SIZE - 1;
                double v = 2 * (j + 0.5) / ENV_SIZE - 1;
                double z = 1 - Math.abs(u) - Math.abs(v);
                if (z < 0) {
                    double ou = u;
                    u = (1 - Math.abs(v)) * Math.copySign(1, ou);
                    v = (1 - Math.abs(ou)) * Math.copySign(1, v);
                }
                double n = Math.sqrt(u * u + v * v + z * z);
                trace(o.cx, o.cy, o.cz, u / n, v / n, z / n, 1, index, false, 0);
                int k = 3 * (j * ENV_SIZE + i);
                env[k] = (float) outR;
                env[k + 1] = (float) outG;
                env[k + 2] = (float) outB;
            }
        }
        w.envProbes[index] = env;
    }

    /** Reads an environment probe in a direction (bilinear on the octahedral map) into {@link #tmp}. */
    private void envLookup(float[] env, double x, double y, double z) {
        double s = Math.abs(x) + Math.abs(y) + Math.abs(z);
        double u = x / s;
        double v = y / s;
        if (z < 0) {
            double ou = u;
            u = (1 - Math.abs(v)) * Math.copySign(1, ou);
            v = (1 - Math.abs(ou)) * Math.copySign(1, v);
        }
        double fu = (u + 1) * 0.5 * ENV_SIZE - 0.5;
        double fv = (v + 1) * 0.5 * ENV_SIZE - 0.5;
        int i0 = (int) Math.floor(fu);
        int j0 = (int) Math.floor(fv);
        double a = fu - i0;
        double b = fv - j0;
        int i1 = Math.min(i0 + 1, ENV_SIZE - 1);
        int j1 = Math.min(j0 + 1, ENV_SIZE - 1);
        i0 = Math.max(i0, 0);
        j0 = Math.max(j0, 0);
        int r0 = j0 * ENV_SIZE;
        int r1 = j1 * ENV_SIZE;
        for (int c = 0; c < 3; c++) {
            double v00 = env[3 * (r0 + i0) + c];
            double v01 = env[3 * (r0 + i1) + c];
            double v10 = env[3 * (r1 + i0) + c];
            double v11 = env[3 * (r1 + i1) + c];
            tmp[c] = (1 - b) * ((1 - a) * v00 + a * v01) + b * ((1 - a) * v10 + a * v11);
        }
    }

    private static double radicalInverse(int i, int base) {
        double f = 1;
        double r = 0;
        while (i > 0) {
            f /= base;
            r += f * (i % base);
            i /= base;
        }
        return r;
    }

    /** Half vectors (tangent, bitangent, normal components) that sample metal's glossy lobe. */
    private static double[] lobeSamples() {
        double[] out = new double[3 * LOBE_SAMPLES];
        for (int i = 0; i < LOBE_SAMPLES; i++) {
            // Halton points (bases 2 and 3): every run of consecutive points is spread over the square
            double u1 = radicalInverse(i + 1, 2);
            double u2 = radicalInverse(i + 1, 3);
            double phi = Math.atan(METAL_AY / METAL_AX * Math.tan(2 * Math.PI * u2 + 0.5 * Math.PI));
            if (u2 > 0.5) {
                phi += Math.PI;
            }
            double cp = Math.cos(phi);
            double sp = Math.sin(phi);
            double a2 = 1 / (cp * cp / (METAL_AX * METAL_AX) + sp * sp / (METAL_AY * METAL_AY));
            double tan2 = a2 * u1 / (1 - u1);
            double cth = 1 / Math.sqrt(1 + tan2);
            double sth = Math.sqrt(Math.max(0, 1 - cth * cth));
            out[3 * i] = sth * cp;
            out[3 * i + 1] = sth * sp;
            out[3 * i + 2] = cth;
        }
        return out;
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
