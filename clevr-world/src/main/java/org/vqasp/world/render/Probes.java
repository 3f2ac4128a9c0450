package org.vqasp.world.render;

/**
 * Indirect light, precomputed per object (docs/rendering.md, "Indirect light"): a second-order spherical-harmonics
 * irradiance probe per rubber object and an octahedral environment probe per metal object, each traced from the
 * object's centre with the object itself transparent, stored in the {@link World}; and the bilinear read-back of an
 * environment probe that metal's glossy lobe makes.
 */
final class Probes {

    /** Side of an environment probe's octahedral map. */
    static final int ENV_SIZE = 48;

    private Probes() {
    }

    /**
     * Computes the indirect-irradiance probe of a rubber object from {@code rays} directions spread evenly
     * over the sphere, shot from the object's centre (the object itself is transparent to them).
     */
    static void computeProbe(Tracer tracer, int index, int rays) {
        RenderObject o = tracer.world().objects[index];
        double[] sh = new double[27];
        double[] y = new double[9];
        double golden = Math.PI * (3 - Math.sqrt(5));
        double offset = tracer.random() * 2 * Math.PI;
        for (int k = 0; k < rays; k++) {
            double z = 1 - (2 * k + 1.0) / rays;
            double r = Math.sqrt(Math.max(0, 1 - z * z));
            double a = golden * k + offset;
            double dx = r * Math.cos(a);
            double dy = r * Math.sin(a);
            tracer.trace(o.cx, o.cy, o.cz, dx, dy, z, 1, index, false);
            Sh9.basis(dx, dy, z, y);
            for (int i = 0; i < 9; i++) {
                sh[i] += tracer.outR * y[i];
                sh[9 + i] += tracer.outG * y[i];
                sh[18 + i] += tracer.outB * y[i];
            }
        }
        double scale = 4 * Math.PI / rays;
        for (int i = 0; i < 27; i++) {
            sh[i] *= scale;
        }
        tracer.world().probes[index] = sh;
    }

    /**
     * Computes the environment probe of a metal object: the radiance seen from its centre (the object itself
     * transparent, lamps and sun left out) on an octahedral map of {@value #ENV_SIZE}^2 directions.
     */
    static void computeEnvProbe(Tracer tracer, int index) {
        RenderObject o = tracer.world().objects[index];
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
                tracer.trace(o.cx, o.cy, o.cz, u / n, v / n, z / n, 1, index, false, 0);
                int k = 3 * (j * ENV_SIZE + i);
                env[k] = (float) tracer.outR;
                env[k + 1] = (float) tracer.outG;
                env[k + 2] = (float) tracer.outB;
            }
        }
        tracer.world().envProbes[index] = env;
    }

    /** Reads an environment probe in a direction (bilinear on the octahedral map) into {@code out}. */
    static void envLookup(float[] env, double x, double y, double z, double[] out) {
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
            out[c] = (1 - b) * ((1 - a) * v00 + a * v01) + b * ((1 - a) * v10 + a * v11);
        }
    }
}
