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
}
