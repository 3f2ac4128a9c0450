package org.vqasp.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.world.SceneSampler;
import org.vqasp.world.SceneMetrics;
import org.vqasp.vision.train.TargetEncoder;

class SceneDecoderTest {

    /** Turns encoder targets into the output a perfect network would give. */
    static float[] perfectOutput(float[] targets, int cells) {
        float[] out = new float[cells * SceneNet.OUTPUTS];
        for (int c = 0; c < cells; c++) {
            int t = c * TargetEncoder.CHANNELS;
            int o = c * SceneNet.OUTPUTS;
            boolean centre = targets[t + TargetEncoder.CENTRE] == 1f;
            out[o + SceneNet.Outputs.PRESENCE] = centre ? 6f : -6f + 4f * targets[t + TargetEncoder.HEAT];
            for (int k = 0; k < 15; k++) {
                out[o + SceneNet.Outputs.SHAPE + k] = 8f * targets[t + TargetEncoder.ONE_HOT + k];
            }
            for (int k = 0; k < 5; k++) {
                out[o + SceneNet.Outputs.OFFSET + k] = targets[t + TargetEncoder.REGRESSION + k];
            }
        }
        return out;
    }

    @Test
    void should_invert_the_target_encoder() {
        // given sampled CLEVR scenes encoded as targets for the default grid
        SceneNetConfig config = SceneNetConfig.defaults();
        int cells = config.gridWidth() * config.gridHeight();
        SceneSampler sampler = SceneSampler.builder().build();
        SceneMetrics metrics = new SceneMetrics();
        int skipped = 0;
        for (int i = 0; i < 40; i++) {
            ClevrScene gold = sampler.sample("val", i, 100 + i).scene();
            if (sharesACell(gold)) { // without the visibility rule, hidden objects may share a 16-pixel cell
                skipped++;
                continue;
            }
            float[] targets = new float[cells * TargetEncoder.CHANNELS];
            int inside = TargetEncoder.encode(gold, config, 480, 320, TargetEncoder.Transform.NONE, targets, 0);
            assertEquals(gold.objects().size(), inside);
            // when a perfect output is decoded
            ClevrScene predicted = SceneDecoder.decode(perfectOutput(targets, cells), config, 480, 320, "val", i,
                    gold.imageFilename());
            metrics.add(gold, predicted);
            // then positions come back to rounding and relationships are CLEVR's
            for (ClevrObject p : predicted.objects()) {
                ClevrObject g = gold.objects().stream().min((a, b) -> Double.compare(dist(a, p), dist(b, p)))
                        .orElseThrow();
                assertTrue(dist(g, p) < 1e-3, "pixel error " + dist(g, p));
                assertEquals(g.coords().x(), p.coords().x(), 1e-5);
                assertEquals(g.coords().z(), p.coords().z(), 1e-9);
                assertTrue(p.confidence() > 0.99);
                assertTrue(p.probabilities().get("color").get(g.color()) > 0.99);
            }
        }
        assertTrue(skipped < 8, skipped + " scenes skipped");
        SceneMetrics.Evaluation e = metrics.result();
        assertEquals(1.0, e.precision());
        assertEquals(1.0, e.recall());
        assertEquals(1.0, e.attributeAccuracy().get("all"));
        assertEquals(1.0, e.relationAccuracy());
        assertEquals(1.0, e.sceneAccuracy());
    }

    @Test
    void should_encode_a_mirror_image_with_mirrored_pixels_and_depth_but_no_ground_plane() {
        // given sampled scenes encoded as the targets of their mirror images
        SceneNetConfig config = SceneNetConfig.defaults();
        int cells = config.gridWidth() * config.gridHeight();
        SceneSampler sampler = SceneSampler.builder().build();
        int checked = 0;
        for (int i = 0; i < 20; i++) {
            ClevrScene gold = sampler.sample("val", i, 300 + i).scene();
            if (sharesACell(gold)) {
                continue;
            }
            float[] targets = new float[cells * TargetEncoder.CHANNELS];
            TargetEncoder.encode(gold, config, 480, 320, TargetEncoder.Transform.NONE.mirrored(), targets, 0);
            // when a perfect output is decoded
            ClevrScene predicted = SceneDecoder.decode(perfectOutput(targets, cells), config, 480, 320, "val", i,
                    null);
            // then each object appears at 480 - x with its attributes and depth; ground-plane weights are 0
            assertEquals(gold.objects().size(), predicted.objects().size());
            for (ClevrObject g : gold.objects()) {
                ClevrObject p = predicted.objects().stream().min((a, b) -> Double.compare(
                        Math.hypot(480 - g.pixelCoords().x() - a.pixelCoords().x(), g.pixelCoords().y()
                                - a.pixelCoords().y()),
                        Math.hypot(480 - g.pixelCoords().x() - b.pixelCoords().x(), g.pixelCoords().y()
                                - b.pixelCoords().y()))).orElseThrow();
                assertEquals(480 - g.pixelCoords().x(), p.pixelCoords().x(), 1e-3);
                assertEquals(g.pixelCoords().y(), p.pixelCoords().y(), 1e-3);
                assertEquals(g.pixelCoords().z(), p.pixelCoords().z(), 1e-4);
                assertEquals(List.of(g.shape(), g.color(), g.material(), g.size()),
                        List.of(p.shape(), p.color(), p.material(), p.size()));
                checked++;
            }
            for (int c = 0; c < cells; c++) {
                int t = c * TargetEncoder.CHANNELS;
                if (targets[t + TargetEncoder.CENTRE] == 1f) {
                    assertEquals(0f, targets[t + TargetEncoder.WEIGHT + 2]);
                    assertEquals(0f, targets[t + TargetEncoder.WEIGHT + 3]);
                    assertEquals(1f, targets[t + TargetEncoder.WEIGHT + 4]);
                }
            }
        }
        assertTrue(checked > 60, checked + " objects checked");
    }

