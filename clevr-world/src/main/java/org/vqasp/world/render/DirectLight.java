package org.vqasp.world.render;

/**
 * The direct light at a point (docs/rendering.md, "Lights"): for each lamp its exact unoccluded diffuse irradiance
 * (Lambert's formula for the polygon, clipped to the surface's hemisphere), then visibility from stratified points on
 * the lamp when some object could shadow it (found by a conservative cone test), and the same points for the glossy
 * and velvet lobes; likewise for the sun's small disk. Floor penumbrae seen by the camera use a fixed grid of lamp
 * points for a smooth gradient. One per tracer: it draws its random numbers from the tracer's stream.
 */
final class DirectLight {

    /** Side of the fixed grid of lamp points for floor penumbrae. */
    private static final int GRID = 6;

    private final World w;
    private final Tracer tracer;
    private final GgxLobe ggx;

    private final int[] candidates;
    private int candidateCount;
    private final double[] poly = new double[3 * 8];
    private final double[] tmp = new double[3];
    private final double[] bit = new double[3];

    /** Diffuse irradiance of the last {@link #direct}. */
    double eR;
    double eG;
    double eB;
    /** Velvet radiance of the last {@link #direct} (rubber). */
    double vR;
    double vG;
    double vB;
    /** Glossy radiance of the last {@link #direct} (rubber and metal). */
    double gR;
    double gG;
    double gB;

    /**
     * Creates the direct light of a world for a tracer.
     *
     * @param world the world
     * @param tracer the tracer whose random stream it draws from
     * @param ggx the metal lobe, in the frame of the point being shaded
     */
    DirectLight(World world, Tracer tracer, GgxLobe ggx) {
        this.w = world;
        this.tracer = tracer;
        this.ggx = ggx;
        this.candidates = new int[Math.max(1, world.objects.length)];
    }

    private boolean occluded(double px, double py, double pz, double dx, double dy, double dz, double dist) {
        RenderObject[] objs = w.objects;
        for (int k = 0; k < candidateCount; k++) {
            if (objs[candidates[k]].intersect(px, py, pz, dx, dy, dz, Tracer.EPS, dist) < dist) {
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

    /**
     * Sums the light of every lamp and the sun at a point: diffuse irradiance into {@code e*}, velvet into
     * {@code v*} and glossy radiance into {@code g*} (velvet and glossy only for rubber and metal).
     */
    void direct(double px, double py, double pz, double nx, double ny, double nz, double vx, double vy,
            double vz, int self, int material, double cosNO, int depth, int group) {
        eR = eG = eB = 0;
        vR = vG = vB = 0;
        gR = gG = gB = 0;
        int samples = group >= 0 ? 4 : 1;
        double ox = px + nx * Tracer.EPS;
        double oy = py + ny * Tracer.EPS;
        double oz = pz + nz * Tracer.EPS;
        for (AreaLamp l : w.lamps) {
            double front = (px - l.cx) * l.fx + (py - l.cy) * l.fy + (pz - l.cz) * l.fz;
            if (front <= 0) {
                continue;
            }
            double phi = material == Tracer.MAT_METAL ? 1 : projectedSolidAngle(px, py, pz, nx, ny, nz, l);
            if (phi <= 0) {
                continue;
            }
            collectCandidates(px, py, pz, l.cx, l.cy, l.cz, l.circumradius, self);
            if (candidateCount == 0 && material == Tracer.MAT_GROUND) {
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
                    a = ((qx * 2 + (g & 1)) + tracer.random()) / 4 * 2 - 1;
                    b = ((qy * 2 + (g >> 1)) + tracer.random()) / 4 * 2 - 1;
                } else {
                    a = 2 * tracer.random() - 1;
                    b = 2 * tracer.random() - 1;
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
                if (material == Tracer.MAT_GROUND) {
                    continue;
                }
                double g = cosN * cosL * l.area / d2;
                if (material == Tracer.MAT_RUBBER) {
                    sv += Brdf.velvet(nx, ny, nz, vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                    sg += 0.8 * Brdf.beckmann(nx, ny, nz, vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                } else {
                    sg += ggx.brdf(vx, vy, vz, qx, qy, qz, cosNO, cosN) * g;
                }
                if (s == samples - 1 && group >= 0 && material != Tracer.MAT_METAL && visible > 0 && visible < valid) {
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
            if (material == Tracer.MAT_GROUND && group >= 0 && vis > 0 && vis < 1) {
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
        if (candidateCount == 0 && material == Tracer.MAT_GROUND) {
            double e = World.SUN_IRRADIANCE * Math.max(cosS, 0);
            eR += e;
            eG += e;
            eB += e;
            return;
        }
        Tracer.basis(World.SUN_X, World.SUN_Y, World.SUN_Z, tmp, bit);
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
                r1 = ((s & 1) * 2 + (g & 1) + tracer.random()) / 4;
                r2 = (((s >> 1) & 1) * 2 + (g >> 1) + tracer.random()) / 4;
            } else {
                r1 = tracer.random();
                r2 = tracer.random();
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
                if (s == samples - 1 && group >= 0 && material != Tracer.MAT_METAL && visible > 0) {
                    taken = samples + 1;
                }
                continue;
            }
            visible++;
            if (s == samples - 1 && group >= 0 && material != Tracer.MAT_METAL && visible < samples) {
                taken = samples + 1;
            }
            double cosN = dx * nx + dy * ny + dz * nz;
            if (material == Tracer.MAT_GROUND || cosN <= 0) {
                continue;
            }
            double g = cosN * World.SUN_SOLID_ANGLE;
            if (material == Tracer.MAT_RUBBER) {
                sv += Brdf.velvet(nx, ny, nz, vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
                sg += 0.8 * Brdf.beckmann(nx, ny, nz, vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
            } else {
                sg += ggx.brdf(vx, vy, vz, dx, dy, dz, cosNO, cosN) * g;
            }
        }
        double vis = candidateCount == 0 ? 1 : (double) visible / taken;
        if (material == Tracer.MAT_GROUND && group >= 0 && vis > 0 && vis < 1) {
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
        Tracer.basis(World.SUN_X, World.SUN_Y, World.SUN_Z, tmp, bit);
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
}
