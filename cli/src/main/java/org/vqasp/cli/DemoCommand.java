package org.vqasp.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.EvalSummary;
import org.vqasp.eval.Prediction;
import org.vqasp.eval.PredictionLog;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.reasoning.gqa.GqaReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.vision.model.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vqa demo}: the whole pipeline on the samples bundled in the repository, offline: real CLEVR images
 * read by the bundled vision model and questions read by the parser chain (template questions and questions
 * people wrote), answered by clingo; the original CLEVR generator's questions over their gold scenes; human
 * questions over their real scenes; real GQA questions over their gold scene graphs.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline offline on the bundled samples, with accuracy.",
            "  1. 5 real CLEVR images -> scene graphs (bundled model) -> parsed questions -> ASP -> answers;",
            "     also questions people wrote about 4 of them (CLEVR-Humans), read by the parser chain",
            "  2. 3,200 questions of the original CLEVR generator over their gold scenes",
            "  3. 60 questions people wrote (CLEVR-Humans) over their real CLEVR scenes, parser chain",
            "  4. GQA questions (2 real, 50 written here) over real GQA scene graphs",
            "with accuracy for each; the run directory keeps predictions.jsonl and summary.json of each part."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        run.validate(spec.commandLine());
        PrintWriter w = spec.commandLine().getOut();
        Path base = run.outOrDefault("demo");
        Files.createDirectories(base);
        RunOptions.provenance(spec.commandLine()).input("samples", Samples.root().resolve("samples"))
                .version("djl", ai.djl.engine.Engine.getDjlVersion()).write(base);
        Map<String, EvalSummary> parts = new TreeMap<>();

        if (ModelDirectory.hasDefault()) {
            section(w, "1. Real CLEVR images: vision model -> scene graph; question -> program (parser); clingo");
            try (SceneExtractor extractor = SceneExtractor.loadDefault()) {
                VisionScenes images = new VisionScenes(extractor, Samples.path("clevr/real-dev/images"));
                EvalRunner.Run r = part(base, "clevr-real-images",
                        options -> ClevrEvaluation.evaluate(Samples.path("clevr/real-dev/questions.json"), images,
                                ClevrEvaluation.Programs.PARSED, new ClevrReasoner(), false, options, progressFor("real images")));
                parts.put("clevr_real_images", r.evalSummary());
                if (!run.json.stdout()) {
                    for (Prediction p : PredictionLog.readAll(r.predictions())) {
                        w.printf("  %s %-58s %-9s gold %s%n", Boolean.TRUE.equals(p.correct()) ? "ok " : "NO ",
                                abbreviate(p.question(), 58), p.predicted() == null ? p.errorKind() : p.predicted(),
                                p.gold());
                    }
                    line(w, parts.get("clevr_real_images"));
                }
                EvalRunner.Run weighted = part(base, "clevr-real-images-weighted",
                        options -> ClevrEvaluation.evaluate(Samples.path("clevr/real-dev/questions.json"), images,
                                ClevrEvaluation.Programs.PARSED, new ClevrReasoner(), true, options,
                                progressFor("real images, weighted")));
                parts.put("clevr_real_images_weighted", weighted.evalSummary());
                if (!run.json.stdout()) {
                    w.print("  the same, the scene read as weighted choices (eval --weighted):");
                    line(w, parts.get("clevr_real_images_weighted"));
                }
                // questions people wrote about the same images (CLEVR-Humans), read by the parser chain
                EvalRunner.Run humans = part(base, "clevr-humans-real-images",
                        options -> ClevrEvaluation.evaluate(Samples.path("clevr/humans/demo_questions.json"), images,
                                ClevrEvaluation.Programs.PARSED, new ClevrReasoner(), false, options,
                                progressFor("human questions, real images")));
                parts.put("clevr_humans_real_images", humans.evalSummary());
                if (!run.json.stdout()) {
                    w.println("  questions people wrote about these images (CLEVR-Humans), read by the parser chain:");
                    for (Prediction p : PredictionLog.readAll(humans.predictions())) {
                        w.printf("  %s %-58s %-9s gold %-9s %s%n", Boolean.TRUE.equals(p.correct()) ? "ok " : "NO ",
                                abbreviate(p.question(), 58), p.predicted() == null ? p.errorKind() : p.predicted(),
                                p.gold(), p.origin() == null || p.origin().parser() == null ? ""
                                        : "(" + p.origin().parser() + ")");
                    }
                    line(w, parts.get("clevr_humans_real_images"));
                }
            }
        } else if (!run.json.stdout()) {
            section(w, "1. Real CLEVR images: skipped, this build has no bundled vision model");
        }

        section(w, "2. CLEVR questions of the original generator over their gold scenes; clingo");
        EvalRunner.Run gold = part(base, "clevr-gold-scenes",
                options -> ClevrEvaluation.evaluate(Samples.path("clevr/gen-dev/questions.json"),
                        ClevrEvaluation.goldScenes(Samples.path("clevr/gen-dev/scenes.json")),
                        ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false, options, progressFor("gold scenes")));
        parts.put("clevr_gold_scenes", gold.evalSummary());
        if (!run.json.stdout()) {
            SummaryPrinter.byTemplateFile(w, parts.get("clevr_gold_scenes"));
            line(w, parts.get("clevr_gold_scenes"));
        }

        section(w, "3. Questions people wrote (CLEVR-Humans) over their real CLEVR scenes; parser chain; clingo");
        EvalRunner.Run humanGold = part(base, "clevr-humans-gold-scenes",
                options -> ClevrEvaluation.evaluate(Samples.path("clevr/humans/questions.json"),
                        ClevrEvaluation.goldScenes(Samples.path("clevr/humans/scenes.json")),
                        ClevrEvaluation.Programs.PARSED, new ClevrReasoner(), false, options,
                        progressFor("human questions")));
        parts.put("clevr_humans_gold_scenes", humanGold.evalSummary());
        if (!run.json.stdout()) {
            EvalSummary h = parts.get("clevr_humans_gold_scenes");
            StringBuilder by = new StringBuilder("  by parser:");
            h.byParser().forEach((name, c) -> by.append(' ').append(name).append(' ').append(c[1]).append('/')
                    .append(c[0]));
            w.println(by);
            line(w, h);
        }

        section(w, "4. GQA questions over real GQA scene graphs; clingo");
        Path graphs = Samples.path("gqa/sample/sceneGraphs.json");
        for (String[] f : new String[][] {{"questions.json", "gqa_real_questions", "real GQA questions"},
                {"written_questions.json", "gqa_written_questions", "questions written here, answers checked by hand"}}) {
            EvalRunner.Run r = part(base, f[1].replace('_', '-'),
                    options -> GqaEvaluation.evaluate(Samples.path("gqa/sample/" + f[0]), graphs, new GqaReasoner(),
                            options, progressFor(f[1])));
            parts.put(f[1], r.evalSummary());
            if (!run.json.stdout()) {
                w.print("  " + f[2] + ":");
                line(w, parts.get(f[1]));
            }
        }

        ObjectNode all = JsonNodeFactory.instance.objectNode();
        parts.forEach((k, v) -> all.set(k, v.toJson()));
        run.json.emit(w, all);
        if (!run.json.stdout()) {
            w.println();
            w.println("run directory: " + base + " (predictions.jsonl and summary.json for each part)");
        }
        w.flush();
        return 0;
    }

    private EvalRunner.Run part(Path base, String dir, Function<EvalRunner.Options, EvalRunner.Run> job) {
        return job.apply(run.options(spec.commandLine(), base.resolve(dir)));
    }

    private Progress progressFor(String label) {
        return run.json.stdout() ? Progress.NONE : TerminalProgress.forTerminal(label);
    }

    private void section(PrintWriter w, String title) {
        if (!run.json.stdout()) {
            w.println();
            w.println(title);
            w.flush();
        }
    }

    private static void line(PrintWriter w, EvalSummary s) {
        w.printf("  %d of %d correct (%.1f%%)%s, %.1f s%n", s.correct(), s.questions(), 100 * s.accuracy(),
                s.errors().isEmpty() ? "" : "; errors " + s.errors(), s.seconds());
        w.flush();
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }
}
