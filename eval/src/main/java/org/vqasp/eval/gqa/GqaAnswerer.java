package org.vqasp.eval.gqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaSceneGraphs;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.Outcome;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * Answers a batch of GQA questions over their gold scene graphs: the batch's questions are grouped by image and
 * each image's questions are answered in one clingo call. A question whose image has no scene graph gets an
 * error row ({@code missing_scene_graph}, or why the graph could not be read); one without a program (none in
 * the file, or one the parser did not understand) gets an error row too.
 */
public final class GqaAnswerer implements BatchAnswerer<GqaQuestion> {

    private final GqaSceneGraphs graphs;
    private final String graphsName;
    private final GqaReasoner reasoner;
    private final GqaProgramSource programs;

    /**
     * Creates an answerer of the file's own programs.
     *
     * @param graphs where each image's scene graph comes from
     * @param graphsName the scene-graphs file name, for messages
     * @param reasoner the reasoner
     */
    public GqaAnswerer(GqaSceneGraphs graphs, String graphsName, GqaReasoner reasoner) {
        this(graphs, graphsName, reasoner, GqaProgramSource.gold());
    }

    /**
     * Creates an answerer.
     *
     * @param graphs where each image's scene graph comes from
     * @param graphsName the scene-graphs file name, for messages
     * @param reasoner the reasoner
     * @param programs where programs come from
     */
    public GqaAnswerer(GqaSceneGraphs graphs, String graphsName, GqaReasoner reasoner,
            GqaProgramSource programs) {
        this.graphs = graphs;
        this.graphsName = graphsName;
        this.reasoner = reasoner;
        this.programs = programs;
    }

    /** Returns an image's scene graph, or throws why there is none ({@code missing_scene_graph}, a bad entry). */
    private GqaSceneGraph graph(String imageId) {
        GqaSceneGraph g = graphs.graph(imageId);
        if (g == null) {
            throw new InputException(ErrorKind.MISSING_SCENE_GRAPH, graphsName + " has no scene graph for image "
                    + imageId);
        }
        return g;
    }

    @Override
    public List<Outcome> answer(List<EvalItem<GqaQuestion>> batch) {
        Outcome[] out = new Outcome[batch.size()];
        GqaProgramSource.Choice[] chosen = new GqaProgramSource.Choice[batch.size()];
        Map<String, List<Integer>> byImage = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                chosen[i] = programs.program(batch.get(i).payload());
                byImage.computeIfAbsent(batch.get(i).payload().imageId(), k -> new ArrayList<>()).add(i);
            } catch (GqaProgramSource.ProgramException e) {
                out[i] = Outcome.failed(e, 0).withExtras(e.extras());
            } catch (VqaspException e) {
                out[i] = Outcome.failed(e, 0);
            }
        }
        for (Map.Entry<String, List<Integer>> e : byImage.entrySet()) {
            long t0 = System.nanoTime();
            List<Integer> where = e.getValue();
            GqaSceneGraph graph;
            try {
                graph = graph(e.getKey());
            } catch (VqaspException bad) {
                where.forEach(i -> out[i] = Outcome.failed(bad, 0).withExtras(chosen[i].extras()));
                continue;
            }
            List<List<GqaOperation>> toAnswer = new ArrayList<>(where.size());
            where.forEach(i -> toAnswer.add(chosen[i].answering()));
            List<Answer> answers = reasoner.answerAll(graph, toAnswer);
            double ms = (System.nanoTime() - t0) / 1e6 / where.size();
            for (int k = 0; k < where.size(); k++) {
                Answer a = answers.get(k);
                int i = where.get(k);
                out[i] = (a.ok() ? Outcome.of(a.answer(), ms) : Outcome.failed(a.error(), ms))
                        .withExtras(chosen[i].extras());
            }
        }
        return List.of(out);
    }
}
