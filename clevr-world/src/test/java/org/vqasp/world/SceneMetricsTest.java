package org.vqasp.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;

class SceneMetricsTest {

    @Test
    void should_count_each_matched_object_in_the_confusion_matrix_of_every_attribute() {
        // given sampled scenes, and predictions in which every red object is read as purple and one object is missed
        SceneSampler sampler = SceneSampler.builder().build();
        SceneMetrics metrics = new SceneMetrics();
        int matched = 0;
        int red = 0;
        for (int i = 0; i < 10; i++) {
            ClevrScene gold = sampler.sample("val", i, 500 + i).scene();
            List<ClevrObject> predicted = new ArrayList<>();
            for (int k = 1; k < gold.objects().size(); k++) { // object 0 is missed
                ClevrObject o = gold.objects().get(k);
                red += o.color().equals("red") ? 1 : 0;
                predicted.add(new ClevrObject(o.shape(), o.color().equals("red") ? "purple" : o.color(),
                        o.material(), o.size(), o.coords(), o.pixelCoords(), o.rotation(), 1.0, Map.of()));
            }
            matched += predicted.size();
            metrics.add(gold, new ClevrScene(gold.split(), gold.imageIndex(), gold.imageFilename(), predicted,
                    Map.of(), Map.of()));
        }

        // when the result is read
        SceneMetrics.Evaluation e = metrics.result();

        // then every matched object counts once per attribute, red objects land in the purple column only
        assertEquals(matched, e.matched());
        for (String attribute : ClevrVocabulary.ATTRIBUTES) {
            int sum = e.confusion().get(attribute).values().stream()
                    .mapToInt(row -> row.values().stream().mapToInt(Integer::intValue).sum()).sum();
            assertEquals(matched, sum, attribute);
        }
        Map<String, Integer> redRow = e.confusion().get("color").get("red");
        assertEquals(red, redRow.get("purple"));
        assertEquals(0, redRow.get("red"));
        assertEquals(e.confusion().get("shape").get("cube").get("cube"),
                e.confusion().get("shape").get("cube").values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1.0 - (double) red / matched, e.attributeAccuracy().get("color"), 1e-12);
    }

    @Test
    void should_add_up_two_accumulators_to_the_scores_of_one_that_saw_every_image() {
        // given sampled scenes read with errors (red read as purple, the first object missed on odd images)
        SceneSampler sampler = SceneSampler.builder().build();
        SceneMetrics all = new SceneMetrics();
        SceneMetrics first = new SceneMetrics();
        SceneMetrics second = new SceneMetrics();
        for (int i = 0; i < 12; i++) {
            ClevrScene gold = sampler.sample("val", i, 900 + i).scene();
            List<ClevrObject> predicted = new ArrayList<>();
            for (int k = i % 2; k < gold.objects().size(); k++) {
                ClevrObject o = gold.objects().get(k);
                predicted.add(new ClevrObject(o.shape(), o.color().equals("red") ? "purple" : o.color(),
                        o.material(), o.size(), o.coords(), o.pixelCoords(), o.rotation(), 1.0, Map.of()));
            }
            ClevrScene read = new ClevrScene(gold.split(), gold.imageIndex(), gold.imageFilename(), predicted,
                    Map.of(), Map.of());
            all.add(gold, read);
            (i < 5 ? first : second).add(gold, read); // two partitions of a Spark job, say
        }

        // when the two halves are added up
        SceneMetrics sum = new SceneMetrics();
        sum.addAll(first);
        sum.addAll(second);

        // then every count and the confusion matrices are those of the one accumulator; the mean error to rounding
        SceneMetrics.Evaluation a = all.result();
        SceneMetrics.Evaluation b = sum.result();
        assertEquals(12, b.images());
        assertEquals(a.meanCoordError(), b.meanCoordError(), 1e-12);
        assertEquals(a.confusion(), b.confusion());
        assertEquals(new SceneMetrics.Evaluation(a.images(), a.goldObjects(), a.predictedObjects(), a.matched(),
                a.precision(), a.recall(), a.attributeAccuracy(), 0, a.relationAccuracy(), a.sceneAccuracy(),
                a.confusion()), new SceneMetrics.Evaluation(b.images(), b.goldObjects(), b.predictedObjects(),
                b.matched(), b.precision(), b.recall(), b.attributeAccuracy(), 0, b.relationAccuracy(),
                b.sceneAccuracy(), b.confusion()));
    }
}
