package org.vqasp.eval.clevr;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.EvalRunner;
import org.vqasp.language.clevr.ClevrParsers;
import org.vqasp.reasoning.clevr.ClevrReasoner;

/**
 * Batch evaluation and checking of files in the released CLEVR v1.0 layout: the whole pipeline that
 * {@code vqa eval clevr} and {@code vqa check clevr} run.
 */
public final class ClevrEvaluation {

    /** Where programs come from. */
    public enum Programs {
        /** The programs in the questions file. */
        GOLD,
        /** Programs parsed from the question text. */
        PARSED
    }

    /** Where scenes come from. */
    public enum Scenes {
        /** The scenes file. */
        GOLD,
        /** The vision model, reading the images. */
        VISION
    }

    private ClevrEvaluation() {
    }

    /** Returns a question as an evaluation item: the image file name (or index), the template family. */
    public static EvalItem<ClevrQuestion> item(ClevrQuestion q) {
        String image = q.imageFilename() != null ? q.imageFilename() : "image " + q.imageIndex();
        return new EvalItem<>(Long.toString(q.questionIndex()), image, q.question(), q.answer(), List.of(q.family()),
                q, null);
    }

    /**
     * Answers every question over its scene and writes predictions and the summary.
     *
     * @param questions the questions file
     * @param scenes where scenes come from
     * @param programs where programs come from
     * @param reasoner the reasoner
     * @param weighted answer over the scenes' probabilities as weighted choices
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     * @throws InputException when the questions file is missing or malformed
     */
    public static EvalRunner.Run evaluate(Path questions, SceneSource scenes, Programs programs,
            ClevrReasoner reasoner, boolean weighted, EvalRunner.Options options, Progress progress) {
        return run(questions, answerer(scenes, programs, reasoner, weighted), options, progress);
    }

    /**
     * Returns the answerer {@link #evaluate} uses (a Spark job answers its slices of the file with it).
     *
     * @param scenes where scenes come from
     * @param programs where programs come from
     * @param reasoner the reasoner
     * @param weighted answer over the scenes' probabilities as weighted choices
     */
    public static BatchAnswerer<ClevrQuestion> answerer(SceneSource scenes, Programs programs, ClevrReasoner reasoner,
            boolean weighted) {
        Objects.requireNonNull(scenes, "scenes");
        return new ClevrAnswerer(scenes, programSource(programs), reasoner, weighted);
    }

    /**
     * Compiles and grounds every question's program against an empty scene and writes the failures.
     *
     * @param questions the questions file
     * @param programs where programs come from
     * @param reasoner the reasoner whose theory is checked against
     * @param options output directory, threads, limit
     * @param progress receives progress
     * @return what the run did
     */
    public static EvalRunner.Run check(Path questions, Programs programs, ClevrReasoner reasoner,
            EvalRunner.Options options, Progress progress) {
        return run(questions, new ClevrChecker(programSource(programs), reasoner), options, progress);
    }

    /**
     * Loads the gold scenes of a released scenes file.
     *
     * @throws InputException when the file is missing or malformed
     */
    public static SceneSource goldScenes(Path scenesFile) {
        return new GoldScenes(ClevrDataset.loadScenes(scenesFile), scenesFile.getFileName().toString());
    }

    private static ProgramSource programSource(Programs programs) {
        return programs == Programs.PARSED ? ProgramSource.parsed(ClevrParsers.chain()) : ProgramSource.gold();
    }

    private static EvalRunner.Run run(Path questions, BatchAnswerer<ClevrQuestion> answerer,
            EvalRunner.Options options, Progress progress) {
        long total = ClevrDataset.countQuestions(questions);
        try (DatasetReader<ClevrQuestion> reader = ClevrDataset.questions(questions)) {
            return EvalRunner.run(EvalItem.of(reader, ClevrEvaluation::item), total, answerer, String::equals, options, progress);
        }
    }
}
