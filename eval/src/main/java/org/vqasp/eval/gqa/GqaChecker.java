package org.vqasp.eval.gqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * {@code vqa check gqa}: translates each question's program to ASP and grounds it with the theory against an
 * empty scene graph (the program's own classes and values only), in one clingo call per batch. A question
 * "answers" {@code compiled} when the theory found no program error in it.
 */
public final class GqaChecker implements BatchAnswerer<GqaQuestion> {

    /** The predicted value of a question whose program compiled. */
    public static final String COMPILED = "compiled";

    private final GqaReasoner reasoner;

    /** Creates a checker against a reasoner's theory. */
    public GqaChecker(GqaReasoner reasoner) {
        this.reasoner = reasoner;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<GqaQuestion>> batch) {
        long t0 = System.nanoTime();
        List<List<GqaOperation>> programs = new ArrayList<>(batch.size());
        batch.forEach(i -> programs.add(i.payload().semantic()));
        List<Optional<VqaspException>> problems = reasoner.checkAll(programs);
        double ms = (System.nanoTime() - t0) / 1e6 / batch.size();
        List<Outcome> out = new ArrayList<>(batch.size());
        for (Optional<VqaspException> p : problems) {
            out.add(p.map(e -> Outcome.failed(e, ms)).orElseGet(() -> Outcome.of(COMPILED, ms)));
        }
        return out;
    }
}
