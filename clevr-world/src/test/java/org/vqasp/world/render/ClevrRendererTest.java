package org.vqasp.world.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.world.ClevrCamera;
import org.vqasp.world.ClevrRelations;
import org.vqasp.world.LightRig;
import org.vqasp.world.SampledScene;
import org.vqasp.world.SceneSampler;

class ClevrRendererTest {

    private static ClevrRenderer renderer;

    @BeforeAll
    static void build() {
        renderer = ClevrRenderer.builder().build();
    }

    @Test
    void should_see_every_object_of_the_real_val_scene_where_its_pixel_coords_say() throws URISyntaxException {
        // given the real val scene 0 and its fitted camera
        ClevrScene val = ClevrDataset.loadScenes(resource("val_scene0.json")).get(0);
        SampledScene scene = new SampledScene(val, ClevrCamera.atRest().moved(0.36, 0.29, -0.38), LightRig.atRest());

        // when its object mask is rendered
        ObjectMask mask = renderer.mask(scene);

        // then each object shows at least CLEVR's 200 pixels, as the real image had to
        int[] visible = mask.visiblePixels();
        for (int i = 0; i < visible.length; i++) {
            assertTrue(visible[i] >= 200, "object " + i + " shows " + visible[i] + " pixels");
        }
        // and the pixel at each object's pixel_coords shows that object or one nearer the camera
        assertMaskAgreesWithPixelCoords(val.objects(), mask);
    }

    @Test
    void should_keep_every_sampled_object_visible_and_masks_consistent_with_pixel_coords() {
        // given a sampler that uses the renderer's visibility rule
        SceneSampler sampler = SceneSampler.builder().optVisibility(renderer.visibilityCheck(), 200).build();

        for (int n = 0; n < 12; n++) {
            // when a scene is sampled and its mask rendered
            SampledScene s = sampler.sample("train", n, 500L + n);
            ObjectMask mask = renderer.mask(s);

            // then every object shows 200 pixels or more and the mask agrees with pixel_coords
            for (int c : mask.visiblePixels()) {
                assertTrue(c >= 200, "visible pixels " + c);
            }
            assertMaskAgreesWithPixelCoords(s.scene().objects(), mask);
            // and each object's box holds its pixel_coords when that pixel shows it
            for (int i = 0; i < s.scene().objects().size(); i++) {
                Vec3 p = s.scene().objects().get(i).pixelCoords();
                int[] box = mask.boundingBox(i);
                if (mask.id((int) p.x(), (int) p.y()) == i) {
                    assertTrue(box[0] <= p.x() && p.x() <= box[2] + 1 && box[1] <= p.y() && p.y() <= box[3] + 1);
                }
            }
        }
    }

    @Test
    void should_render_the_same_pixels_for_the_same_seed() {
        // given a small renderer and a sampled scene
        ClevrRenderer small = ClevrRenderer.builder().optResolution(96, 64).optGroundRays(0).optProbeRays(64)
                .optEdgeSamples(2).optNoisySamples(2).build();
        SampledScene s = SceneSampler.builder().build().sample("val", 1, 11L);

        // when it is rendered twice with one seed and once with another
        Rendering a = small.render(s, 3);
        Rendering b = small.render(s, 3);
        Rendering c = small.render(s, 4);

        // then the first two are identical and the third differs (grain and samples)
        assertEquals(96, a.width());
        assertEquals(64, a.height());
        assertArrayEquals(pixels(a), pixels(b));
        assertNotEquals(java.util.Arrays.toString(pixels(a)), java.util.Arrays.toString(pixels(c)));
        assertArrayEquals(a.mask().ids(), c.mask().ids());
    }

    @Test
    @Tag("slow") // a full-quality render
    void should_light_the_empty_floor_as_clevrs_renders_measure() {
        // given the empty world with the camera and lamps at rest
        SampledScene empty = scene(List.of());

        // when it is rendered
        Rendering r = renderer.render(empty, 1);

        // then the far floor matches the real images (106-107 in all five) and the near floor lies in their range
        double top = patchMean(r, 240, 15, 1);
        double bottom = patchMean(r, 240, 305, 1);
        assertEquals(106, top, 4, "top patch");
        assertTrue(bottom >= 137 && bottom <= 172, "bottom patch " + bottom);
        // and brightness grows down the image, as the real row medians do (106 -> 140)
        double previous = 0;
        for (int y : new int[] {20, 100, 160, 220, 300}) {
            double row = patchMean(r, 240, y, 1);
            assertTrue(row > previous, "row " + y + ": " + row + " after " + previous);
            previous = row;
        }
        // and nothing is in the mask
        for (int id : r.mask().ids()) {
            assertEquals(-1, id);
        }
    }

