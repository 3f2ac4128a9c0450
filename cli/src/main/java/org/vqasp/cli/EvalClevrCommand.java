package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.InputException;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.SceneSource;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.world.SceneMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vqa eval clevr}: answers every question of a released CLEVR questions file. */
@Command(
        name = "clevr",
        mixinStandardHelpOptions = true,
        description = {
            "Answer every question of a CLEVR v1.0 questions file with the ASP reasoner.",
            "Writes predictions.jsonl as it goes (re-run with the same --out to resume) and summary.json "
                    + "with per-family accuracy."
        })
final class EvalClevrCommand implements Callable<Integer> {

    /** Where scenes come from. */
    enum SceneSourceName { gold, vision }

    /** Where programs come from. */
    enum ProgramsName { gold, parsed }

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--scenes", paramLabel = "S.json", description = "Scenes file (needed for --scene-source gold; "
            + "with --scene-source vision, the truth the scene graphs read are scored against, in scene_graphs.json).")
    Path scenes;

    @Option(names = "--scene-source", paramLabel = "SOURCE",
            description = "gold (the scenes file, default) or vision (the vision model reads --images).")
    SceneSourceName sceneSource = SceneSourceName.gold;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Directory of the image files named by image_filename (for --scene-source vision).")
    Path images;

    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "Scene-graph model directory written by vqa train vision (default: the bundled model).")
    Path model;

    @Option(names = "--weighted",
            description = "Answer over the vision model's probabilities as weighted choices (weak constraints): "
                    + "the most likely scene in which each question makes sense; default: the most likely values.")
    boolean weighted;

    @Option(names = "--programs", paramLabel = "SOURCE",
            description = "gold (the file's programs, default) or parsed (parsed from the question text).")
    ProgramsName programs = ProgramsName.gold;

    @Mixin
    RunOptions run;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        run.validate(spec.commandLine());
        if (spark.enabled()) {
            return callOnSpark();
        }
        SceneExtractor extractor = null;
        SceneSource sceneFrom;
        VisionScenes visionScenes = null;
        if (sceneSource == SceneSourceName.gold) {
            if (scenes == null) {
                throw new ParameterException(spec.commandLine(), "--scene-source gold needs --scenes S.json");
            }
            sceneFrom = ClevrEvaluation.goldScenes(scenes);
        } else {
            if (images == null) {
                throw new ParameterException(spec.commandLine(), "--scene-source vision needs --images DIR");
            }
            if (!Files.isDirectory(images)) {
                throw new InputException("missing_file", images + ": no such directory");
            }
            extractor = model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(model);
            visionScenes = new VisionScenes(extractor, images,
                    scenes == null ? null : ClevrEvaluation.goldScenes(scenes));
            sceneFrom = visionScenes;
        }
        ClevrEvaluation.Programs source = ClevrEvaluation.Programs.valueOf(programs.name().toUpperCase());
        try {
            EvalRunner.Run r = run.execute(spec.commandLine(), "eval clevr",
                    (options, progress) -> ClevrEvaluation.evaluate(questions, sceneFrom, source, new ClevrReasoner(),
                            weighted, options, progress));
            run.reportEval(spec.commandLine(), r);
            SceneMetrics.Evaluation scored = visionScenes == null ? null : visionScenes.sceneMetrics();
            if (scored != null) {
                reportSceneMetrics(scored, r);
            }
        } finally {
            if (extractor != null) {
                extractor.close();
            }
        }
        return 0;
    }

    /** The same evaluation on Spark: the same checks, the same files, the same report. */
    private Integer callOnSpark() throws Exception {
        ClusterRunner.Cluster cluster = spark.cluster(spec.commandLine());
        boolean vision = sceneSource == SceneSourceName.vision;
        if (!vision && scenes == null) {
            throw new ParameterException(spec.commandLine(), "--scene-source gold needs --scenes S.json");
        }
        if (vision && images == null) {
            throw new ParameterException(spec.commandLine(), "--scene-source vision needs --images DIR");
        }
        if (vision && !Files.isDirectory(images)) {
            throw new InputException("missing_file", images + ": no such directory");
        }
        ClusterRunner.ClevrEval job = new ClusterRunner.ClevrEval(questions, scenes, vision, images, model,
                ClevrEvaluation.Programs.valueOf(programs.name().toUpperCase()), weighted);
        ClusterRunner runner = ClusterRunner.load();
        ClusterRunner.ClevrEvalResult[] result = new ClusterRunner.ClevrEvalResult[1];
        EvalRunner.Run r = run.execute(spec.commandLine(), "eval clevr", (options, progress) -> {
            result[0] = runner.evalClevr(cluster, job, options, progress);
            return result[0].run();
        });
        run.reportEval(spec.commandLine(), r);
        if (vision && scenes != null) {
            if (result[0].sceneMetrics() != null) {
                reportSceneMetrics(result[0].sceneMetrics(), r);
            } else if (!run.json) {
                spec.commandLine().getOut().println("scene graphs: not scored, the run was resumed "
                        + "(score them with a fresh --out)");
            }
        }
        return 0;
    }

    /** Writes scene_graphs.json beside summary.json and prints its line, unless the run was resumed. */
    private void reportSceneMetrics(SceneMetrics.Evaluation m, EvalRunner.Run r) throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (r.resumed() > 0) {
            if (!run.json) {
                out.println("scene graphs: not scored, the run was resumed (score them with a fresh --out)");
            }
            return;
        }
        Path file = r.predictions().getParent().resolve("scene_graphs.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), m);
        if (!run.json) {
            out.println("scene graphs vs gold: " + m.summary());
            out.println("written: " + file);
        }
        out.flush();
    }
}
