package org.vqasp.eval.gqa;

import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;

/**
 * {@code vqa eval gqa --programs parsed} without scene graphs: parses each question and scores the program alone.
 * A row's answer stays empty; its program keys are those of {@link GqaProgramSource#parsed}.
 */
public final class GqaParseScorer implements BatchAnswerer<GqaQuestion> {

    private final GqaProgramSource programs;

    /** Creates a scorer of a program source (the parser's). */
    public GqaParseScorer(GqaProgramSource programs) {
        this.programs = programs;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<GqaQuestion>> batch) {
        List<Outcome> out = new ArrayList<>(batch.size());
        for (EvalItem<GqaQuestion> item : batch) {
            long t0 = System.nanoTime();
            try {
                GqaProgramSource.Choice c = programs.program(item.payload());
                out.add(Outcome.of(null, ms(t0)).withExtras(c.extras()));
            } catch (GqaProgramSource.ProgramException e) {
                out.add(Outcome.failed(e, ms(t0)).withExtras(e.extras()));
            } catch (VqaspException e) {
                out.add(Outcome.failed(e, ms(t0)));
            }
        }
        return out;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
