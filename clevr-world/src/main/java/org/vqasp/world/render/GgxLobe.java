package org.vqasp.world.render;

/**
 * Metal's glossy lobe: an anisotropic GGX distribution (docs/rendering.md, "Materials") in a shading frame whose
 * tangent runs around the object's axis, with Smith's masking and no Fresnel; and a fixed set of half vectors that
 * sample it, so that every pixel integrates the environment the same way. One per tracer: {@link #frame} sets the
 * frame of the point being shaded.
 */
final class GgxLobe {

    /**
     * Metal's glossy lobe: roughness 0.2 with anisotropy 0.25 gives {@code (0.2 * 0.75, 0.2 / 0.75)}. Taken as
     * alpha without squaring it: the squared values (0.03, 0.053) leave tops and upper halves of metal
     * objects far darker and sharper than CLEVR's images show, while these reproduce their brushed tops and
     * glowing spheres (compared side by side on reconstructed real scenes).
     */
    static final double METAL_AX = 0.2 * 0.75;
    /** The bitangent roughness; see {@link #METAL_AX}. */
    static final double METAL_AY = 0.2 / 0.75;
    /** How many half vectors {@link #LOBE} holds. */
    static final int SAMPLES = 128;
    /** Half vectors sampling the lobe: (tangent, bitangent, normal) components, {@link #SAMPLES} of them. */
    static final double[] LOBE = lobeSamples();

    private double fNx;
    private double fNy;
    private double fNz;
    private double fTx;
    private double fTy;
    private double fTz;
    private double fBx;
    private double fBy;
    private double fBz;

    /** Sets the shading frame: normal, tangent and bitangent, unit and orthogonal. */
    void frame(double nx, double ny, double nz, double tx, double ty, double tz, double bx, double by, double bz) {
        fNx = nx;
        fNy = ny;
        fNz = nz;
        fTx = tx;
        fTy = ty;
        fTz = tz;
        fBx = bx;
        fBy = by;
        fBz = bz;
    }

    /** Returns the anisotropic GGX distribution of a half vector in the current frame. */
    double d(double hx, double hy, double hz) {
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

    /** Returns Smith's Lambda of a direction in the current frame. */
    double lambda(double x, double y, double z) {
        double t = x * fTx + y * fTy + z * fTz;
        double b = x * fBx + y * fBy + z * fBz;
        double n = x * fNx + y * fNy + z * fNz;
        double a2 = (METAL_AX * METAL_AX * t * t + METAL_AY * METAL_AY * b * b) / (n * n);
        return 0.5 * (-1 + Math.sqrt(1 + a2));
    }

    /** Returns the anisotropic GGX BRDF (no Fresnel: CLEVR's metal has none). */
    double brdf(double vx, double vy, double vz, double lx, double ly, double lz, double cosNO,
            double cosNI) {
        double hx = lx + vx;
        double hy = ly + vy;
        double hz = lz + vz;
        double hn = Math.sqrt(hx * hx + hy * hy + hz * hz);
        hx /= hn;
        hy /= hn;
        hz /= hn;
        double d = d(hx, hy, hz);
        double g = 1 / (1 + lambda(vx, vy, vz) + lambda(lx, ly, lz));
        return d * g / (4 * cosNO * cosNI);
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

    /** Returns half vectors (tangent, bitangent, normal components) that sample the lobe. */
    private static double[] lobeSamples() {
        double[] out = new double[3 * SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
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
}