    @Test
    void should_average_attributes_with_the_mirror_scene_and_keep_unmatched_objects() {
        // given an image 480 wide with two objects, and a mirror-image scene that sees only the first one, at
        // 480 - x and 5 pixels off, more sure that it is a cube
        ClevrObject a = object(100, 200, 0.4, 0.6);
        ClevrObject b = object(300, 120, 0.2, 0.8);
        ClevrObject twin = object(480 - 100 + 3, 204, 0.9, 0.1);
        ClevrObject far = object(480 - 300 + 40, 120, 0.99, 0.01);
        var directions = org.vqasp.world.ClevrRelations.directions();
        ClevrScene original = new ClevrScene("val", 7, "x.png", List.of(a, b),
                org.vqasp.world.ClevrRelations.relationships(List.of(a, b), directions), directions);
        ClevrScene mirrored = new ClevrScene(null, -1, null, List.of(far, twin),
                org.vqasp.world.ClevrRelations.relationships(List.of(far, twin), directions), directions);
        // when they are combined
        ClevrScene combined = SceneDecoder.averageMirror(original, mirrored, SceneNetConfig.defaults(), 480);
        // then the first object takes the normalised geometric mean, the second (no twin within a cell) is kept
        double cube = Math.sqrt(0.4 * 0.9);
        double cylinder = Math.sqrt(0.6 * 0.1);
        ClevrObject first = combined.objects().get(0);
        assertEquals("cube", first.shape());
        assertEquals(cube / (cube + cylinder), first.probabilities().get("shape").get("cube"), 1e-9);
        assertEquals(0.0, first.probabilities().get("shape").get("sphere"), 1e-12);
        assertEquals(a.pixelCoords(), first.pixelCoords());
        assertEquals(a.confidence(), first.confidence());
        assertEquals(b, combined.objects().get(1));
        assertEquals("x.png", combined.imageFilename());
        assertEquals(original.relationships(), combined.relationships());
    }

    private static ClevrObject object(double px, double py, double cube, double cylinder) {
        java.util.Map<String, java.util.Map<String, Double>> p = new java.util.LinkedHashMap<>();
        p.put("shape", java.util.Map.of("cube", cube, "sphere", 0.0, "cylinder", cylinder));
        p.put("color", java.util.Map.of("red", 1.0));
        p.put("material", java.util.Map.of("rubber", 1.0));
        p.put("size", java.util.Map.of("large", 1.0));
        return new ClevrObject(cube > cylinder ? "cube" : "cylinder", "red", "rubber", "large",
                new org.vqasp.core.clevr.Vec3(px / 100, py / 100, 0.7), new org.vqasp.core.clevr.Vec3(px, py, 10),
                0, 0.9, p);
    }

    @Test
    void should_merge_votes_for_one_centre_and_keep_adjacent_objects() {
        // given a grid where cells (5,5) and (6,5) both point at x = 6.0 (one object), cells (5,10) and (6,10)
        // each point at their own centre (two adjacent objects), and one cell sits just below the threshold
        SceneNetConfig config = SceneNetConfig.defaults();
        int gw = config.gridWidth();
        float[] out = new float[gw * config.gridHeight() * SceneNet.OUTPUTS];
        for (int c = 0; c < gw * config.gridHeight(); c++) {
            out[c * SceneNet.OUTPUTS] = -9f;
        }
        set(out, 5 * gw + 5, 3f, 0.5f);
        set(out, 5 * gw + 6, 2f, -0.5f);
        set(out, 10 * gw + 5, 2f, 0f);
        set(out, 10 * gw + 6, 2.5f, 0f);
        set(out, 15 * gw + 20, -0.1f, 0f); // p = 0.475
        // when
        List<SceneDecoder.Detection> found = SceneDecoder.detect(out, config, 480, 320);
        // then: one object at the top, two at the bottom, most confident first; pixel x = 6.0 cells * 16
        assertEquals(3, found.size());
        assertEquals(5 * gw + 5, found.get(0).cell());
        assertEquals(96.0, found.get(0).pixelX(), 1e-6);
        assertEquals(0.9526, found.get(0).presence(), 1e-4);
        assertEquals(10 * gw + 6, found.get(1).cell());
        assertEquals(10 * gw + 5, found.get(2).cell());
        assertEquals(4, SceneDecoder.detect(out, config.withThreshold(0.45), 480, 320).size());
    }

    private static void set(float[] out, int cell, float logit, float offsetX) {
        out[cell * SceneNet.OUTPUTS + SceneNet.Outputs.PRESENCE] = logit;
        out[cell * SceneNet.OUTPUTS + SceneNet.Outputs.OFFSET] = offsetX;
    }

    private static boolean sharesACell(ClevrScene s) {
        java.util.Set<Long> cells = new java.util.HashSet<>();
        for (ClevrObject o : s.objects()) {
            if (!cells.add((long) Math.floor(o.pixelCoords().x() / 16) * 1000 + (long) Math.floor(o.pixelCoords().y()
                    / 16))) {
                return true;
            }
        }
        return false;
    }

    private static double dist(ClevrObject a, ClevrObject b) {
        return Math.hypot(a.pixelCoords().x() - b.pixelCoords().x(), a.pixelCoords().y() - b.pixelCoords().y());
    }
}
