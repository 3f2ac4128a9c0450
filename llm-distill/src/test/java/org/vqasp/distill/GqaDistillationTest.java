package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.gqa.GqaAspDataset;
import org.vqasp.reasoning.gqa.GqaReasoner;

class GqaDistillationTest {

    /** A small mode bias over the GQA theory's step predicates, with anonymous variables. */
    static final String MODES = """
            given(step(step,operation)).
            given(in(step,position,step)).
            derived(set(step,object)).
            derived(found(step)).
            derived(val(step,value)).
            derived(yes(step)).
            constant(operation,F) :- sig(F,_,_,_).
            constant(position,0).
            anonymous.
            """;

    @TempDir
    Path tmp;

    @Test
    @Tag("slow") // a whole distillation run
    void should_restore_a_deleted_gqa_predicate_with_the_enumerative_proposer() throws Exception {
        // given the GQA theory without found/1 and a mode bias, in a theory directory
        Path theory = Files.createDirectories(tmp.resolve("theory"));
        Files.writeString(theory.resolve("theory.lp"), GqaReasoner.theory().text());
        Files.writeString(theory.resolve("modes.lp"), MODES);
        DistillConfig c = DistillConfig.builder()
                .setData(DistillConfig.Dataset.GQA, Samples.path("gqa/sample/written_questions.json"),
                        Samples.path("gqa/sample/sceneGraphs.json"))
                .setOut(tmp.resolve("run"))
                .optTheoryDir(theory)
                .optDeletePredicate(PredicateSelector.parse("found/1"))
                .optSeed(2)
                .optTrain(20)
                .optTest(30)
                .optLoop(new Distiller.Options(20, 1, 1, 50))
                .build();

        // when the enumerative proposer distils on twenty questions (with seed 1 they are answered as well by
        // found(S) :- in(_,_,S), which fails on a test question: the twenty do not tell the two apart)
        DistillSummary s = Distillation.of(c, Map.of()).run(Progress.NONE);

        // then the test accuracy, lower without the rule, is the full theory's again
        assertTrue(s.beforeAccuracy() < s.fullAccuracy(), s.toJson().toString());
        assertEquals(s.fullAccuracy(), s.afterAccuracy(), Files.readString(tmp.resolve("run/theory.lp")));
        assertTrue(Files.readString(tmp.resolve("run/theory.lp")).contains("found(S) :- set(S,_)."));
    }

    @Test
    void should_judge_gqa_questions_one_scene_per_call_as_the_reasoner_answers_them() {
        // given the 50 questions written over three real GQA scene graphs
        List<Example> examples = Example.load(GqaAspDataset.bundled(),
                Samples.path("gqa/sample/written_questions.json"), Samples.path("gqa/sample/sceneGraphs.json"));
        assertEquals(50, examples.size());
        String theory = GqaReasoner.theory().text();

        try (GuardedClingo clingo = Fixtures.clingo(Duration.ofSeconds(20))) {
            // when the bundled GQA theory is judged on them, many to a call (never mixing scenes) and one by one
            Judge.Evaluation batched = new Judge(clingo, 4, 50).evaluate(theory, "", examples);
            Judge.Evaluation single = new Judge(clingo, 4, 1).evaluate(theory, "", examples);

            // then both give the same verdicts, and every hand-checked answer
            assertEquals(single.verdicts(), batched.verdicts());
            assertEquals(50, batched.correct(), batched.verdicts().toString());
            // and deleting the rule that says a step found something breaks questions that depend on it
            TheoryText t = TheoryText.parse(theory);
            String without = t.without(t.definitionsOf(PredicateSelector.parse("found/1"))).text();
            int broken = 50 - new Judge(clingo, 4, 50).evaluate(without, "", examples).correct();
            assertTrue(broken > 0, "no question needs found/1");
            assertEquals(50, new Judge(clingo, 4, 50).evaluate(without, "found(S) :- set(S,_).", examples).correct());
        }
    }
}
