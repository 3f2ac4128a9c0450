package org.vqasp.eval.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Program;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.reasoning.Answer;
import org.vqasp.reasoning.DatasetReasoner;
import org.vqasp.reasoning.Facts;
import org.vqasp.reasoning.clevr.ClevrProgramEncoder;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.reasoning.clevr.ClevrSceneEncoder;

/** The CLEVR reasoning workload: the first N questions of a questions file with their gold scenes. */
public final class ClevrWorkload {

    private ClevrWorkload() {
    }

    /**
     * Builds the workload.
     *
     * @param questions the questions file
     * @param scenes the scenes file
     * @param limit the number of questions
     * @param batchSize questions per in-process call (whole images' questions are kept together)
     * @param reasoner the in-process reasoner
     * @throws InputException when a file is missing or malformed
     */
    public static ReasoningWorkload of(Path questions, Path scenes, int limit, int batchSize,
            ClevrReasoner reasoner) {
        ClevrDataset.SceneIndex index = ClevrDataset.loadScenes(scenes);
        Map<Integer, List<Program>> byImage = new LinkedHashMap<>();
        int n = 0;
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(questions)) {
            while (r.hasNext() && n < limit) {
                DatasetItem<ClevrQuestion> item = r.next();
                if (item.ok() && item.value().program() != null && index.get(item.value().imageIndex()) != null) {
                    byImage.computeIfAbsent(item.value().imageIndex(), k -> new ArrayList<>())
                            .add(item.value().program());
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new InputException(ErrorKind.EMPTY_INPUT, questions + ": no question with a program and a scene");
        }
        List<ReasoningWorkload.Batch> batches = new ArrayList<>();
        List<DatasetReasoner.Question<ClevrScene, Program>> batch = new ArrayList<>();
        List<String> spawn = new ArrayList<>();
        for (Map.Entry<Integer, List<Program>> e : byImage.entrySet()) {
            ClevrScene scene = index.get(e.getKey());
            String sceneFacts = ClevrSceneEncoder.encode(scene);
            for (Program p : e.getValue()) {
                batch.add(new DatasetReasoner.Question<>(scene, p));
                spawn.add(sceneFacts + ClevrProgramEncoder.encode(p, 0, 0, new Facts()));
            }
            if (batch.size() >= batchSize) {
                batches.add(batch(batch, spawn, reasoner));
                batch = new ArrayList<>();
                spawn = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch(batch, spawn, reasoner));
        }
        return new ReasoningWorkload("clevr", reasoner.reasoner().theory(), batches);
    }

    private static ReasoningWorkload.Batch batch(List<DatasetReasoner.Question<ClevrScene, Program>> questions, List<String> spawn,
            ClevrReasoner reasoner) {
        return new ReasoningWorkload.Batch(
                () -> (int) reasoner.answerAll(questions).stream().filter(Answer::ok).count(), spawn);
    }
}
