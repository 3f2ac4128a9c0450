package org.vqasp.reasoning.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.Reasoner;

class ClevrReasonerTest {

    private final ClevrReasoner reasoner = new ClevrReasoner();

    @Test
    void should_answer_every_generated_question_correctly() {
        // given the 3,200 questions the original CLEVR generator made over 400 scenes
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        List<ClevrQuestion> questions = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(Samples.path("clevr/gen-dev/questions.json"))) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                assertTrue(item.ok(), () -> item.error().getMessage());
                questions.add(item.value());
            }
        }
        // when the theory answers them over their gold scenes, 64 questions (8 scenes) per clingo call
        List<String> wrong = new ArrayList<>();
        for (int from = 0; from < questions.size(); from += 64) {
            List<ClevrQuestion> batch = questions.subList(from, Math.min(questions.size(), from + 64));
            List<Answer> answers = reasoner.answerAll(batch.stream()
                    .map(q -> new DatasetReasoner.Question<>(scenes.get(q.imageIndex()), q.program())).toList());
            for (int i = 0; i < batch.size(); i++) {
                ClevrQuestion q = batch.get(i);
                Answer a = answers.get(i);
                if (!a.ok() || !a.answer().equals(q.answer())) {
                    wrong.add(q.questionIndex() + ": " + (a.ok() ? a.answer() + " != " + q.answer()
                            : a.error().kind() + " " + a.error().getMessage()));
                }
            }
        }
        // then every answer is the generator's, and every function of the released programs was exercised
        assertEquals(3200, questions.size());
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " wrong");
        Set<String> functions = new TreeSet<>();
        questions.forEach(q -> q.program().steps().forEach(s -> functions.add(s.function())));
        assertEquals(Set.of("count", "equal_color", "equal_integer", "equal_material", "equal_shape", "equal_size",
                "exist", "filter_color", "filter_material", "filter_shape", "filter_size", "greater_than",
                "intersect", "less_than", "query_color", "query_material", "query_shape", "query_size", "relate",
                "same_color", "same_material", "same_shape", "same_size", "scene", "union", "unique"), functions);
    }

    @Test
    void should_answer_one_question_at_a_time_like_a_batch() {
        // given the first 40 generated questions, answered one clingo call each
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(Samples.path("clevr/gen-dev/questions.json"))) {
            for (int i = 0; i < 40; i++) {
                ClevrQuestion q = r.next().value();
                assertEquals(q.answer(), reasoner.answer(scenes.get(q.imageIndex()), q.program()), q.question());
            }
        }
    }

    @Test
    void should_trace_a_question_that_has_no_single_answer_to_the_step_that_failed() {
        // given a generated question that asks about one object, over its scene emptied of objects
        ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(Samples.path("clevr/gen-dev/scenes.json"));
        ClevrQuestion q;
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(Samples.path("clevr/gen-dev/questions.json"))) {
            do {
                q = r.next().value();
            } while (q.program().steps().stream().noneMatch(s -> s.function().equals("unique")));
        }
        ClevrScene full = scenes.get(q.imageIndex());
        ClevrScene empty = new ClevrScene(full.split(), full.imageIndex(), full.imageFilename(), List.of(), Map.of(),
                full.directions());
        Program program = q.program();
        VqaspException noAnswer = assertThrows(VqaspException.class, () -> reasoner.explain(empty, program, true));
        assertEquals("unique", noAnswer.kind());

        // when it is traced, plainly and over the scene's probabilities
        for (boolean weighted : new boolean[] {false, true}) {
            Reasoner.Outcome trace = reasoner.trace(empty, program, weighted);

            // then the trace holds the answer set with the step error that explains why there is no answer
            assertFalse(trace.models().isEmpty());
            assertTrue(trace.errors().stream().anyMatch(e -> e.kind().equals("unique")), trace.errors().toString());
        }
    }
}
