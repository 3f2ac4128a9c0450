package org.vqasp.eval.gqa;

import java.nio.file.Path;
import java.util.Set;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.gqa.GqaDataset;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.EvalRunner;
import org.vqasp.reasoning.gqa.GqaAnswers;
import org.vqasp.reasoning.gqa.GqaReasoner;

/**
 * Batch evaluation and checking of files in the released GQA layout: the whole pipeline that
 * {@code vqa eval gqa} and {@code vqa check gqa} run. Programs are the gold ones: the {@code semantic} list,
 * or the one parsed from {@code semanticStr} when the file has no list.
 */
public final class GqaEvaluation {

    /** Where programs come from. */
    public enum Programs {
        /** The file's semantic programs, or its semanticStr. */
        GOLD
    }

    private GqaEvaluation() {
    }

    /**
     * Answers every question over its image's gold scene graph and writes predictions and the summary
     * ({@code by_family}: structural and semantic types). Only the scene graphs of the questions' images are
     * kept in memory.
     *
     * @param questions the questions file ({@code {qid: {...}}})
     * @param sceneGraphs the scene-graphs file ({@code {imageId: {...}}})
     * @param reasoner the reasoner
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when a file is missing or malformed
     */
    public static EvalRunner.Run evaluate(Path questions, Path sceneGraphs, GqaReasoner reasoner,
            EvalRunner.Options options, Progress progress) {
        Set<String> needed = GqaDataset.imageIds(questions, options.limit());
        GqaDataset.SceneGraphIndex graphs = GqaDataset.loadSceneGraphs(sceneGraphs, needed::contains);
        return run(questions, new GqaAnswerer(graphs, sceneGraphs.getFileName().toString(), reasoner), options,
                progress);
    }

    /**
     * Compiles and grounds every question's program against an empty scene graph and writes the failures.
     *
     * @param questions the questions file
     * @param reasoner the reasoner whose theory is checked against
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when the file is missing or malformed
     */
    public static EvalRunner.Run check(Path questions, GqaReasoner reasoner, EvalRunner.Options options,
            Progress progress) {
        return run(questions, new GqaChecker(reasoner), options, progress);
    }

    private static EvalRunner.Run run(Path questions, BatchAnswerer<GqaQuestion> answerer, EvalRunner.Options options,
            Progress progress) {
        long total = GqaDataset.countQuestions(questions);
        try (DatasetReader<GqaQuestion> reader = GqaDataset.questions(questions)) {
            return EvalRunner.run(EvalItem.of(reader, q -> new EvalItem<>(q.id(), q.imageId(), q.question(), q.answer(),
                    q.families(), q, null)), total, answerer, GqaAnswers::matches, options, progress);
        }
    }
}
