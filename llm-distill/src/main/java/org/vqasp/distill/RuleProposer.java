package org.vqasp.distill;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proposes rules that extend a theory: a language model ({@link LlmProposer}) or a bounded enumeration
 * ({@link EnumerativeProposer}). Everything they propose is untrusted and goes through the same checks.
 *
 * <p>{@link #propose} is the one entry point: it checks its argument, times the call and logs it, and calls
 * {@link #doPropose}, the only method an implementation writes.
 */
public abstract class RuleProposer {

    private static final Logger LOG = LoggerFactory.getLogger(RuleProposer.class);

    /**
     * Proposes rules for a dialogue: the task alone for a fresh proposal, or with the replies so far and their
     * feedback for a repair.
     *
     * @param dialogue the dialogue
     * @return the proposal (empty when there is nothing more to propose)
     * @throws org.vqasp.llm.LlmException when the proposer cannot answer (a model that is unreachable or refuses)
     */
    public final Proposal propose(Dialogue dialogue) {
        Objects.requireNonNull(dialogue, "dialogue");
        long t0 = System.nanoTime();
        Proposal p = Objects.requireNonNull(doPropose(dialogue), "proposal");
        LOG.debug("{}: attempt {}, turn {}: {} characters in {} ms {}", name(), dialogue.attempt(),
                dialogue.turns().size(), p.reply().length(), (System.nanoTime() - t0) / 1_000_000, p.note());
        return p;
    }

    /**
     * Proposes rules; implementations answer here.
     *
     * @param dialogue the dialogue, never null
     * @return the proposal, never null
     */
    protected abstract Proposal doPropose(Dialogue dialogue);

    /** Returns a short name for logs and summaries, such as {@code enumerative} or {@code openai:gpt-4o}. */
    public abstract String name();
}
