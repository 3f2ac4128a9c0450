package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.reasoning.clingo.GuardedClingo;

class JudgeTest {

    private static GuardedClingo clingo;
    private static Judge judge;

    @BeforeAll
    static void setUp() {
        clingo = Fixtures.clingo(Duration.ofSeconds(10));
        judge = new Judge(clingo, 4, 100);
    }

    @AfterAll
    static void tearDown() {
        clingo.close();
    }

    private static String without(String predicate) {
        TheoryText t = TheoryText.parse(Fixtures.clevrTheory());
        return t.without(t.definitionsOf(PredicateSelector.parse(predicate))).text();
    }

    @Test
    void should_answer_every_gen_dev_question_with_the_full_theory() {
        // given the first 300 gen-dev questions
        List<Example> examples = Fixtures.genDev().subList(0, 300);

        // when the bundled theory answers them in guarded runs of 100
        Judge.Evaluation e = judge.evaluate(Fixtures.clevrTheory(), "", examples);

        // then every answer is the generator's
        assertEquals(300, e.verdicts().size());
        assertEquals(300, e.correct(), () -> e.verdicts().toString());
        assertEquals(null, e.failed());
    }

    @Test
    void should_fail_color_filters_without_their_rules_and_pass_with_the_right_candidate() {
        // given the theory without filter_color's rules
        String deleted = without("filter_color");
        List<Example> examples = Fixtures.genDev().subList(0, 100);

        // when it answers, then with the deleted rule proposed back as a candidate
        Judge.Evaluation before = judge.evaluate(deleted, "", examples);
        Judge.Evaluation after = judge.evaluate(deleted,
                "filter_color(S,O) :- step(S,filter_color), input(S,O), arg(S,0,V), has(O,color,V).", examples);

        // then questions that filter by colour fail before and all pass after
        assertTrue(before.correct() < 60, "before: " + before.correct());
        assertEquals(100, after.correct());
    }

    @Test
    void should_report_clingo_messages_with_positions_in_the_candidate() {
        // given a candidate with a syntax error on its second line
        String candidate = "filter_color(S,O) :- input(S,O).\nfilter_color(S,O) :- input(S,O), has(O,color,.\n";

        // when it is judged
        Judge.Evaluation e = judge.evaluate(without("filter_color"), candidate, Fixtures.genDev().subList(0, 3));

        // then the run failed with clingo's message about line 2 of the candidate
        assertNotNull(e.failed());
        assertEquals(GuardedClingo.Status.ERROR, e.failed().status());
        var msgs = e.messagesAbout(Judge.CANDIDATE);
        assertFalse(msgs.isEmpty(), e.failed().messages().toString());
        assertEquals(2, msgs.get(0).line());
        assertTrue(msgs.get(0).column() > 1);
        assertTrue(e.verdicts().stream().noneMatch(Verdict::correct));
    }

    @Test
    void should_explain_with_intermediate_atoms() {
        // given a question whose colour filter is missing
        Example ex = Fixtures.genDev().get(0);

        // when the deleted theory is explained on it
        Judge.Explanation x = judge.explain(without("filter_color"), "", ex, 500);

        // then the scene step's set is among the atoms, no filter_color atom, and the verdict is wrong
        assertTrue(x.atoms().contains("set(0,0)"), x.atoms().toString());
        assertTrue(x.atoms().stream().noneMatch(a -> a.startsWith("filter_color(")));
        assertFalse(x.verdict().correct());
    }
}
