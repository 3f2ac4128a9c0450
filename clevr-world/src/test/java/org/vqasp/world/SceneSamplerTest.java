package org.vqasp.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;

class SceneSamplerTest {

    private final SceneSampler sampler = SceneSampler.builder().build();

    @Test
    void should_accept_every_pair_of_objects_in_scenes_from_clevrs_own_sampler() {
        // given 120 scenes placed by CLEVR's rules (gen-dev)
        List<ClevrScene> scenes = WorldTestData.scenes("gen_dev_scenes_120.json");

        // when every pair is checked against our placement rule
        int pairs = 0;
        for (ClevrScene s : scenes) {
            List<ClevrObject> o = s.objects();
            for (int i = 0; i < o.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Vec3 a = o.get(i).coords();
                    Vec3 b = o.get(j).coords();
                    // then it is allowed (the rule is symmetric)
                    assertTrue(sampler.placementAllowed(a.x(), a.y(), a.z(), b.x(), b.y(), b.z()),
                            s.imageFilename() + " objects " + j + " and " + i);
                    pairs++;
                }
            }
        }
        assertTrue(pairs > 2000, "pairs checked: " + pairs);
    }

    @Test
    void should_sample_scenes_that_follow_clevrs_rules() {
        // given CLEVR's default sampler
        Set<String> shapes = new HashSet<>();
        Set<String> colors = new HashSet<>();
        Set<String> materials = new HashSet<>();
        Set<String> sizes = new HashSet<>();
        int objects = 0;
        for (int n = 0; n < 200; n++) {
            // when a scene is sampled
            SampledScene sampled = sampler.sample("train", n, 1000L + n);
            ClevrScene s = sampled.scene();

            // then it has 3-10 objects that keep CLEVR's distances and margins
            List<ClevrObject> o = s.objects();
            assertTrue(o.size() >= 3 && o.size() <= 10, "objects: " + o.size());
            for (int i = 0; i < o.size(); i++) {
                ClevrObject a = o.get(i);
                assertEquals(sampler.properties().scale(a.size()), a.coords().z(), 0.0);
                assertTrue(Math.abs(a.coords().x()) <= 3 && Math.abs(a.coords().y()) <= 3);
                assertTrue(a.rotation() >= 0 && a.rotation() < 360);
                // and its pixel_coords are the rounded projection by the scene's own camera
                Vec3 p = sampled.camera().project(a.coords());
                assertEquals(Math.round(p.x()), a.pixelCoords().x(), 0.0);
                assertEquals(Math.round(p.y()), a.pixelCoords().y(), 0.0);
                assertEquals(p.z(), a.pixelCoords().z(), 1e-12);
                for (int j = 0; j < i; j++) {
                    Vec3 b = o.get(j).coords();
                    assertTrue(sampler.placementAllowed(a.coords().x(), a.coords().y(), a.coords().z(),
                            b.x(), b.y(), b.z()));
                }
                shapes.add(a.shape());
                colors.add(a.color());
                materials.add(a.material());
                sizes.add(a.size());
            }
            objects += o.size();
            // and its relationships are CLEVR's, from the released directions
            assertEquals(ClevrRelations.relationships(o, ClevrRelations.directions()), s.relationships());
            assertEquals("CLEVR_train_" + String.format("%06d", n) + ".png", s.imageFilename());
            // and the camera moved by at most 0.5 per axis
            Vec3 cam = sampled.camera().position();
            assertTrue(Math.abs(cam.x() - ClevrCamera.REST_POSITION.x()) <= 0.5);
            assertTrue(Math.abs(cam.z() - ClevrCamera.REST_POSITION.z()) <= 0.5);
        }
        // and every value of the vocabulary appears; the mean object count is near 6.5
        assertEquals(3, shapes.size());
        assertEquals(8, colors.size());
        assertEquals(2, materials.size());
        assertEquals(2, sizes.size());
        double mean = objects / 200.0;
        assertTrue(mean > 5.9 && mean < 7.1, "mean objects " + mean);
    }

    @Test
    void should_give_the_same_scene_for_the_same_seed_and_another_for_another() {
        // given two samples with one seed and one with another
        SampledScene a = sampler.sample("val", 3, 42L);
        SampledScene b = sampler.sample("val", 3, 42L);
        SampledScene c = sampler.sample("val", 3, 43L);

        // then the first two are equal, camera and lamps included, and the third differs
        assertEquals(a, b);
        assertNotEquals(a.scene().objects(), c.scene().objects());
    }

    @Test
    void should_draw_only_the_shape_colour_pairs_of_cogent_condition_a() {
        // given a sampler restricted to CoGenT condition A
        SceneSampler cogent = SceneSampler.builder().optCogent(CogentCondition.A).build();
        Map<String, List<String>> allowed = CogentCondition.A.shapeColors();
        Set<String> cubeColors = new HashSet<>();

        // when many scenes are sampled
        for (int n = 0; n < 100; n++) {
            for (ClevrObject o : cogent.sample("trainA", n, n).scene().objects()) {
                // then every object's colour is allowed for its shape
                assertTrue(allowed.get(o.shape()).contains(o.color()), o.shape() + " " + o.color());
                if (o.shape().equals("cube")) {
                    cubeColors.add(o.color());
                }
            }
        }
        assertEquals(Set.of("gray", "blue", "brown", "yellow"), cubeColors);
    }

    @Test
    void should_place_the_objects_again_until_the_visibility_check_passes() {
        // given a visibility check that reports a hidden object three times
        AtomicInteger calls = new AtomicInteger();
        SceneSampler checked = SceneSampler.builder()
                .optVisibility(s -> {
                    int[] counts = new int[s.scene().objects().size()];
                    java.util.Arrays.fill(counts, calls.incrementAndGet() <= 3 ? 10 : 500);
                    return counts;
                }, 200)
                .build();

        // when a scene is sampled
        SampledScene s = checked.sample("train", 0, 7L);

        // then the fourth placement is kept, with the same object count and camera
        assertEquals(4, calls.get());
        SampledScene unchecked = sampler.sample("train", 0, 7L);
        assertEquals(unchecked.camera(), s.camera());
        assertEquals(unchecked.scene().objects().size(), s.scene().objects().size());
    }

    @Test
    void should_give_up_when_no_placement_is_ever_visible() {
        // given a visibility check that always fails
        SceneSampler hopeless = SceneSampler.builder()
                .optVisibility(s -> new int[s.scene().objects().size()], 200)
                .optMaxPlacements(5)
                .build();

        // when a scene is sampled, then a placement error names the image
        VqaspException e = assertThrows(VqaspException.class, () -> hopeless.sample("train", 9, 1L));
        assertEquals("placement", e.kind());
        assertTrue(e.getMessage().contains("CLEVR_train_000009.png"), e.getMessage());
    }
}
