package org.vqasp.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;

class ClevrCameraTest {

    private static final ClevrScene VAL0 = WorldTestData.scenes("val_scene0.json").get(0);

    @Test
    void should_reproduce_the_pixel_coords_of_val_scene_0_with_its_jitter() {
        // given the camera at rest moved by the jitter that docs/rendering.md (section 1) fits to val scene 0
        ClevrCamera camera = ClevrCamera.atRest().moved(0.36, 0.29, -0.38);

        // when every object's 3d_coords is projected
        double worst = 0;
        for (ClevrObject o : VAL0.objects()) {
            Vec3 p = camera.project(o.coords());
            worst = Math.max(worst, Math.max(Math.abs(p.x() - o.pixelCoords().x()),
                    Math.abs(p.y() - o.pixelCoords().y())));
            // then the depth matches to float precision of the jitter's two decimals
            assertEquals(o.pixelCoords().z(), p.z(), 0.01, "depth of " + o);
        }

        // then the released (rounded) pixel coordinates are within 0.4 px
        assertTrue(worst < 0.4, "worst pixel error " + worst);
    }

    @Test
    void should_recover_a_jitter_within_clevrs_range_that_explains_val_scene_0() {
        // given the released pixel coordinates of val scene 0
        // when the camera jitter is searched over CLEVR's range U(-0.5, 0.5)^3, coarse then fine
        double[] best = {0, 0, 0};
        double bestErr = Double.MAX_VALUE;
        for (double step : new double[] {0.05, 0.01, 0.002}) {
            double[] centre = best.clone();
            for (int i = -10; i <= 10; i++) {
                for (int j = -10; j <= 10; j++) {
                    for (int k = -10; k <= 10; k++) {
                        double dx = centre[0] + i * step;
                        double dy = centre[1] + j * step;
                        double dz = centre[2] + k * step;
                        if (Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz))) > 0.5) {
                            continue;
                        }
                        double err = worstError(ClevrCamera.atRest().moved(dx, dy, dz));
                        if (err < bestErr) {
                            bestErr = err;
                            best = new double[] {dx, dy, dz};
                        }
                    }
                }
            }
        }

        // then the fit is well below half a pixel and lands near the documented jitter
        assertTrue(bestErr < 0.4, "best worst-case error " + bestErr);
        assertEquals(0.36, best[0], 0.1);
        assertEquals(0.29, best[1], 0.1);
        assertEquals(-0.38, best[2], 0.1);
        // and the un-jittered camera does not explain the scene
        assertTrue(worstError(ClevrCamera.atRest()) > 2, "rest camera error " + worstError(ClevrCamera.atRest()));
    }

    @Test
    void should_have_a_focal_length_of_525_pixels_and_a_horizontal_right_axis() {
        // given the camera at rest
        ClevrCamera c = ClevrCamera.atRest();

        // when its intrinsics and axes are read
        // then they are the 35 mm lens on a 32 mm sensor and a Track-To basis
        assertEquals(525.0, c.focalPixels(), 1e-9);
        assertEquals(0.0, c.right().z(), 1e-12);
        assertTrue(c.up().z() > 0);
        assertEquals(0.0, c.forward().dot(c.up()), 1e-12);
        Vec3 centre = c.project(new Vec3(0, 0, 0));
        assertEquals(240.0, centre.x(), 1e-9);
        assertEquals(160.0, centre.y(), 1e-9);
    }

    private static double worstError(ClevrCamera camera) {
        double worst = 0;
        for (ClevrObject o : VAL0.objects()) {
            Vec3 p = camera.project(o.coords());
            worst = Math.max(worst, Math.max(Math.abs(p.x() - o.pixelCoords().x()),
                    Math.abs(p.y() - o.pixelCoords().y())));
        }
        return worst;
    }
}
