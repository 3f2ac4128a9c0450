package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Samples;

class ClevrReasonerTest {

    private final ClevrReasoner reasoner = new ClevrReasoner();

    @Test
    void should_answer_every_generated_question_correctly() {
        // given the 3,200 questions the original CLEVR generator made over 400 scenes
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        List<String> wrong = new ArrayList<>();
        TreeMap<String, Integer> byFunction = new TreeMap<>();
        int n = 0;
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(Samples.path("clevr/gen-dev/questions.json"))) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                assertTrue(item.ok(), () -> item.error().getMessage());
                ClevrQuestion q = item.value();
                n++;
                // when the theory answers each program over its gold scene
                try {
                    String a = reasoner.answer(scenes.get(q.imageIndex()), q.program());
                    if (!a.equals(q.answer())) {
                        wrong.add(q.questionIndex() + ": " + a + " != " + q.answer() + " " + q.program());
                    }
                } catch (VqaspException e) {
                    wrong.add(q.questionIndex() + ": " + e.kind() + " " + e.getMessage());
                }
                q.program().steps().forEach(s -> byFunction.merge(s.function(), 1, Integer::sum));
            }
        }
        // then every answer is the generator's
        assertEquals(3200, n);
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " wrong");
    }
}
