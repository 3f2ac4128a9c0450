package org.vqasp.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.vqasp.eval.clevr.SceneSource;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;

/**
 * {@code vqa eval clevr} as a Spark job: each executor loads the gold scenes, the vision model and the reasoner
 * once, and answers its slices with the local answerer. With the vision model and gold scenes, each slice also
 * scores the scene graphs it read ({@link #lastVisionScenes}).
 */
final class ClevrEvalJob extends EvalJob<ClevrQuestion> {

    private static final long serialVersionUID = 1L;

    private final String questions;
    private final String scenes;
    private final boolean vision;
    private final String images;
    private final String model;
    private final ClevrEvaluation.Programs programs;
    private final boolean weighted;
    private transient VisionScenes visionScenes;

    ClevrEvalJob(ClusterRunner.ClevrEval job) {
        this.questions = job.questions().toString();
        this.scenes = job.scenes() == null ? null : job.scenes().toString();
        this.vision = job.vision();
        this.images = job.images() == null ? null : job.images().toString();
        this.model = job.model() == null ? null : job.model().toString();
        this.programs = job.programs();
        this.weighted = job.weighted();
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
    BatchAnswerer<ClevrQuestion> answerer(Slice slice) {
        SceneSource gold = scenes == null ? null : ExecutorCache.get("clevr-scenes:" + describeFile(scenes),
                SceneSource.class, () -> ClevrEvaluation.goldScenes(Path.of(scenes)));
        SceneSource from = gold;
        visionScenes = null;
        if (vision) {
            SceneExtractor extractor = ExecutorCache.get("model:" + model, SceneExtractor.class,
                    () -> model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(Path.of(model)));
            visionScenes = new VisionScenes(extractor, Path.of(images), gold);
            from = visionScenes;
        }
        ClevrReasoner reasoner = ExecutorCache.get("clevr-reasoner", ClevrReasoner.class, ClevrReasoner::new);
        return ClevrEvaluation.answerer(from, programs, reasoner, weighted);
    }

    /** Returns the scene source of the last {@link #answerer} call when it reads images, else null. */
    VisionScenes lastVisionScenes() {
        return visionScenes;
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
