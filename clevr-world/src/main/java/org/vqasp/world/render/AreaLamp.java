package org.vqasp.world.render;

import org.vqasp.core.clevr.Vec3;

/**
 * A square, one-sided area lamp aimed at the origin by a Track-To constraint, as in CLEVR's base scene.
 * Its radiance is Cycles' {@code strength / (4 side^2)} times its colour; it emits towards the origin's side.
 */
final class AreaLamp {

    final double cx;
    final double cy;
    final double cz;
    /** Unit emitting direction (towards the origin). */
    final double fx;
    final double fy;
    final double fz;
    /** Half-edge vectors. */
    final double ex;
    final double ey;
    final double ez;
    final double wx;
    final double wy;
    final double wz;
    final double side;
    final double area;
    /** Radius of the circle through the corners. */
    final double circumradius;
    final double radianceR;
    final double radianceG;
    final double radianceB;
    /** The four corners, counter-clockwise, x y z each. */
    final double[] corners = new double[12];

    AreaLamp(Vec3 position, double side, double strength, double red, double green, double blue) {
        this.cx = position.x();
        this.cy = position.y();
        this.cz = position.z();
        double n = Math.sqrt(cx * cx + cy * cy + cz * cz);
        this.fx = -cx / n;
        this.fy = -cy / n;
        this.fz = -cz / n;
        // right = f x Z, up = right x f (Track-To with Y up)
        double rx = fy;
        double ry = -fx;
        double rn = Math.sqrt(rx * rx + ry * ry);
        rx /= rn;
        ry /= rn;
        double ux = ry * fz;
        double uy = -rx * fz;
        double uz = rx * fy - ry * fx;
        double h = side / 2;
        this.ex = rx * h;
        this.ey = ry * h;
        this.ez = 0;
        this.wx = ux * h;
        this.wy = uy * h;
        this.wz = uz * h;
        this.side = side;
        this.area = side * side;
        this.circumradius = h * Math.sqrt(2);
        double radiance = strength / (4 * side * side);
        this.radianceR = radiance * red;
        this.radianceG = radiance * green;
        this.radianceB = radiance * blue;
        double[][] signs = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            corners[3 * i] = cx + signs[i][0] * ex + signs[i][1] * wx;
            corners[3 * i + 1] = cy + signs[i][0] * ey + signs[i][1] * wy;
            corners[3 * i + 2] = cz + signs[i][0] * ez + signs[i][1] * wz;
        }
    }

    /**
     * Returns the {@code t} where a ray meets the lamp's emitting face, or {@code +inf}; the direction must be
     * a unit vector.
     */
    double intersect(double ox, double oy, double oz, double dx, double dy, double dz, double tMin, double tMax) {
        double denom = dx * fx + dy * fy + dz * fz;
        if (denom >= 0) {
            // the ray travels along the emitting direction: it sees the lamp's back (or nothing)
            return Double.POSITIVE_INFINITY;
        }
        double t = ((cx - ox) * fx + (cy - oy) * fy + (cz - oz) * fz) / denom;
        if (!(t > tMin && t < tMax)) {
            return Double.POSITIVE_INFINITY;
        }
        double px = ox + t * dx - cx;
        double py = oy + t * dy - cy;
        double pz = oz + t * dz - cz;
        double h2 = side * side / 4;
        double a = (px * ex + py * ey + pz * ez) / h2;
        double b = (px * wx + py * wy + pz * wz) / h2;
        return Math.abs(a) <= 1 && Math.abs(b) <= 1 ? t : Double.POSITIVE_INFINITY;
    }
}
