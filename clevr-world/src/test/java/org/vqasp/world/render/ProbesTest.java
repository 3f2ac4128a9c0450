package org.vqasp.world.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The octahedral environment probe: each texel's direction reads back that texel, and reads blend smoothly. */
class ProbesTest {

    @Test
    void should_read_back_each_texel_in_its_own_direction() {
        // given a probe whose texel (i, j) holds (i, j, 1)
        int n = Probes.ENV_SIZE;
        float[] env = new float[3 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                env[3 * (j * n + i)] = i;
                env[3 * (j * n + i) + 1] = j;
                env[3 * (j * n + i) + 2] = 1;
            }
        }
        double[] out = new double[3];
        // when each texel centre of the upper half is looked up along its direction (as computeEnvProbe maps it)
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double u = 2 * (i + 0.5) / n - 1;
                double v = 2 * (j + 0.5) / n - 1;
                double z = 1 - Math.abs(u) - Math.abs(v);
                if (z < 0) {
                    continue;
                }
                Probes.envLookup(env, u, v, z, out);
                // then the texel's own value comes back
                assertEquals(i, out[0], 1e-6, "texel " + i + "," + j);
                assertEquals(j, out[1], 1e-6, "texel " + i + "," + j);
                assertEquals(1, out[2], 1e-6);
            }
        }
    }
}
