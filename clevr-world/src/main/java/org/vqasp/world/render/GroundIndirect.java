package org.vqasp.world.render;

/**
 * The light that reaches the ground after bouncing off the ground itself (mostly the rise at the back
 * lighting the far floor and the far floor lighting the rise), as irradiance per colour channel on a grid
 * over {@code (u, v)}.
 *
 * <p>It is computed once per renderer, for the lamps at rest and without objects, by cosine-weighted rays
 * from every grid point; two passes give two bounces. Inter-reflection changes slowly over the ground and
 * hardly with the lamps' jitter (the far rows are lit by the fixed sun), so one table serves every image.
 */
final class GroundIndirect {

    static final double U_MIN = -16;
    static final double U_MAX = 22;
    static final double V_MIN = -26;
    static final double V_MAX = 26;
    static final double STEP_U = 0.5;
    static final double STEP_V = 1.0;
    static final int NU = (int) Math.round((U_MAX - U_MIN) / STEP_U) + 1;
    static final int NV = (int) Math.round((V_MAX - V_MIN) / STEP_V) + 1;

    private final float[] table;

    private GroundIndirect(float[] table) {
        this.table = table;
    }

    /** Returns a table of zeros (no inter-reflection). */
    static GroundIndirect none() {
        return new GroundIndirect(new float[NU * NV * 3]);
    }

    /**
     * Computes the table with {@code rays} cosine-weighted rays per grid point and {@code passes} bounces.
     *
     * @param lamps the lamps at rest
     */
    static GroundIndirect compute(AreaLamp[] lamps, int rays, int passes, long seed) {
        GroundIndirect current = none();
        int side = (int) Math.max(1, Math.round(Math.sqrt(rays)));
        double[] n = new double[3];
        double[] t1 = new double[3];
        double[] t2 = new double[3];
        for (int pass = 0; pass < passes; pass++) {
            World world = new World(new RenderObject[0], lamps, current);
            Tracer tracer = new Tracer(world);
            float[] next = new float[NU * NV * 3];
            for (int iu = 0; iu < NU; iu++) {
                double u = U_MIN + iu * STEP_U;
                double z = Ground.height(u);
                Ground.normal(u, n);
                Tracer.basis(n[0], n[1], n[2], t1, t2);
                for (int iv = 0; iv < NV; iv++) {
                    double v = V_MIN + iv * STEP_V;
                    double x = u * Ground.BX - v * Ground.BY;
                    double y = u * Ground.BY + v * Ground.BX;
                    tracer.seed(seed ^ (31L * iu + 1_000_003L * iv + 7919L * pass));
                    double sr = 0;
                    double sg = 0;
                    double sb = 0;
                    for (int a = 0; a < side; a++) {
                        for (int b = 0; b < side; b++) {
                            double r1 = (a + tracer.random()) / side;
                            double r2 = (b + tracer.random()) / side;
                            double rad = Math.sqrt(r1);
                            double phi = 2 * Math.PI * r2;
                            double lx = rad * Math.cos(phi);
                            double ly = rad * Math.sin(phi);
                            double lz = Math.sqrt(Math.max(0, 1 - r1));
                            double dx = lx * t1[0] + ly * t2[0] + lz * n[0];
                            double dy = lx * t1[1] + ly * t2[1] + lz * n[1];
                            double dz = lx * t1[2] + ly * t2[2] + lz * n[2];
                            tracer.trace(x + n[0] * 1e-4, y + n[1] * 1e-4, z + n[2] * 1e-4, dx, dy, dz, 1, -1, false);
                            sr += tracer.outR;
                            sg += tracer.outG;
                            sb += tracer.outB;
                        }
                    }
                    double scale = Math.PI / (side * side);
                    int k = 3 * (iu * NV + iv);
                    next[k] = (float) (sr * scale);
                    next[k + 1] = (float) (sg * scale);
                    next[k + 2] = (float) (sb * scale);
                }
            }
            current = new GroundIndirect(next);
        }
        return current;
    }

    /** Writes the irradiance at a ground point (bilinear, clamped to the grid) into {@code out}. */
    void at(double u, double v, double[] out) {
        double fu = (Math.min(Math.max(u, U_MIN), U_MAX) - U_MIN) / STEP_U;
        double fv = (Math.min(Math.max(v, V_MIN), V_MAX) - V_MIN) / STEP_V;
        int iu = Math.min((int) fu, NU - 2);
        int iv = Math.min((int) fv, NV - 2);
        double au = fu - iu;
        double av = fv - iv;
        for (int c = 0; c < 3; c++) {
            double v00 = table[3 * (iu * NV + iv) + c];
            double v01 = table[3 * (iu * NV + iv + 1) + c];
            double v10 = table[3 * ((iu + 1) * NV + iv) + c];
            double v11 = table[3 * ((iu + 1) * NV + iv + 1) + c];
            out[c] = (1 - au) * ((1 - av) * v00 + av * v01) + au * ((1 - av) * v10 + av * v11);
        }
    }
}
