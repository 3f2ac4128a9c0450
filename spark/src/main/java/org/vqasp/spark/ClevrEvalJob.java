package org.vqasp.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.BiPredicate;
import org.vqasp.cli.ClusterRunner;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.SceneLog;
import org.vqasp.eval.clevr.SceneSource;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.world.SceneMetrics;

/**
 * {@code vqa eval clevr} as a Spark job: each executor loads the gold scenes, the vision model and the reasoner
 * once, and answers its slices with the local answerer. With the vision model, each slice also keeps the scenes
 * it read ({@code scenes.jsonl}) and, given gold scenes, their scores, as parts beside its rows.
 */
final class ClevrEvalJob extends EvalJob<ClevrQuestion> {

    /** The suffix of a part's scene-graph scores ({@link SceneMetrics}, serialised). */
    static final String METRICS = "metrics";
    /** The suffix of a part's scenes read ({@code scenes.jsonl} lines). */
    static final String SCENES = "scenes.jsonl";

    private static final long serialVersionUID = 1L;

    private final String questions;
    private final String scenes;
    private final boolean vision;
    private final String images;
    private final String model;
    private final ClevrEvaluation.Programs programs;
    private final boolean weighted;
    private transient VisionScenes visionScenes;
    private transient SceneLog sceneLog;

    ClevrEvalJob(ClusterRunner.ClevrEval job) {
        this.questions = job.questions().toString();
        this.scenes = job.scenes() == null ? null : job.scenes().toString();
        this.vision = job.vision();
        this.images = job.images() == null ? null : job.images().toString();
        this.model = job.model() == null ? null : job.model().toString();
        this.programs = job.programs();
        this.weighted = job.weighted();
    }

    /** Returns true when the slices read the images with the vision model (and keep the scenes they read). */
    boolean vision() {
        return vision;
    }

    /** Returns true when the slices score the scene graphs they read against the gold scenes. */
    boolean scoresScenes() {
        return vision && scenes != null;
    }

    @Override
    String name() {
        return "eval clevr";
    }

    @Override
    DatasetReader<ClevrQuestion> open() {
        return ClevrDataset.questions(Path.of(questions));
    }

    @Override
    DatasetReader<ClevrQuestion> openAt(JsonItemStream.Mark mark) {
        return ClevrDataset.questions(Path.of(questions), mark);
    }

    @Override
    Iterator<EvalItem<ClevrQuestion>> items(DatasetReader<ClevrQuestion> reader) {
        return EvalItem.of(reader, ClevrEvaluation::item);
    }

    @Override
    BatchAnswerer<ClevrQuestion> answerer(Slice slice, Path attempt) {
        SceneSource gold = scenes == null ? null : ExecutorCache.get("clevr-scenes:" + describeFile(scenes),
                SceneSource.class, () -> ClevrEvaluation.goldScenes(Path.of(scenes)));
        SceneSource from = gold;
        visionScenes = null;
        if (vision) {
            SceneExtractor extractor = ExecutorCache.get("model:" + model, SceneExtractor.class,
                    () -> model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(Path.of(model)));
            sceneLog = SceneLog.open(attempt);
            visionScenes = new VisionScenes(extractor, Path.of(images), gold, sceneLog);
            from = visionScenes;
        }
        ClevrReasoner reasoner = ExecutorCache.get("clevr-reasoner", ClevrReasoner.class, ClevrReasoner::new);
        return ClevrEvaluation.answerer(from, programs, reasoner, weighted);
    }

    /** Commits the slice's {@code scenes.jsonl} (vision) and its scene-graph scores (vision with gold scenes). */
    @Override
    void commitExtras(Path attempt, String work, int index) throws IOException {
        if (!vision) {
            return;
        }
        release();
        if (scoresScenes()) {
            Path metrics = attempt.resolve("scene-metrics.ser");
            try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(metrics))) {
                o.writeObject(visionScenes.sceneMetricsState());
            }
            WorkDir.commit(metrics, WorkDir.part(work, index, METRICS));
        }
        WorkDir.commit(attempt.resolve(SceneLog.FILE), WorkDir.part(work, index, SCENES));
    }

    @Override
    void release() {
        if (sceneLog != null) {
            sceneLog.close();
            sceneLog = null;
        }
    }

    @Override
    BiPredicate<String, String> matches() {
        return String::equals;
    }

    @Override
    ObjectNode describe() {
        ObjectNode o = Inputs.object();
        o.put("command", name());
        Inputs.file(o, "questions", questions);
        Inputs.file(o, "scenes", scenes);
        o.put("scene_source", vision ? "vision" : "gold");
        o.put("images", images);
        o.put("model", model);
        o.put("programs", programs.name());
        o.put("weighted", weighted);
        return o;
    }

    private static String describeFile(String path) {
        ObjectNode o = Inputs.object();
        Inputs.file(o, "f", path);
        return o.toString();
    }
}
