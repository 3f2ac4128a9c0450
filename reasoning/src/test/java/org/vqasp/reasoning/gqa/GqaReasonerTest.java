package org.vqasp.reasoning.gqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.ExplainedAnswer;

class GqaReasonerTest {

    private static final GqaReasoner REASONER = new GqaReasoner();

    private static List<GqaQuestion> questions(String file) {
        List<GqaQuestion> out = new ArrayList<>();
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(Samples.path(file))) {
            while (r.hasNext()) {
                DatasetItem<GqaQuestion> item = r.next();
                assertTrue(item.ok(), () -> item.error().getMessage());
                out.add(item.value());
            }
        }
        return out;
    }

    @Test
    void should_answer_both_real_questions_over_their_real_scene_graphs() {
        // given the two real balanced questions and the real scene graphs of their images
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json"));
        for (GqaQuestion q : questions("gqa/sample/questions.json")) {
            // when each gold program is answered over its scene graph
            String a = REASONER.answer(graphs.get(q.imageId()), q.semantic());
            // then the answer is GQA's (yes; pipe)
            assertEquals(q.answer(), a, q.id() + " " + q.question());
        }
    }

    @Test
    void should_explain_an_answer_by_the_intermediate_sets() {
        // given the real question 07333408 "What is on the white wall?" over image 2375429, whose walls are
        // 722333 (no attributes) and 722332 (white), and whose pipe 722335 is "on" wall 722332
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(Samples.path("gqa/sample/sceneGraphs.json"));
        GqaQuestion q = questions("gqa/sample/questions.json").get(1);

        // when the answer is explained
        ExplainedAnswer r = REASONER.explain(graphs.get(q.imageId()), q.semantic(), true);

        // then each step's set is shown: both walls, the white one, the pipe on it
        assertEquals("pipe", r.answer());
        List<String> sets = r.outcome().models().get(0).atoms("set", 2).stream().map(Object::toString).sorted().toList();
        assertEquals(List.of("set(0,722332)", "set(0,722333)", "set(1,722332)", "set(2,722335)"), sets);
        assertEquals(1, r.outcome().models().get(0).atoms("val", 2).size());
    }

    @Test
    void should_ground_every_real_program_of_semantic_dev_without_a_program_error() {
        // given the 200 real val programs (no scene graphs exist for them)
        List<GqaQuestion> qs = questions("gqa/semantic-dev/questions.json");
        List<List<GqaOperation>> programs = qs.stream().map(GqaQuestion::semantic).toList();

        // when each is translated and grounded with the theory against an empty scene graph
        List<Optional<VqaspException>> results = REASONER.checkAll(programs);

        // then none fails
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            int k = i;
            results.get(i).ifPresent(e -> failures.add(qs.get(k).id() + ": " + e.kind() + " " + e.getMessage()));
        }
        assertEquals(200, results.size());
        assertEquals(List.of(), failures);
    }
}
