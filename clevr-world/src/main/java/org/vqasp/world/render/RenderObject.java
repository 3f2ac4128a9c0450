package org.vqasp.world.render;

/**
 * One CLEVR object as the tracer sees it: a unit shape scaled by {@code s}, turned about z and moved to its
 * centre. Shapes follow CLEVR's meshes: a sphere of radius 0.9992; a cube {@code [-1, 1]^3} that is flat to
 * 0.75 and rounded by {@code ||max(|p| - 0.75, 0)||_3 = 0.25}; a cylinder of radius 1 and height 2 whose rims
 * carry a 0.1 fillet with a degree-4 superellipse profile.
 *
 * <p>Intersections work in object space, where a ray {@code o + t d} keeps its parameter {@code t}.
 */
final class RenderObject {

    static final int SPHERE = 0;
    static final int CUBE = 1;
    static final int CYLINDER = 2;

    private static final double SPHERE_RADIUS = 0.9992;
    private static final double CUBE_FLAT = 0.75;
    private static final double CUBE_ROUND3 = 0.25 * 0.25 * 0.25;
    private static final double CYL_FLAT = 0.9;
    private static final double CYL_FILLET = 0.1;
    private static final int ROOT_STEPS = 14;
    private static final int BISECTIONS = 18;

    final int shape;
    final double cx;
    final double cy;
    final double cz;
    final double scale;
    final double cos;
    final double sin;
    /** Radius of the bounding sphere about the centre. */
    final double bound;
    final double red;
    final double green;
    final double blue;
    final boolean metal;

    RenderObject(int shape, double cx, double cy, double cz, double scale, double rotationRadians, double red,
            double green, double blue, boolean metal) {
        this.shape = shape;
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
        this.scale = scale;
        this.cos = Math.cos(rotationRadians);
        this.sin = Math.sin(rotationRadians);
        this.bound = scale * (shape == SPHERE ? SPHERE_RADIUS : shape == CUBE ? Math.sqrt(3) : Math.sqrt(2)) * 1.0001;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.metal = metal;
    }

