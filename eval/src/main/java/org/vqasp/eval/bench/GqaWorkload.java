package org.vqasp.eval.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaOperation;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.gqa.GqaSceneGraph;
import org.vqasp.core.gqa.GqaVocabulary;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.gqa.GqaProgramEncoder;
import org.vqasp.reasoning.gqa.GqaReasoner;
import org.vqasp.reasoning.gqa.GqaSceneEncoder;

/**
 * The GQA reasoning workload: the first N questions of a questions file that have a program and a scene graph,
 * answered in-process one clingo call per image (at most {@code batchSize} questions each), and by the spawned
 * binary one question at a time.
 */
public final class GqaWorkload {

    private GqaWorkload() {
    }

    /**
     * Builds the workload.
     *
     * @param questions the questions file
     * @param sceneGraphs the scene-graphs file
     * @param limit the number of questions
     * @param batchSize the most questions per in-process call
     * @param reasoner the in-process reasoner
     * @throws InputException when a file is missing or malformed, or no question can be answered
     */
    public static ReasoningWorkload of(Path questions, Path sceneGraphs, int limit, int batchSize,
            GqaReasoner reasoner) {
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(sceneGraphs);
        Map<String, List<List<GqaOperation>>> byImage = new LinkedHashMap<>();
        int n = 0;
        try (DatasetReader<GqaQuestion> r = GqaDataset.questions(questions)) {
            while (r.hasNext() && n < limit) {
                DatasetItem<GqaQuestion> item = r.next();
                if (item.ok() && !item.value().semantic().isEmpty() && graphs.get(item.value().imageId()) != null) {
                    byImage.computeIfAbsent(item.value().imageId(), k -> new ArrayList<>()).add(item.value().semantic());
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new InputException(ErrorKind.EMPTY_INPUT, questions + ": no question with a program and a scene graph");
        }
        GqaVocabulary vocabulary = GqaVocabulary.bundled();
        List<ReasoningWorkload.Batch> batches = new ArrayList<>();
        for (Map.Entry<String, List<List<GqaOperation>>> e : byImage.entrySet()) {
            GqaSceneGraph graph = graphs.get(e.getKey());
            String sceneFacts = GqaSceneEncoder.encode(graph, vocabulary);
            List<List<GqaOperation>> all = e.getValue();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<List<GqaOperation>> programs = List.copyOf(all.subList(from, Math.min(all.size(), from + batchSize)));
                List<String> spawn = new ArrayList<>(programs.size());
                for (List<GqaOperation> p : programs) {
                    spawn.add(sceneFacts + GqaProgramEncoder.encode(p, vocabulary));
                }
                batches.add(new ReasoningWorkload.Batch(() -> (int) reasoner.answerAll(graph, programs).stream()
                        .filter(Answer::ok).count(), spawn));
            }
        }
        return new ReasoningWorkload("gqa", reasoner.reasoner().theory(), batches);
    }
}
