package org.vqasp.reasoning.clevr;

import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.ExplainedAnswer;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.Reasoner;
import org.vqasp.reasoning.Theory;

/**
 * Answers CLEVR programs over CLEVR scenes with an ASP theory (by default the bundled one), through
 * {@link ClevrAspDataset}; adds answering over a scene read with probabilities ({@link #answerLikely}).
 *
 * <p>Questions about the same scene, or about several, are best answered together ({@link #answerAll}): one call
 * for many questions is several times faster than one call each. Thread-safe.
 */
public final class ClevrReasoner extends DatasetReasoner<ClevrScene, Program> {

    /** Creates a reasoner over the bundled CLEVR theory. */
    public ClevrReasoner() {
        this(new Reasoner(Theory.clevr()));
    }

    /** Creates a CLEVR reasoner over a configured generic reasoner (another theory, time limit). */
    public ClevrReasoner(Reasoner reasoner) {
        super(ClevrAspDataset.INSTANCE, reasoner);
    }

    /**
     * Answers a program over a scene predicted with probabilities: the answer in the most likely scene in
     * which the question makes sense (every step well defined, an answer derived), found by clingo's
     * optimisation over weighted choices (see {@link ProbabilisticSceneEncoder}). When no scene makes sense
     * of the question, the answer (or error) over the plain most-likely-value scene is returned.
     *
     * @param scene a scene whose objects carry confidences and attribute distributions
     * @param program the program
     * @param explain whether to keep the intermediate atoms and the chosen scene ({@code object/2},
     *     {@code has/3})
     * @return the answer and the optimal answer set
     * @throws VqaspException as {@link #answer} when even the plain scene gives no answer
     */
    public ExplainedAnswer answerLikely(ClevrScene scene, Program program, boolean explain) {
        Reasoner.Outcome out = solveLikely(scene, program, explain);
        if (out.models().isEmpty()) {
            return explain(scene, program, explain);
        }
        return new ExplainedAnswer(single(out, 0, program), out);
    }

    /**
     * Solves as {@link #trace(Object, Object)} does, or, when {@code weighted}, as {@link #answerLikely} does (over
     * the scene's probabilities, falling back to the plain scene when no scene makes sense of the question).
     *
     * @param weighted whether to solve over the scene's probabilities
     */
    public Reasoner.Outcome trace(ClevrScene scene, Program program, boolean weighted) {
        if (weighted) {
            Reasoner.Outcome out = solveLikely(scene, program, true);
            if (!out.models().isEmpty()) {
                return out;
            }
        }
        return trace(scene, program);
    }

    private Reasoner.Outcome solveLikely(ClevrScene scene, Program program, boolean explain) {
        Facts facts = new Facts();
        ProbabilisticSceneEncoder.encode(scene, 0, facts);
        ClevrProgramEncoder.encode(program, 0, 0, facts);
        String text = facts + ProbabilisticSceneEncoder.RULES + ProbabilisticSceneEncoder.PRESUPPOSITIONS
                + (explain ? "#show object/2. #show has/3.\n" : "");
        return reasoner().solve(text, explain, true);
    }
}