    /**
     * Returns the smallest {@code t} in {@code (tMin, tMax)} where the ray meets the surface, or
     * {@code +inf}. The direction need not be normalised.
     */
    double intersect(double ox, double oy, double oz, double dx, double dy, double dz, double tMin, double tMax) {
        // bounding sphere first
        double px = ox - cx;
        double py = oy - cy;
        double pz = oz - cz;
        double a = dx * dx + dy * dy + dz * dz;
        double b = px * dx + py * dy + pz * dz;
        double c = px * px + py * py + pz * pz - bound * bound;
        double disc = b * b - a * c;
        if (disc < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double sq = Math.sqrt(disc);
        double tFar = (-b + sq) / a;
        if (tFar <= tMin) {
            return Double.POSITIVE_INFINITY;
        }
        double tNear = (-b - sq) / a;
        if (tNear >= tMax) {
            return Double.POSITIVE_INFINITY;
        }
        if (shape == SPHERE) {
            double r = scale * SPHERE_RADIUS;
            c = px * px + py * py + pz * pz - r * r;
            disc = b * b - a * c;
            if (disc < 0) {
                return Double.POSITIVE_INFINITY;
            }
            sq = Math.sqrt(disc);
            double t = (-b - sq) / a;
            if (t <= tMin) {
                t = (-b + sq) / a;
            }
            return t > tMin && t < tMax ? t : Double.POSITIVE_INFINITY;
        }
        double inv = 1.0 / scale;
        double lox = (px * cos + py * sin) * inv;
        double loy = (-px * sin + py * cos) * inv;
        double loz = pz * inv;
        double ldx = (dx * cos + dy * sin) * inv;
        double ldy = (-dx * sin + dy * cos) * inv;
        double ldz = dz * inv;
        double t = shape == CUBE ? cube(lox, loy, loz, ldx, ldy, ldz, tMin)
                : cylinder(lox, loy, loz, ldx, ldy, ldz, tMin);
        return t < tMax ? t : Double.POSITIVE_INFINITY;
    }

    /** Writes the unit outward normal at a surface point into {@code out}. */
    void normal(double x, double y, double z, double[] out) {
        double px = x - cx;
        double py = y - cy;
        double pz = z - cz;
        if (shape == SPHERE) {
            double n = Math.sqrt(px * px + py * py + pz * pz);
            out[0] = px / n;
            out[1] = py / n;
            out[2] = pz / n;
            return;
        }
        double inv = 1.0 / scale;
        double lx = (px * cos + py * sin) * inv;
        double ly = (-px * sin + py * cos) * inv;
        double lz = pz * inv;
        double nx;
        double ny;
        double nz;
        if (shape == CUBE) {
            double mx = Math.max(Math.abs(lx) - CUBE_FLAT, 0);
            double my = Math.max(Math.abs(ly) - CUBE_FLAT, 0);
            double mz = Math.max(Math.abs(lz) - CUBE_FLAT, 0);
            nx = Math.copySign(mx * mx, lx);
            ny = Math.copySign(my * my, ly);
            nz = Math.copySign(mz * mz, lz);
            if (nx == 0 && ny == 0 && nz == 0) {
                // numerically inside the flat core: use the dominant axis
                double ax = Math.abs(lx);
                double ay = Math.abs(ly);
                double az = Math.abs(lz);
                if (ax >= ay && ax >= az) {
                    nx = Math.signum(lx);
                } else if (ay >= az) {
                    ny = Math.signum(ly);
                } else {
                    nz = Math.signum(lz);
                }
            }
        } else {
            double rho = Math.sqrt(lx * lx + ly * ly);
            double mr = Math.max(rho - CYL_FLAT, 0);
            double mz = Math.max(Math.abs(lz) - CYL_FLAT, 0);
            double ar = mr * mr * mr;
            double az = mz * mz * mz;
            if (ar == 0 && az == 0) {
                if (1 - rho < 1 - Math.abs(lz)) {
                    ar = 1;
                } else {
                    az = 1;
                }
            }
            nx = rho > 0 ? ar * lx / rho : 0;
            ny = rho > 0 ? ar * ly / rho : 0;
            nz = Math.copySign(az, lz);
        }
        double wx = nx * cos - ny * sin;
        double wy = nx * sin + ny * cos;
        double n = Math.sqrt(wx * wx + wy * wy + nz * nz);
        out[0] = wx / n;
        out[1] = wy / n;
        out[2] = nz / n;
    }

    /**
     * Writes the unit tangent of CLEVR's anisotropic metal at a point: the direction of a circle about the
     * object's vertical axis (Cycles' default radial tangent), or x on the axis itself.
     */
    void tangent(double x, double y, double[] out) {
        double px = x - cx;
        double py = y - cy;
        double r = Math.sqrt(px * px + py * py);
        if (r < 1e-9) {
            out[0] = 1;
            out[1] = 0;
        } else {
            out[0] = -py / r;
            out[1] = px / r;
        }
        out[2] = 0;
    }

    private static double cube(double ox, double oy, double oz, double dx, double dy, double dz, double tMin) {
        double tn = Double.NEGATIVE_INFINITY;
        double tf = Double.POSITIVE_INFINITY;
        int axis = -1;
        for (int i = 0; i < 3; i++) {
            double o = i == 0 ? ox : i == 1 ? oy : oz;
            double d = i == 0 ? dx : i == 1 ? dy : dz;
            if (Math.abs(d) < 1e-15) {
                if (Math.abs(o) > 1) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            double inv = 1.0 / d;
            double t0 = (-1 - o) * inv;
            double t1 = (1 - o) * inv;
            if (t0 > t1) {
                double tmp = t0;
                t0 = t1;
                t1 = tmp;
            }
            if (t0 > tn) {
                tn = t0;
                axis = i;
            }
            if (t1 < tf) {
                tf = t1;
            }
        }
        if (tn > tf || tf <= tMin || axis < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double start = Math.max(tn, tMin);
        if (tn > tMin) {
            double ex = ox + tn * dx;
            double ey = oy + tn * dy;
            double ez = oz + tn * dz;
            boolean flat = switch (axis) {
                case 0 -> Math.abs(ey) <= CUBE_FLAT && Math.abs(ez) <= CUBE_FLAT;
                case 1 -> Math.abs(ex) <= CUBE_FLAT && Math.abs(ez) <= CUBE_FLAT;
                default -> Math.abs(ex) <= CUBE_FLAT && Math.abs(ey) <= CUBE_FLAT;
            };
            if (flat) {
                return tn;
            }
        }
        return firstRoot(CUBE, ox, oy, oz, dx, dy, dz, start, tf);
    }

    private static double cylinder(double ox, double oy, double oz, double dx, double dy, double dz, double tMin) {
        double a = dx * dx + dy * dy;
        double tc0;
        double tc1;
        if (a < 1e-18) {
            if (ox * ox + oy * oy > 1) {
                return Double.POSITIVE_INFINITY;
            }
            tc0 = Double.NEGATIVE_INFINITY;
            tc1 = Double.POSITIVE_INFINITY;
        } else {
            double b = ox * dx + oy * dy;
            double c = ox * ox + oy * oy - 1;
            double disc = b * b - a * c;
            if (disc < 0) {
                return Double.POSITIVE_INFINITY;
            }
            double sq = Math.sqrt(disc);
            tc0 = (-b - sq) / a;
            tc1 = (-b + sq) / a;
        }
        double tz0;
        double tz1;
        if (Math.abs(dz) < 1e-15) {
            if (Math.abs(oz) > 1) {
                return Double.POSITIVE_INFINITY;
            }
            tz0 = Double.NEGATIVE_INFINITY;
            tz1 = Double.POSITIVE_INFINITY;
        } else {
            tz0 = (-1 - oz) / dz;
            tz1 = (1 - oz) / dz;
            if (tz0 > tz1) {
                double tmp = tz0;
                tz0 = tz1;
                tz1 = tmp;
            }
        }
        double tn = Math.max(tc0, tz0);
        double tf = Math.min(tc1, tz1);
        if (tn > tf || tf <= tMin) {
            return Double.POSITIVE_INFINITY;
        }
        if (tn > tMin) {
            double ex = ox + tn * dx;
            double ey = oy + tn * dy;
            double ez = oz + tn * dz;
            if (tc0 >= tz0) {
                if (Math.abs(ez) <= CYL_FLAT) {
                    return tn;
                }
            } else if (ex * ex + ey * ey <= CYL_FLAT * CYL_FLAT) {
                return tn;
            }
        }
        return firstRoot(CYLINDER, ox, oy, oz, dx, dy, dz, Math.max(tn, tMin), tf);
    }

    /** Implicit function of the rounded shapes: negative inside, positive outside (inside the bounding box). */
    private static double implicit(int shape, double x, double y, double z) {
        if (shape == CUBE) {
            double mx = Math.max(Math.abs(x) - CUBE_FLAT, 0);
            double my = Math.max(Math.abs(y) - CUBE_FLAT, 0);
            double mz = Math.max(Math.abs(z) - CUBE_FLAT, 0);
            return mx * mx * mx + my * my * my + mz * mz * mz - CUBE_ROUND3;
        }
        double rho = Math.sqrt(x * x + y * y);
        double mr = Math.max(rho - CYL_FLAT, 0) / CYL_FILLET;
        double mz = Math.max(Math.abs(z) - CYL_FLAT, 0) / CYL_FILLET;
        double r2 = mr * mr;
        double z2 = mz * mz;
        return r2 * r2 + z2 * z2 - 1;
    }

    private static double firstRoot(int shape, double ox, double oy, double oz, double dx, double dy, double dz,
            double t0, double t1) {
        double prev = t0;
        if (implicit(shape, ox + t0 * dx, oy + t0 * dy, oz + t0 * dz) <= 0) {
            return t0;
        }
        double step = (t1 - t0) / ROOT_STEPS;
        for (int i = 1; i <= ROOT_STEPS; i++) {
            double t = t0 + i * step;
            if (implicit(shape, ox + t * dx, oy + t * dy, oz + t * dz) <= 0) {
                double lo = prev;
                double hi = t;
                for (int k = 0; k < BISECTIONS; k++) {
                    double mid = 0.5 * (lo + hi);
                    if (implicit(shape, ox + mid * dx, oy + mid * dy, oz + mid * dz) <= 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                return hi;
            }
            prev = t;
        }
        return Double.POSITIVE_INFINITY;
    }
}
