package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Provenance;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.SceneLog;
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

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", required = true, paramLabel = "Q.json", description = "Questions file.")
    Path questions;

    @Option(names = "--scenes", paramLabel = "S.json", description = "Scenes file (needed for --scene-source gold; "
            + "with --scene-source vision, the truth the scene graphs read are scored against, in scene_graphs.json).")
    Path scenes;

    @Option(names = "--scene-source", paramLabel = "SOURCE",
            description = "gold (the scenes file, default) or vision (the vision model reads --images).")
    ClevrEvaluation.Scenes sceneSource = ClevrEvaluation.Scenes.GOLD;

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
    ClevrEvaluation.Programs programs = ClevrEvaluation.Programs.GOLD;

    @Mixin
    RunOptions run;

    @Mixin
    SparkOptions spark;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() throws Exception {
        Provenance provenance = run.provenance(spec.commandLine(), questions, programs);
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("scene_source", RunOptions.lower(sceneSource))
                .put("programs", RunOptions.lower(programs)).put("weighted", weighted);
        boolean vision = sceneSource == ClevrEvaluation.Scenes.VISION;
        if (!vision) {
            if (scenes == null) {
                throw new ParameterException(spec.commandLine(), "--scene-source gold needs --scenes S.json");
            }
            provenance.input("scenes", scenes);
        } else {
            if (images == null) {
                throw new ParameterException(spec.commandLine(), "--scene-source vision needs --images DIR");
            }
            if (!Files.isDirectory(images)) {
                throw new InputException(ErrorKind.MISSING_FILE, images + ": no such directory");
            }
            provenance.input("images", images);
            if (scenes != null) {
                provenance.input("scenes", scenes);
            }
            config.put("model", model == null ? "bundled" : model.toAbsolutePath().normalize().toString());
            provenance.version("djl", ai.djl.engine.Engine.getDjlVersion());
        }
        provenance.config(config);
        if (spark.enabled()) {
            return callOnSpark(provenance, vision);
        }
        SceneExtractor extractor = null;
        SceneLog sceneLog = null;
        SceneSource sceneFrom;
        VisionScenes visionScenes = null;
        if (!vision) {
            sceneFrom = ClevrEvaluation.goldScenes(scenes);
        } else {
            extractor = model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(model);
            sceneLog = SceneLog.open(run.resolveOut("eval clevr"));
            visionScenes = new VisionScenes(extractor, images,
                    scenes == null ? null : ClevrEvaluation.goldScenes(scenes), sceneLog);
            sceneFrom = visionScenes;
        }
        try {
            EvalRunner.Run r = run.execute(spec.commandLine(), "eval clevr", provenance,
                    (options, progress) -> ClevrEvaluation.evaluate(questions, sceneFrom, programs, new ClevrReasoner(),
                            weighted, options, progress));
            run.reportEval(spec.commandLine(), r);
            SceneMetrics.Evaluation scored = visionScenes == null ? null : visionScenes.sceneMetrics();
            if (scored != null) {
                reportSceneMetrics(scored, r);
            }
            report.finish(spec.commandLine().getOut(), r.predictions().getParent(), run.json.stdout());
        } finally {
            if (sceneLog != null) {
                sceneLog.close();
            }
            if (extractor != null) {
                extractor.close();
            }
        }
        return 0;
    }

    /** The same evaluation on Spark, after the same checks: the same files, the same report. */
    private Integer callOnSpark(Provenance provenance, boolean vision) throws Exception {
        ClusterRunner.Cluster cluster = spark.cluster(spec.commandLine());
        ClusterRunner.ClevrEval job = new ClusterRunner.ClevrEval(questions, scenes, vision, images, model, programs,
                weighted);
        ClusterRunner runner = ClusterRunner.load();
        ClusterRunner.ClevrEvalResult[] result = new ClusterRunner.ClevrEvalResult[1];
        EvalRunner.Run r = run.execute(spec.commandLine(), "eval clevr", provenance, (options, progress) -> {
            result[0] = runner.evalClevr(cluster, job, options, progress);
            return result[0].run();
        });
        run.reportEval(spec.commandLine(), r);
        if (vision && scenes != null) {
            if (result[0].sceneMetrics() != null) {
                reportSceneMetrics(result[0].sceneMetrics(), r);
            } else if (!run.json.stdout()) {
                spec.commandLine().getOut().println("scene graphs: not scored, the run was resumed "
                        + "(score them with a fresh --out)");
            }
        }
        report.finish(spec.commandLine().getOut(), r.predictions().getParent(), run.json.stdout());
        return 0;
    }

    /** Writes scene_graphs.json beside summary.json and prints its line, unless the run was resumed. */
    private void reportSceneMetrics(SceneMetrics.Evaluation m, EvalRunner.Run r) throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (r.resumed() > 0) {
            if (!run.json.stdout()) {
                out.println("scene graphs: not scored, the run was resumed (score them with a fresh --out)");
            }
            return;
        }
        Path file = r.predictions().getParent().resolve("scene_graphs.json");
        AtomicFiles.writeJson(file, new ObjectMapper().valueToTree(m));
        if (!run.json.stdout()) {
            out.println("scene graphs vs gold: " + m.summary());
            out.println("written: " + file);
        }
        out.flush();
    }
}