    @Test
    @Tag("slow") // a full-quality render
    void should_give_a_red_rubber_cube_top_the_colour_of_the_real_one() {
        // given a large red rubber cube at the origin
        SampledScene s = scene(List.of(new ClevrObject("cube", "red", "rubber", "large", new Vec3(0, 0, 0.7),
                null, 0)));
        Vec3 top = s.camera().project(new Vec3(0, 0, 1.4));

        // when it is rendered
        Rendering r = renderer.render(s, 2);

        // then its top face is about the (117, 56, 56) measured on a real one
        int x = (int) top.x();
        int y = (int) top.y() + 6;
        assertEquals(117, patchMean(r, x, y, 16), 10, "red");
        assertEquals(56, patchMean(r, x, y, 8), 8, "green");
        assertEquals(56, patchMean(r, x, y, 0), 8, "blue");
        assertEquals(0, r.mask().id(x, y));
    }

    @Test
    @Tag("slow") // a full-quality render
    void should_reflect_the_black_sky_in_the_top_half_of_a_metal_sphere() {
        // given a large gray metal sphere at the origin
        SampledScene s = scene(List.of(new ClevrObject("sphere", "gray", "metal", "large", new Vec3(0, 0, 0.7),
                null, 0)));
        Vec3 centre = s.camera().project(new Vec3(0, 0, 0.7));

        // when it is rendered
        Rendering r = renderer.render(s, 2);

        // then it is darker above its centre (sky) than below it (lit floor), as metal is in CLEVR
        int x = (int) centre.x();
        double upper = patchMean(r, x - 12, (int) centre.y() - 14, 8);
        double lower = patchMean(r, x, (int) centre.y() + 25, 8);
        assertTrue(upper < 60, "upper " + upper);
        assertTrue(lower > upper + 20, "lower " + lower + " upper " + upper);
    }

    private static SampledScene scene(List<ClevrObject> objects) {
        ClevrScene scene = new ClevrScene("test", 0, "CLEVR_test_000000.png", objects,
                ClevrRelations.relationships(objects, ClevrRelations.directions()), ClevrRelations.directions());
        return new SampledScene(scene, ClevrCamera.atRest(), LightRig.atRest());
    }

    private static void assertMaskAgreesWithPixelCoords(List<ClevrObject> objects, ObjectMask mask) {
        for (int i = 0; i < objects.size(); i++) {
            Vec3 p = objects.get(i).pixelCoords();
            int x = (int) Math.min(Math.max(p.x(), 0), mask.width() - 1);
            int y = (int) Math.min(Math.max(p.y(), 0), mask.height() - 1);
            int seen = mask.id(x, y);
            assertTrue(seen >= 0, "object " + i + " at " + p + ": no object in the mask");
            assertTrue(seen == i || objects.get(seen).pixelCoords().z() < p.z(),
                    "object " + i + " at " + p + " is covered by " + seen + ", which is farther");
        }
    }

    /** Mean of one channel (16 red, 8 green, 0 blue; 1 = mean of all) over a 9x9 patch. */
    private static double patchMean(Rendering r, int cx, int cy, int shift) {
        double sum = 0;
        int n = 0;
        for (int y = cy - 4; y <= cy + 4; y++) {
            for (int x = cx - 4; x <= cx + 4; x++) {
                int v = r.rgb(x, y);
                sum += shift == 1 ? (((v >> 16) & 255) + ((v >> 8) & 255) + (v & 255)) / 3.0 : (v >> shift) & 255;
                n++;
            }
        }
        return sum / n;
    }

    private static int[] pixels(Rendering r) {
        List<Integer> out = new ArrayList<>();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                out.add(r.rgb(x, y));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ClevrRendererTest.class.getResource("/clevr/render/" + name).toURI());
    }
}
