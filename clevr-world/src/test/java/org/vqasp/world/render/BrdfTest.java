package org.vqasp.world.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The BRDFs against what any physical BRDF must do: Fresnel's known values, reciprocity (swapping the viewer and
 * the light changes nothing), a GGX distribution whose projected area integrates to one, and no lobe reflecting
 * more light than it receives (checked by integrating over the hemisphere).
 */
class BrdfTest {

    private static final int N = 400;

    @Test
    void should_give_fresnels_values_at_normal_and_grazing_incidence() {
        // ((eta - 1) / (eta + 1))^2 at normal incidence: 0.04 for glass, 0.0083 for rubber's 1.2
        assertEquals(0.04, Brdf.fresnel(1, 1.5), 1e-12);
        assertEquals(Math.pow(0.2 / 2.2, 2), Brdf.fresnel(1, 1.2), 1e-12);
        assertEquals(1, Brdf.fresnel(1e-9, 1.4), 1e-6);
        assertEquals(0, Brdf.fresnel(0.7, 1.0), 1e-12);
        assertTrue(Brdf.fresnel(0.3, 1.4) > Brdf.fresnel(0.8, 1.4));
    }

    @Test
    void should_be_reciprocal() {
        double[] v = unit(0.3, -0.2, 0.9);
        double[] l = unit(-0.5, 0.4, 0.6);
        double cv = v[2];
        double cl = l[2];
        assertEquals(Brdf.velvet(0, 0, 1, v[0], v[1], v[2], l[0], l[1], l[2], cv, cl),
                Brdf.velvet(0, 0, 1, l[0], l[1], l[2], v[0], v[1], v[2], cl, cv), 1e-12);
        assertEquals(Brdf.beckmann(0, 0, 1, v[0], v[1], v[2], l[0], l[1], l[2], cv, cl),
                Brdf.beckmann(0, 0, 1, l[0], l[1], l[2], v[0], v[1], v[2], cl, cv), 1e-12);
        GgxLobe g = frame();
        assertEquals(g.brdf(v[0], v[1], v[2], l[0], l[1], l[2], cv, cl),
                g.brdf(l[0], l[1], l[2], v[0], v[1], v[2], cl, cv), 1e-12);
    }

    @Test
    void should_have_a_ggx_distribution_whose_projected_area_is_one() {
        // the integral of D(h) cos(theta_h) over the hemisphere of half vectors
        GgxLobe g = frame();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            double ct = (i + 0.5) / N;
            double st = Math.sqrt(1 - ct * ct);
            for (int j = 0; j < 2 * N; j++) {
                double p = Math.PI * (j + 0.5) / N;
                sum += g.d(st * Math.cos(p), st * Math.sin(p), ct) * ct;
            }
        }
        sum *= (1.0 / N) * (Math.PI / N);
        assertEquals(1, sum, 0.01);
    }

    @Test
    void should_reflect_no_more_light_than_arrives() {
        // the directional albedo (the integral of f cos over incoming directions) for several viewing angles
        GgxLobe g = frame();
        for (double cv : new double[] {0.2, 0.5, 0.9}) {
            double[] v = {Math.sqrt(1 - cv * cv), 0, cv};
            double velvet = 0;
            double beckmann = 0;
            double ggx = 0;
            for (int i = 0; i < N; i++) {
                double cl = (i + 0.5) / N;
                double sl = Math.sqrt(1 - cl * cl);
                for (int j = 0; j < 2 * N; j++) {
                    double p = Math.PI * (j + 0.5) / N;
                    double lx = sl * Math.cos(p);
                    double ly = sl * Math.sin(p);
                    velvet += Brdf.velvet(0, 0, 1, v[0], v[1], v[2], lx, ly, cl, cv, cl) * cl;
                    beckmann += Brdf.beckmann(0, 0, 1, v[0], v[1], v[2], lx, ly, cl, cv, cl) * cl;
                    ggx += g.brdf(v[0], v[1], v[2], lx, ly, cl, cv, cl) * cl;
                }
            }
            // (a midpoint rule on a 400 x 800 grid: within 1% of the integral for these lobes)
            double dw = (1.0 / N) * (Math.PI / N);
            assertTrue(velvet * dw <= 1.01, "velvet albedo " + velvet * dw + " at cos " + cv);
            assertTrue(beckmann * dw <= 1.01, "Beckmann albedo " + beckmann * dw + " at cos " + cv);
            assertTrue(ggx * dw <= 1.01, "GGX albedo " + ggx * dw + " at cos " + cv);
            assertTrue(beckmann * dw > 0.5, "a smooth glossy lobe keeps most light: " + beckmann * dw);
        }
    }

    @Test
    void should_sample_half_vectors_on_the_upper_hemisphere() {
        for (int i = 0; i < GgxLobe.SAMPLES; i++) {
            double t = GgxLobe.LOBE[3 * i];
            double b = GgxLobe.LOBE[3 * i + 1];
            double n = GgxLobe.LOBE[3 * i + 2];
            assertEquals(1, t * t + b * b + n * n, 1e-12);
            assertTrue(n > 0);
        }
    }

    private static GgxLobe frame() {
        GgxLobe g = new GgxLobe();
        g.frame(0, 0, 1, 1, 0, 0, 0, 1, 0);
        return g;
    }

    private static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
