package org.vqasp.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vqasp.core.InputException;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.clevr.ProgramStep;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.reasoning.clevr.ClevrAspDataset;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.gqa.GqaAspDataset;

/**
 * The one read-back of answers and errors: the same over an in-process outcome and over the answer sets of the
 * guarded clingo child, for both datasets; program errors before the scene's.
 */
class ReadingTest {

    /** Solves labelled questions in one call in-process and in the child, and compares every slot's reading. */
    private static <S, P> void assertSameReadings(AspDataset<S, P> dataset, List<LabelledQuestion<S, P>> questions) {
        Facts facts = new Facts();
        Map<S, Integer> images = new IdentityHashMap<>();
        for (int j = 0; j < questions.size(); j++) {
            LabelledQuestion<S, P> q = questions.get(j);
            Integer w = images.get(q.scene());
            if (w == null) {
                w = dataset.scenesNumberedApart() ? images.size() : 0;
                images.put(q.scene(), w);
                dataset.encodeScene(q.scene(), w, facts);
            }
            dataset.encodeProgram(q.program(), j, w, facts);
        }
        Reasoner.Outcome inProcess = new Reasoner(dataset.theory()).solve(facts.toString(), false);
        GuardedClingo.Run child;
        try (GuardedClingo clingo = GuardedClingo.create(new GuardedClingo.Limits(Duration.ofSeconds(30), 1L << 30,
                64L << 20))) {
            child = clingo.solve(List.of(new GuardedClingo.Source("theory.lp", dataset.theory().text()),
                    new GuardedClingo.Source("facts.lp", facts.toString())), 1);
        }
        assertEquals(1, child.models().size(), child.detail());
        for (int j = 0; j < questions.size(); j++) {
            LabelledQuestion<S, P> q = questions.get(j);
            Reading a = Reading.of(dataset, q.program(), j, inProcess);
            Reading b = Reading.of(dataset, q.program(), j, child.models().get(0));
            assertEquals(a.answers(), b.answers(), q.text());
            assertEquals(a.error() == null ? null : a.error().getMessage(),
                    b.error() == null ? null : b.error().getMessage(), q.text());
            assertTrue(dataset.matches(a.single("satisfiable"), q.answer()), q.text() + ": " + a.answers());
        }
    }

    @Test
    void should_read_clevr_answers_alike_in_process_and_from_the_clingo_program() {
        // given 48 gen-dev questions over several scenes
        List<LabelledQuestion<ClevrScene, Program>> qs = ClevrAspDataset.INSTANCE.labelledQuestions(
                Samples.path("clevr/gen-dev/questions.json"), Samples.path("clevr/gen-dev/scenes.json")).subList(0, 48);
        // when solved in one call both ways, then every slot reads the same, and the gold answer
        assertSameReadings(ClevrAspDataset.INSTANCE, qs);
    }

    @Test
    void should_read_gqa_answers_alike_in_process_and_from_the_clingo_program() {
        // given the written GQA questions about the first image of the sample
        List<LabelledQuestion<GqaSceneGraph, List<GqaOperation>>> all = GqaAspDataset.bundled().labelledQuestions(
                Samples.path("gqa/sample/written_questions.json"), Samples.path("gqa/sample/sceneGraphs.json"));
        GqaSceneGraph first = all.get(0).scene();
        List<LabelledQuestion<GqaSceneGraph, List<GqaOperation>>> qs = all.stream()
                .filter(q -> q.scene() == first).toList();
        assertTrue(qs.size() > 5, "questions about one image: " + qs.size());
        // when solved in one call both ways, then every slot reads the same, and the gold answer
        assertSameReadings(GqaAspDataset.bundled(), qs);
    }

    @Test
    void should_report_a_program_error_before_an_earlier_step_error_of_the_scene() {
        // given a CLEVR program whose unique step finds nothing in an empty scene, and a later unknown function
        Program p = redThen("query_colour");
        Reasoner.Outcome o = new Reasoner(Theory.clevr()).solve(
                facts(ClevrAspDataset.INSTANCE, ClevrAspDataset.INSTANCE.emptyScene(), p), false);
        // when it is read
        Reading r = Reading.of(ClevrAspDataset.INSTANCE, p, 0, o);
        // then the error is the program's, as an input error naming the step
        assertEquals("unknown_function", r.error().kind());
        assertInstanceOf(InputException.class, r.error());
        assertEquals("step 3 (query_colour): unknown function \"query_colour\"", r.error().getMessage());
        assertTrue(r.answers().isEmpty());
        // and a well-formed program over the empty scene fails at its unique step, not as an input error
        Program q = redThen("query_shape");
        Reading s = Reading.of(ClevrAspDataset.INSTANCE, q, 0, new Reasoner(Theory.clevr()).solve(
                facts(ClevrAspDataset.INSTANCE, ClevrAspDataset.INSTANCE.emptyScene(), q), false));
        assertEquals("unique", s.error().kind());
        assertEquals("step 2 (unique): found 0 objects, expected exactly one", s.error().getMessage());
    }

    /** Returns scene, filter_color[red], unique, then a query step. */
    private static Program redThen(String query) {
        return new Program(List.of(ProgramStep.of("scene", List.of()), ProgramStep.of("filter_color", List.of("red"), 0),
                ProgramStep.of("unique", List.of(), 1), ProgramStep.of(query, List.of(), 2)));
    }

    private static <S, P> String facts(AspDataset<S, P> d, S scene, P program) {
        Facts f = new Facts();
        d.encodeScene(scene, 0, f);
        d.encodeProgram(program, 0, 0, f);
        return f.toString();
    }
}
