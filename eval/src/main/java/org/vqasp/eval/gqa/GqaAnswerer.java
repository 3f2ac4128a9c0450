package org.vqasp.eval.gqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * Answers a batch of GQA questions over their gold scene graphs: the batch's questions are grouped by image and
 * each image's questions are answered in one clingo call. A question whose image has no scene graph gets an
 * error row ({@code missing_scene_graph}, or why the graph could not be read).
 */
public final class GqaAnswerer implements BatchAnswerer<GqaQuestion> {

    private final GqaDataset.SceneGraphIndex graphs;
    private final String graphsName;
    private final GqaReasoner reasoner;

    /**
     * Creates an answerer.
     *
     * @param graphs the scene graphs by image id
     * @param graphsName the scene-graphs file name, for messages
     * @param reasoner the reasoner
     */
    public GqaAnswerer(GqaDataset.SceneGraphIndex graphs, String graphsName, GqaReasoner reasoner) {
        this.graphs = graphs;
        this.graphsName = graphsName;
        this.reasoner = reasoner;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<GqaQuestion>> batch) {
        Outcome[] out = new Outcome[batch.size()];
        Map<String, List<Integer>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byImage.computeIfAbsent(batch.get(i).payload().imageId(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : byImage.entrySet()) {
            long t0 = System.nanoTime();
            List<Integer> where = e.getValue();
            GqaSceneGraph graph = graphs.get(e.getKey());
            if (graph == null) {
                VqaspException bad = graphs.failures().get(e.getKey());
                VqaspException err = bad != null ? bad : new InputException(ErrorKind.MISSING_SCENE_GRAPH,
                        graphsName + " has no scene graph for image " + e.getKey());
                where.forEach(i -> out[i] = Outcome.failed(err, 0));
                continue;
            }
            List<List<GqaOperation>> programs = new ArrayList<>(where.size());
            where.forEach(i -> programs.add(batch.get(i).payload().semantic()));
            List<Answer> answers = reasoner.answerAll(graph, programs);
            double ms = (System.nanoTime() - t0) / 1e6 / where.size();
            for (int k = 0; k < where.size(); k++) {
                Answer a = answers.get(k);
                out[where.get(k)] = a.ok() ? Outcome.of(a.answer(), ms) : Outcome.failed(a.error(), ms);
            }
        }
        return List.of(out);
    }
}
