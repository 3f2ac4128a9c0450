package org.vqasp.world.render;

/**
 * CLEVR's ground: a cyclorama sweep, flat around the scene and rising beyond the origin along
 * {@code b = (-0.903, 0.429)} (away from the camera, 15 degrees left of the view axis), modelled as a height
 * field {@code z = h(u)} of {@code u = p . b}.
 *
 * <p>The profile passes through the heights measured from CLEVR's mesh ({@code 0.05} at {@code u = 5.2},
 * {@code 0.5} at 11.4, {@code 1.9} at 14.3, up to 23); between them its slope rises linearly, so {@code h} is
 * convex and C1. Convexity makes {@code z(t) - h(u(t))} concave along any ray, which bounds the root search.
 * Material: Cycles' default, Lambert with albedo 0.8.
 */
final class Ground {

    static final double ALBEDO = 0.8;
    static final double BX;
    static final double BY;

    /** Knots of the slope {@code h'(u)}: piecewise linear, increasing. */
    private static final double[] U = {2.7, 5.2, 11.4, 14.3, 17.0, 19.0, 21.0};
    private static final double[] SLOPE = {0.0, 0.04, 0.105, 0.86, 2.0, 4.0, 8.0};
    private static final double[] H = new double[U.length];
    static final double TOP = 23.0;
    static final double U_END;

    static {
        double n = Math.hypot(-0.903, 0.429);
        BX = -0.903 / n;
        BY = 0.429 / n;
        for (int i = 1; i < U.length; i++) {
            H[i] = H[i - 1] + (U[i] - U[i - 1]) * 0.5 * (SLOPE[i] + SLOPE[i - 1]);
        }
        int last = U.length - 1;
        U_END = U[last] + (TOP - H[last]) / SLOPE[last];
    }

    private Ground() {
    }

    /** Returns the coordinate along the rise direction. */
    static double u(double x, double y) {
        return x * BX + y * BY;
    }

    /** Returns the coordinate across the rise direction. */
    static double v(double x, double y) {
        return -x * BY + y * BX;
    }

    /** Returns the height at {@code u}. */
    static double height(double u) {
        if (u <= U[0]) {
            return 0;
        }
        int last = U.length - 1;
        if (u >= U[last]) {
            return H[last] + (u - U[last]) * SLOPE[last];
        }
        int i = 0;
        while (u > U[i + 1]) {
            i++;
        }
        double du = u - U[i];
        return H[i] + du * SLOPE[i] + du * du * (SLOPE[i + 1] - SLOPE[i]) / (2 * (U[i + 1] - U[i]));
    }

    /** Returns {@code h'(u)}. */
    static double slope(double u) {
        if (u <= U[0]) {
            return 0;
        }
        int last = U.length - 1;
        if (u >= U[last]) {
            return SLOPE[last];
        }
        int i = 0;
        while (u > U[i + 1]) {
            i++;
        }
        return SLOPE[i] + (u - U[i]) * (SLOPE[i + 1] - SLOPE[i]) / (U[i + 1] - U[i]);
    }

    /** Writes the unit normal at ground coordinate {@code u}. */
    static void normal(double u, double[] out) {
        double s = slope(u);
        double n = Math.sqrt(1 + s * s);
        out[0] = -s * BX / n;
        out[1] = -s * BY / n;
        out[2] = 1 / n;
    }

    /** Returns the first {@code t} in {@code (tMin, tMax)} where the ray meets the ground, or {@code +inf}. */
    static double intersect(double ox, double oy, double oz, double dx, double dy, double dz, double tMin,
            double tMax) {
        double u0 = ox * BX + oy * BY;
        double du = dx * BX + dy * BY;
        // fast path: a ray that stays on the flat part until it meets z = 0
        if (dz < 0 && u0 <= U[0]) {
            double tp = -oz / dz;
            if (tp > tMin && tp < tMax && u0 + tp * du <= U[0]) {
                return tp;
            }
        }
        // the ground exists where u <= U_END; clip the ray to it
        double start = tMin;
        double end = tMax;
        if (du > 0) {
            end = Math.min(end, (U_END - u0) / du);
        } else if (du < 0) {
            start = Math.max(start, (U_END - u0) / du);
        } else if (u0 > U_END) {
            return Double.POSITIVE_INFINITY;
        }
        if (!(start < end)) {
            return Double.POSITIVE_INFINITY;
        }
        if (dz < 0) {
            // h >= 0, so the ray meets the ground no later than the plane z = 0
            end = Math.min(end, -oz / dz + 1e-9);
        }
        if (Double.isInfinite(end)) {
            end = start + 1e4;
        }
        double fs = oz + start * dz - height(u0 + start * du);
        if (fs <= 0) {
            return start > tMin ? start : Double.POSITIVE_INFINITY;
        }
        double fe = oz + end * dz - height(u0 + end * du);
        if (fe > 0) {
            // f is concave and positive at both ends, so positive throughout
            return Double.POSITIVE_INFINITY;
        }
        // Illinois regula falsi keeps f(lo) > 0 >= f(hi) and converges superlinearly
        double lo = start;
        double hi = end;
        double flo = fs;
        double fhi = fe;
        int side = 0;
        for (int k = 0; k < 60 && hi - lo > 1e-7 * (1 + hi); k++) {
            double mid = (lo * fhi - hi * flo) / (fhi - flo);
            if (!(mid > lo && mid < hi)) {
                mid = 0.5 * (lo + hi);
            }
            double fm = oz + mid * dz - height(u0 + mid * du);
            if (fm > 0) {
                lo = mid;
                flo = fm;
                if (side == -1) {
                    fhi *= 0.5;
                }
                side = -1;
            } else {
                hi = mid;
                fhi = fm;
                if (side == 1) {
                    flo *= 0.5;
                }
                side = 1;
            }
        }
        return hi;
    }
}
