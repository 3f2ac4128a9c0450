package org.vqasp.eval.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.reasoning.clevr.ClevrReasoner;

/**
 * {@code vqa check clevr}: takes each question's program (gold or parsed), translates it to ASP and grounds
 * it with the theory against an empty scene. A question "answers" {@code compiled} when nothing failed.
 */
public final class ClevrChecker implements BatchAnswerer<ClevrQuestion> {

    /** The predicted value of a question whose program compiled. */
    public static final String COMPILED = "compiled";

    private final ProgramSource programs;
    private final ClevrReasoner reasoner;

    /**
     * Creates a checker.
     *
     * @param programs where programs come from
     * @param reasoner the reasoner (its theory is the one checked against)
     */
    public ClevrChecker(ProgramSource programs, ClevrReasoner reasoner) {
        this.programs = programs;
        this.reasoner = reasoner;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<ClevrQuestion>> batch) {
        long t0 = System.nanoTime();
        Outcome[] out = new Outcome[batch.size()];
        List<Program> toCheck = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                toCheck.add(programs.program(batch.get(i).payload()));
                where.add(i);
            } catch (VqaspException e) {
                out[i] = Outcome.failed(e, 0);
            }
        }
        List<Optional<VqaspException>> problems = toCheck.isEmpty() ? List.of() : reasoner.checkAll(toCheck);
        double ms = (System.nanoTime() - t0) / 1e6 / batch.size();
        for (int k = 0; k < problems.size(); k++) {
            out[where.get(k)] = problems.get(k).map(e -> Outcome.failed(e, ms)).orElseGet(() -> Outcome.of(COMPILED, ms));
        }
        return List.of(out);
    }
}
