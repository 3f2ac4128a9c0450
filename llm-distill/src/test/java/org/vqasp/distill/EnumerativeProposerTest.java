package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vqasp.reasoning.clingo.GuardedClingo;

class EnumerativeProposerTest extends AbstractRuleProposerTest {

    private static GuardedClingo clingo;
    private static Judge judge;

    @BeforeAll
    static void setUp() {
        clingo = Fixtures.clingo(Duration.ofSeconds(20));
        judge = new Judge(clingo, 4, 1);
    }

    @AfterAll
    static void tearDown() {
        clingo.close();
    }

    @Override
    protected RuleProposer proposer() {
        return new EnumerativeProposer(judge, Fixtures.clevrModes(), EnumerativeProposer.Bounds.DEFAULT);
    }

    @Test
    void should_restore_the_deleted_filter_from_a_batch_of_examples() {
        // given the theory without filter_color's rule and eight questions it fails
        Task task = Fixtures.colorTask(8);

        // when the enumerator proposes its first rule
        Proposal p = proposer().propose(Dialogue.start(task, 0));

        // then it is a filter_color rule with which the theory answers all eight, and 200 other questions too
        String rule = p.reply().strip();
        assertTrue(rule.startsWith("filter_color(S,O) :- "), rule);
        assertTrue(judge.evaluate(task.theory(), rule, task.examples()).allCorrect());
        Judge.Evaluation wide = judge.evaluate(task.theory(), rule, Fixtures.genDev().subList(1000, 1200));
        assertEquals(200, wide.correct(), rule);
    }

    @Test
    void should_propose_the_same_rules_in_the_same_order() {
        // given two proposers and the same task
        Task task = Fixtures.colorTask(2);
        RuleProposer a = proposer();
        RuleProposer b = proposer();

        // when each proposes three times
        List<String> ra = new ArrayList<>();
        List<String> rb = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ra.add(a.propose(Dialogue.start(task, i)).reply());
            rb.add(b.propose(Dialogue.start(task, i)).reply());
        }

        // then the proposals are the same, and different from each other
        assertEquals(ra, rb);
        assertEquals(3, ra.stream().distinct().count(), ra.toString());
    }

    @Test
    void should_say_when_nothing_in_its_bounds_passes() {
        // given bounds too small for any rule to restore colour filters on eight questions
        RuleProposer tiny = new EnumerativeProposer(judge, Fixtures.clevrModes(), new EnumerativeProposer.Bounds(1, 2, 50, 50));

        // when it is asked
        Proposal p = tiny.propose(Dialogue.start(Fixtures.colorTask(8), 0));

        // then it has nothing to propose, and says what it tried
        assertTrue(p.isEmpty());
        assertTrue(p.note().contains("no more rules pass"), p.note());
    }
}
