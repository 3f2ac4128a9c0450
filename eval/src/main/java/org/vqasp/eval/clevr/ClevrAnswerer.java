package org.vqasp.eval.clevr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.eval.ProgramOrigin;
import org.vqasp.language.clevr.UniqueRelaxation;
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
        List<ProgramOrigin> origins = new ArrayList<>();
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
                ProgramSource.Sourced p = programs.read(item.payload());
                toSolve.add(new DatasetReasoner.Question<>(scene, p.program()));
                origins.add(p.origin());
                where.add(i);
            } catch (VqaspException e) {
                out[i] = Outcome.failed(e, 0).from(programs.relaxes() ? ProgramOrigin.NONE : null);
            }
        }
        List<Answer> answers = toSolve.isEmpty() ? List.of()
                : weighted ? likely(toSolve) : reasoner.answerAll(toSolve);
        boolean[] relaxed = new boolean[answers.size()];
        if (programs.relaxes()) {
            answers = relaxed(toSolve, answers, relaxed);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / batch.size();
        for (int k = 0; k < answers.size(); k++) {
            Answer a = answers.get(k);
            ProgramOrigin o = origins.get(k);
            out[where.get(k)] = (a.ok() ? Outcome.of(a.answer(), ms) : Outcome.failed(a.error(), ms))
                    .from(o != null && relaxed[k] ? o.asRelaxed() : o);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i].ms() == 0) {
                out[i] = Outcome.failed(out[i].error(), ms).from(out[i].origin());
            }
        }
        return List.of(out);
    }

    /**
     * Answers again, with {@link UniqueRelaxation}, the questions whose program failed with {@code unique}; marks
     * in {@code relaxed} those the relaxed reading answered.
     */
    private List<Answer> relaxed(List<DatasetReasoner.Question<ClevrScene, Program>> questions, List<Answer> answers,
            boolean[] relaxed) {
        List<DatasetReasoner.Question<ClevrScene, Program>> again = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < answers.size(); k++) {
            Answer a = answers.get(k);
            if (!a.ok() && a.error().kind().equals(ErrorKind.UNIQUE)) {
                Program p = UniqueRelaxation.relax(questions.get(k).program());
                if (p != questions.get(k).program()) {
                    again.add(new DatasetReasoner.Question<>(questions.get(k).scene(), p));
                    at.add(k);
                }
            }
        }
        if (again.isEmpty()) {
            return answers;
        }
        List<Answer> second = weighted ? likely(again) : reasoner.answerAll(again);
        List<Answer> out = new ArrayList<>(answers);
        for (int i = 0; i < again.size(); i++) {
            if (second.get(i).ok()) {
                out.set(at.get(i), second.get(i));
                relaxed[at.get(i)] = true;
            }
        }
        return out;
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
