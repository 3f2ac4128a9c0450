package org.vqasp.vision.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final int W = 240;
    private static final int H = 160;

    @Test
    void should_move_a_bright_spot_where_the_transform_says() {
        // given a dark image with one bright 2x2 spot centred at (57, 101), and crops and mirrors always on
        byte[] rgb = new byte[W * H * 3];
        for (int y = 100; y < 102; y++) {
            for (int x = 56; x < 58; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * W + x) * 3 + c] = (byte) 255;
                }
            }
        }
        Augmenter geometryOnly = new Augmenter(1, 1.08, 6, 0, 0, 0.3, 0, 0, 1);
        for (int seed = 0; seed < 10; seed++) {
            // when it is augmented
            Augmenter.Result r = geometryOnly.apply(rgb, W, H, new SplittableRandom(seed));
            TargetEncoder.Transform t = r.transform();
            // then the brightest output pixel sits where the transform maps the spot: zoom, shift, then mirror
            int best = 0;
            for (int i = 1; i < W * H; i++) {
                if (r.input()[i] > r.input()[best]) {
                    best = i;
                }
            }
            double u = W - (57 * t.scale() + t.dx());
            double v = 101 * t.scale() + t.dy();
            assertTrue(t.mirror() && t.movesCamera(), t.toString());
            assertEquals(u, best % W + 0.5, 1.5, "x of " + t);
            assertEquals(v, best / W + 0.5, 1.5, "y of " + t);
        }
    }

    @Test
    void should_keep_the_random_sequence_of_settings_without_mirroring() {
        // given the default settings and the same settings with mirroring explicitly off
        byte[] rgb = new byte[W * H * 3];
        new SplittableRandom(3).nextBytes(rgb);
        // when both augment the same image with the same seed
        Augmenter.Result a = Augmenter.defaults().apply(rgb, W, H, new SplittableRandom(9));
        Augmenter.Result b = Augmenter.defaults().withMirror(0).apply(rgb, W, H, new SplittableRandom(9));
        // then nothing differs, and no transform of the defaults mirrors
        assertEquals(a.transform(), b.transform());
        assertTrue(java.util.Arrays.equals(a.input(), b.input()));
        for (int seed = 0; seed < 50; seed++) {
            assertFalse(Augmenter.defaults().apply(rgb, W, H, new SplittableRandom(seed)).transform().mirror());
        }
        assertThrows(IllegalArgumentException.class, () -> Augmenter.defaults().withMirror(1.5));
    }
}
