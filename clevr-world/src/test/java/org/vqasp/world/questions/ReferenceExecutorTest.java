package org.vqasp.world.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;

class ReferenceExecutorTest {

    private final ReferenceExecutor executor = new ReferenceExecutor();

    private static List<String> disagreements(List<ClevrQuestion> questions, ClevrDataset.SceneIndex scenes,
            ReferenceExecutor executor) {
        List<String> bad = new ArrayList<>();
        for (ClevrQuestion q : questions) {
            String got;
            try {
                got = executor.answer(q.program(), scenes.get(q.imageIndex()));
            } catch (VqaspException e) {
                got = e.kind() + ": " + e.getMessage();
            }
            if (!got.equals(q.answer())) {
                bad.add(q.questionIndex() + " " + q.family() + " \"" + q.question() + "\": " + got + " vs "
                        + q.answer());
            }
        }
        return bad;
    }

    @Test
    void should_reproduce_every_gen_dev_answer() {
        // given the original generator's questions over 400 scenes
        List<ClevrQuestion> questions = Fixtures.questions(Fixtures.GEN_DEV_QUESTIONS);
        ClevrDataset.SceneIndex scenes = Fixtures.scenes(Fixtures.GEN_DEV_SCENES);

        // when every released program is executed
        List<String> bad = disagreements(questions, scenes, executor);

        // then every answer is the generator's
        assertEquals(400, scenes.size());
        assertTrue(bad.isEmpty(), bad.size() + " disagreements:\n" + String.join("\n", bad));
    }

    @Test
    void should_reproduce_the_val_sample_answer() {
        // given real CLEVR val scene 0 and question 0
        List<ClevrQuestion> questions = Fixtures.questions(Fixtures.VAL_QUESTIONS);
        ClevrDataset.SceneIndex scenes = Fixtures.scenes(Fixtures.VAL_SCENES);

        // when executed / then the released answer
        assertEquals(List.of(), disagreements(questions, scenes, executor));
        assertEquals("no", executor.answer(questions.get(0).program(), scenes.get(0)));
    }

    private static ClevrScene valScene() {
        return Fixtures.scenes(Fixtures.VAL_SCENES).get(0);
    }

    private static Program program(ProgramStep... steps) {
        return new Program(List.of(steps));
    }

    @Test
    void should_fail_with_kind_unique_naming_step_and_count() {
        // given val scene 0 (5 objects) and a unique over the whole scene
        Program p = program(ProgramStep.of("scene", List.of()), ProgramStep.of("unique", List.of(), 0),
                ProgramStep.of("query_color", List.of(), 1));

        // when executed
        VqaspException e = assertThrows(VqaspException.class, () -> executor.answer(p, valScene()));

        // then the failure is of kind unique and names step 1 and the 5 objects
        assertEquals("unique", e.kind());
        assertTrue(e.getMessage().contains("step 1") && e.getMessage().contains("found 5"), e.getMessage());
    }

    @Test
    void should_fail_with_kind_unknown_function() {
        // given a program with a function CLEVR does not have
        Program p = program(ProgramStep.of("scene", List.of()), ProgramStep.of("levitate", List.of(), 0));

        // when executed / then
        VqaspException e = assertThrows(VqaspException.class, () -> executor.answer(p, valScene()));
        assertEquals("unknown_function", e.kind());
        assertTrue(e.getMessage().contains("levitate"), e.getMessage());
    }

    @Test
    void should_execute_fused_forms_like_their_expansions() {
        // given val scene 0 and, for every object, fused and expanded programs about it
        ClevrScene scene = valScene();
        for (int i = 0; i < scene.objects().size(); i++) {
            var o = scene.objects().get(i);
            List<String> all = List.of(o.size(), o.color(), o.material(), o.shape());
            Program fusedUnique = program(ProgramStep.of("scene", List.of()),
                    ProgramStep.of("filter_unique", all, 0), ProgramStep.of("query_shape", List.of(), 1));
            Program expandedUnique = program(ProgramStep.of("scene", List.of()),
                    ProgramStep.of("filter_size", List.of(o.size()), 0),
                    ProgramStep.of("filter_color", List.of(o.color()), 1),
                    ProgramStep.of("filter_material", List.of(o.material()), 2),
                    ProgramStep.of("filter_shape", List.of(o.shape()), 3), ProgramStep.of("unique", List.of(), 4),
                    ProgramStep.of("query_shape", List.of(), 5));
            // when executed / then the same answer
            assertEquals(executor.answer(expandedUnique, scene), executor.answer(fusedUnique, scene));
            for (String rel : ClevrScene.RELATIONS) {
                Program fusedCount = program(ProgramStep.of("scene", List.of()),
                        ProgramStep.of("filter_unique", all, 0),
                        ProgramStep.of("relate_filter_count", List.of(rel, "", "", "", "thing"), 1));
                Program expandedCount = program(ProgramStep.of("scene", List.of()),
                        ProgramStep.of("filter_unique", all, 0), ProgramStep.of("relate", List.of(rel), 1),
                        ProgramStep.of("count", List.of(), 2));
                Program fusedExist = program(ProgramStep.of("scene", List.of()),
                        ProgramStep.of("filter_unique", all, 0),
                        ProgramStep.of("relate_filter_exist", List.of(rel, "", "", "", ""), 1));
                String count = executor.answer(expandedCount, scene);
                assertEquals(count, executor.answer(fusedCount, scene));
                assertEquals(count.equals("0") ? "no" : "yes", executor.answer(fusedExist, scene));
                assertEquals(Integer.parseInt(count), scene.relationships().get(rel).get(i).size());
            }
        }
    }

    @Test
    void should_compare_sets_numbers_and_objects() {
        // given val scene 0
        ClevrScene scene = valScene();
        Program moreSpheresThanCubes = program(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_shape", List.of("sphere"), 0), ProgramStep.of("count", List.of(), 1),
                ProgramStep.of("scene", List.of()), ProgramStep.of("filter_shape", List.of("cube"), 3),
                ProgramStep.of("count", List.of(), 4), ProgramStep.of("greater_than", List.of(), 2, 5));
        Program unionIntersect = program(ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_size", List.of("large"), 0), ProgramStep.of("scene", List.of()),
                ProgramStep.of("filter_size", List.of("small"), 2), ProgramStep.of("union", List.of(), 1, 3),
                ProgramStep.of("intersect", List.of(), 4, 1), ProgramStep.of("count", List.of(), 5));
        long spheres = scene.objects().stream().filter(o -> o.shape().equals("sphere")).count();
        long cubes = scene.objects().stream().filter(o -> o.shape().equals("cube")).count();
        long large = scene.objects().stream().filter(o -> o.size().equals("large")).count();

        // when executed / then the hand-computed answers
        assertEquals(spheres > cubes ? "yes" : "no", executor.answer(moreSpheresThanCubes, scene));
        assertEquals(Long.toString(large), executor.answer(unionIntersect, scene));
    }
}
