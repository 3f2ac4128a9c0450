package org.vqasp.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.world.SceneSampler;
import org.vqasp.vision.train.SceneMetrics;
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
