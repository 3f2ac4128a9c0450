package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vqasp.reasoning.gqa.GqaReasoner;

class GqaExampleTest {

    @Test
    void should_judge_gqa_questions_one_scene_per_call_as_the_reasoner_answers_them() {
        // given the 50 questions written over three real GQA scene graphs
        List<GqaExample> examples = GqaExample.load(Fixtures.sample("gqa/sample/written_questions.json"),
                Fixtures.sample("gqa/sample/sceneGraphs.json"));
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
