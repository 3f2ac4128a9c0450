package org.vqasp.distill;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The contract every rule proposer keeps, whatever it is backed by: a fresh dialogue gets rule text that the
 * safety screen lets through and that splits into rules; a repair dialogue (a reply and its feedback) gets an
 * answer too; counts are never negative; the proposer has a name. Each proposer's test extends this class.
 */
abstract class AbstractRuleProposerTest {

    /** Returns a proposer for {@link #task()}, fresh for each test. */
    protected abstract RuleProposer proposer();

    /** Returns the task: by default the theory without filter_color's rule and a gen-dev question it now fails. */
    protected Task task() {
        return Fixtures.colorTask(1);
    }

    @Test
    void should_propose_screened_rule_text_for_a_fresh_dialogue() {
        // given a fresh dialogue
        Dialogue d = Dialogue.start(task(), 0);

        // when the proposer is asked
        Proposal p = proposer().propose(d);

        // then the reply holds rules that pass the screen and split into rules or facts
        assertNotNull(p);
        assertFalse(p.isEmpty(), p.note());
        String rules = RuleExtractor.extract(p.reply());
        assertTrue(new SafetyScreen().checkRules(rules).isEmpty(), rules);
        var statements = TheoryText.parse(rules).statements();
        assertFalse(statements.isEmpty(), p.reply());
        assertTrue(statements.stream().allMatch(s -> s.kind() == Statement.Kind.RULE || s.kind() == Statement.Kind.FACT),
                rules);
    }

    @Test
    void should_answer_a_repair_dialogue() {
        // given a dialogue whose first reply got feedback
        RuleProposer proposer = proposer();
        Dialogue d = Dialogue.start(task(), 0);
        Proposal first = proposer.propose(d);
        Dialogue repair = d.then(first.reply(), new Feedback(Feedback.Kind.SEMANTIC,
                "With your rules the theory still does not answer correctly."));

        // when the proposer is asked again
        Proposal second = proposer.propose(repair);

        // then it answers (possibly with nothing more to propose), with counts that are not negative
        assertNotNull(second);
        assertTrue(second.calls() >= 0 && second.tokensIn() >= 0 && second.tokensOut() >= 0);
    }

    @Test
    void should_have_a_name() {
        assertFalse(proposer().name().isBlank());
    }
}
