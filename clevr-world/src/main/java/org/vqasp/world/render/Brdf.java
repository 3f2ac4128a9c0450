package org.vqasp.world.render;

/**
 * The BRDFs of CLEVR's rubber (docs/rendering.md, "Materials"): the dielectric Fresnel weights of the mix nodes,
 * Cycles' velvet (Ashikhmin) sheen and a Beckmann glossy lobe. Metal's anisotropic GGX lobe is {@link GgxLobe}.
 * Each returns the BRDF value for unit vectors: normal {@code n}, towards the viewer {@code v}, towards the light
 * {@code l}, with their cosines to the normal.
 */
final class Brdf {

    /** Rubber's glossy roughness 0.35, squared to Beckmann's alpha. */
    static final double RUBBER_GLOSS_ALPHA = 0.35 * 0.35;
    /** Rubber's velvet sigma 0.6, squared. */
    static final double VELVET_SIGMA2 = 0.6 * 0.6;

    private Brdf() {
    }

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
    static double velvet(double nx, double ny, double nz, double vx, double vy, double vz, double lx,
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
    static double beckmann(double nx, double ny, double nz, double vx, double vy, double vz, double lx,
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
}
