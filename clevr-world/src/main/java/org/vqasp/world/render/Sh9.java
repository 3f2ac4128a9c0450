package org.vqasp.world.render;

/**
 * Real spherical harmonics up to order 2 and the irradiance they give (Ramamoorthi and Hanrahan, "An
 * Efficient Representation for Irradiance Environment Maps", SIGGRAPH 2001).
 */
final class Sh9 {

    private static final double A0 = Math.PI;
    private static final double A1 = 2 * Math.PI / 3;
    private static final double A2 = Math.PI / 4;

    private Sh9() {
    }

    /** Writes the nine basis values at a unit direction. */
    static void basis(double x, double y, double z, double[] out) {
        out[0] = 0.282095;
        out[1] = 0.488603 * y;
        out[2] = 0.488603 * z;
        out[3] = 0.488603 * x;
        out[4] = 1.092548 * x * y;
        out[5] = 1.092548 * y * z;
        out[6] = 0.315392 * (3 * z * z - 1);
        out[7] = 1.092548 * x * z;
        out[8] = 0.546274 * (x * x - y * y);
    }

    /** Returns the irradiance at normal (x, y, z) of the radiance coefficients {@code c[off..off+8]}. */
    static double irradiance(double[] c, int off, double x, double y, double z) {
        return A0 * c[off] * 0.282095
                + A1 * 0.488603 * (c[off + 1] * y + c[off + 2] * z + c[off + 3] * x)
                + A2 * (c[off + 4] * 1.092548 * x * y + c[off + 5] * 1.092548 * y * z
                        + c[off + 6] * 0.315392 * (3 * z * z - 1) + c[off + 7] * 1.092548 * x * z
                        + c[off + 8] * 0.546274 * (x * x - y * y));
    }
}
