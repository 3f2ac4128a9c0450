package org.vqasp.eval.clevr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.clevr.ClevrReasoner;

/**
 * Answers a batch of CLEVR questions: each image's scene once (gold or from the vision model), each
 * question's program (gold or parsed), then one clingo call for the whole batch.
 */
public final class ClevrAnswerer implements BatchAnswerer<ClevrQuestion> {

    private final SceneSource scenes;
    private final ProgramSource programs;
    private final ClevrReasoner reasoner;
    private final boolean weighted;

    /**
     * Creates an answerer.
     *
     * @param scenes where scenes come from
     * @param programs where programs come from
     * @param reasoner the reasoner
     * @param weighted answer each question over the scene's probabilities as weighted choices (one clingo call
     *     per question) instead of over the most likely values (one call per batch)
     */
    public ClevrAnswerer(SceneSource scenes, ProgramSource programs, ClevrReasoner reasoner, boolean weighted) {
        this.scenes = scenes;
        this.programs = programs;
        this.reasoner = reasoner;
        this.weighted = weighted;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<ClevrQuestion>> batch) {
        long t0 = System.nanoTime();
        Outcome[] out = new Outcome[batch.size()];
        Map<Integer, ClevrScene> scenesOf = new HashMap<>();
        Map<Integer, VqaspException> failed = new HashMap<>();
        List<DatasetReasoner.Question<ClevrScene, Program>> toSolve = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EvalItem<ClevrQuestion> item = batch.get(i);
            try {
                int image = item.payload().imageIndex();
                VqaspException bad = failed.get(image);
                if (bad != null) {
                    throw bad;
                }
                ClevrScene scene = scenesOf.get(image);
                if (scene == null) {
                    try {
                        scene = scenes.scene(item.payload());
                    } catch (VqaspException e) {
                        failed.put(image, e);
                        throw e;
                    }
                    scenesOf.put(image, scene);
                }
                toSolve.add(new DatasetReasoner.Question<>(scene, programs.program(item.payload())));
                where.add(i);
            } catch (VqaspException e) {
                out[i] = Outcome.failed(e, 0);
            }
        }
        List<Answer> answers = toSolve.isEmpty() ? List.of()
                : weighted ? likely(toSolve) : reasoner.answerAll(toSolve);
        double ms = (System.nanoTime() - t0) / 1e6 / batch.size();
        for (int k = 0; k < answers.size(); k++) {
            Answer a = answers.get(k);
            out[where.get(k)] = a.ok() ? Outcome.of(a.answer(), ms) : Outcome.failed(a.error(), ms);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i].ms() == 0) {
                out[i] = Outcome.failed(out[i].error(), ms);
            }
        }
        return List.of(out);
    }

    private List<Answer> likely(List<DatasetReasoner.Question<ClevrScene, Program>> questions) {
        List<Answer> out = new ArrayList<>(questions.size());
        for (DatasetReasoner.Question<ClevrScene, Program> q : questions) {
            try {
                out.add(new Answer(reasoner.answerLikely(q.scene(), q.program(), false).answer(), null));
            } catch (VqaspException e) {
                out.add(new Answer(null, e));
            }
        }
        return out;
    }
}
