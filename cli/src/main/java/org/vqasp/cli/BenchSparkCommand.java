package org.vqasp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.Medians;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.io.FileTrees;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.clevr.VisionScenes;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.reasoning.clevr.ClevrReasoner;
import org.vqasp.reasoning.gqa.GqaReasoner;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;
import org.vqasp.world.render.ClevrWorldGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench spark}: the same jobs on local threads and on Spark (by default {@code local[N]} with as many
 * threads), median of several runs of each: images per second of rendering ({@code generate clevr}) and of vision
 * ({@code eval clevr --scene-source vision} on those renders, ten questions each), questions per second of reasoning
 * ({@code eval clevr} on gold scenes, {@code eval gqa}). Spark's times include starting its context. From the local
 * per-core costs and Spark's measured efficiency it estimates the large jobs on a cluster of a given size.
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        description = {
            "Images/s (render, vision) and questions/s (reasoning) on local threads and on Spark, and the time of",
            "the large jobs (70,000 CLEVR renders, 15,000 val images through vision, GQA at 1 and 10 million",
            "questions) on a cluster of --cluster-cores cores."
        })
final class BenchSparkCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "MASTER", description = "Spark master (default: local[N], N = --threads).")
    String master;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    JsonOption json;

    private int threads;

    @Option(names = "--images", paramLabel = "N", defaultValue = "8", description = "Rendered images (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--questions", paramLabel = "N", defaultValue = "1600",
            description = "CLEVR reasoning questions, from the bundled gen-dev sample (default: ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--gqa-copies", paramLabel = "K", defaultValue = "20",
            description = "Copies of the 50 bundled GQA questions, renamed (default: ${DEFAULT-VALUE}).")
    int gqaCopies;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs of each; the median counts (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--cluster-cores", paramLabel = "C", defaultValue = "64",
            description = "Cores of the cluster the estimates are for (default: ${DEFAULT-VALUE}).")
    int clusterCores;

    /** One workload measured both ways. */
    record Row(String workload, String unit, long items, double local, double spark) {
        double ratio() {
            return spark / local;
        }
    }

    /** Timed work: returns the items done. */
    @FunctionalInterface
    interface Work {
        long run(Path dir) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        threads = threadsOption.get(spec.commandLine());
        String m = master != null ? master : "local[" + threads + "]";
        ClusterRunner.Cluster cluster = new ClusterRunner.Cluster(m, 0);
        ClusterRunner runner = ClusterRunner.load();
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("vqa-bench-spark");
        List<Row> rows = new ArrayList<>();
        try {
            // render, with ten questions per image: the vision workload's input
            Path dataset = work.resolve("dataset");
            rows.add(measure("render", "images/s", work, dir -> generate(dir, null, cluster).images(),
                    dir -> generate(dir, runner, cluster).images(), dataset));
            Path q = ClevrLayout.questionsPath(dataset, "val");
            Path s = ClevrLayout.scenesPath(dataset, "val");
            Path imgs = ClevrLayout.imagesDir(dataset, "val");
            try (SceneExtractor extractor = SceneExtractor.loadDefault()) {
                rows.add(measure("vision", "images/s", work, dir -> {
                    clean(ClevrEvaluation.evaluate(q, new VisionScenes(extractor, imgs), ClevrEvaluation.Programs.GOLD,
                            new ClevrReasoner(), false, options(dir, 0), Progress.NONE));
                    return images;
                }, dir -> {
                    clean(runner.evalClevr(cluster, new ClusterRunner.ClevrEval(q, null, true, imgs, null,
                            ClevrEvaluation.Programs.GOLD, false), options(dir, 0), Progress.NONE).run());
                    return images;
                }, null));
            }
            Path cq = Samples.path("clevr/gen-dev/questions.json");
            Path cs = Samples.path("clevr/gen-dev/scenes.json");
            rows.add(measure("reasoning clevr", "questions/s", work, dir -> clean(ClevrEvaluation.evaluate(cq,
                    ClevrEvaluation.goldScenes(cs), ClevrEvaluation.Programs.GOLD, new ClevrReasoner(), false,
                    options(dir, questions), Progress.NONE)), dir -> clean(runner.evalClevr(cluster,
                    new ClusterRunner.ClevrEval(cq, cs, false, null, null, ClevrEvaluation.Programs.GOLD, false),
                    options(dir, questions), Progress.NONE).run()), null));
            Path gq = gqaQuestions(work);
            Path gs = Samples.path("gqa/sample/sceneGraphs.json");
            rows.add(measure("reasoning gqa", "questions/s", work, dir -> clean(GqaEvaluation.evaluate(gq, gs,
                    new GqaReasoner(), options(dir, 0), Progress.NONE)),
                    dir -> clean(runner.evalGqa(cluster, gq, gs, GqaEvaluation.Programs.GOLD, options(dir, 0), Progress.NONE)), null));
        } finally {
            FileTrees.delete(work);
        }
        List<ObjectNode> estimates = estimates(rows);
        if (!json.stdout()) {
            out.printf("%-16s %-12s %7s %12s %12s %7s%n", "workload", "unit", "items", "local", m, "ratio");
            for (Row r : rows) {
                out.printf("%-16s %-12s %7d %12.2f %12.2f %7.2f%n", r.workload(), r.unit(), r.items(), r.local(),
                        r.spark(), r.ratio());
            }
            out.printf("%nestimates on %d cores (per-core cost from %d local threads, divided by Spark's measured "
                    + "ratio):%n", clusterCores, threads);
            for (ObjectNode e : estimates) {
                out.printf("  %-44s %12.0f core-s  %8.2f h%n", e.get("job").asText(), e.get("core_seconds").asDouble(),
                        e.get("hours").asDouble());
            }
            out.flush();
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("master", m);
        root.put("threads", threads);
        root.put("cluster_cores", clusterCores);
        ArrayNode a = root.putArray("rows");
        for (Row r : rows) {
            ObjectNode o = a.addObject();
            o.put("workload", r.workload());
            o.put("unit", r.unit());
            o.put("items", r.items());
            o.put("local_per_second", r.local());
            o.put("spark_per_second", r.spark());
            o.put("ratio", r.ratio());
        }
        ArrayNode e = root.putArray("estimates");
        estimates.forEach(e::add);
        json.emit(out, root);
        return 0;
    }

    private List<ObjectNode> estimates(List<Row> rows) {
        Map<String, Row> by = new java.util.HashMap<>();
        rows.forEach(r -> by.put(r.workload(), r));
        List<ObjectNode> out = new ArrayList<>();
        out.add(estimate("generate clevr: 70,000 images", 70_000, by.get("render")));
        out.add(estimate("eval clevr vision: 15,000 images (150,000 q)", 15_000, by.get("vision")));
        out.add(estimate("eval gqa: 1,000,000 questions", 1_000_000, by.get("reasoning gqa")));
        out.add(estimate("eval gqa: 10,000,000 questions", 10_000_000, by.get("reasoning gqa")));
        return out;
    }

    private ObjectNode estimate(String job, long items, Row r) {
        double coreSeconds = items * threads / r.local();
        double seconds = coreSeconds / clusterCores / Math.min(1, r.ratio());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("job", job);
        o.put("items", items);
        o.put("core_seconds", coreSeconds);
        o.put("cores", clusterCores);
        o.put("hours", seconds / 3600);
        return o;
    }

    private Row measure(String name, String unit, Path work, Work local, Work spark, Path keep) throws Exception {
        List<Double> l = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        long items = 0;
        for (int i = 0; i < runs; i++) {
            Path a = work.resolve(name.replace(' ', '-') + "-local-" + i);
            long t0 = System.nanoTime();
            items = local.run(a);
            l.add(items / ((System.nanoTime() - t0) / 1e9));
            Path b = work.resolve(name.replace(' ', '-') + "-spark-" + i);
            t0 = System.nanoTime();
            long n = spark.run(b);
            s.add(n / ((System.nanoTime() - t0) / 1e9));
            if (keep != null && i == 0) {
                Files.move(a, keep);
            } else {
                FileTrees.delete(a);
            }
            FileTrees.delete(b);
        }
        return new Row(name, unit, items, Medians.of(l), Medians.of(s));
    }

    private ClevrWorldGenerator.Summary generate(Path dir, ClusterRunner runner, ClusterRunner.Cluster cluster) {
        ClevrWorldGenerator.Builder b = ClevrWorldGenerator.builder().setOutput(dir).setImages(images).setSeed(1)
                .optSplit("val").optThreads(threads);
        QuestionGenerator qg = new QuestionGenerator(TemplateLibrary.load(), 1);
        b.optQuestions(scene -> qg.generate(scene, 10));
        if (runner == null) {
            return b.build().run();
        }
        return runner.generateClevr(new ClusterRunner.Cluster(cluster.master(), Math.max(1, images / (2 * threads))),
                new ClusterRunner.Generate(dir, images, 1, 10, "val", null), b, Progress.NONE);
    }

    /**
     * Returns the questions a measured run processed, after checking that none failed for want of the machinery
     * (an image the model could not read, clingo or an internal failure): a rate of failures measures nothing.
     *
     * @throws VqaspException (kind {@code bench}) when one did
     */
    private static long clean(EvalRunner.Run run) {
        Map<String, Long> errors = run.evalSummary().errors();
        for (String kind : List.of(ErrorKind.BAD_IMAGE, ErrorKind.VISION, ErrorKind.CLINGO, ErrorKind.INTERNAL,
                ErrorKind.IO)) {
            if (errors.getOrDefault(kind, 0L) > 0) {
                throw new VqaspException(ErrorKind.BENCH, errors.get(kind) + " of " + run.processed()
                        + " questions failed with " + kind + " (see " + run.predictions() + "): nothing to measure");
            }
        }
        return run.processed();
    }

    private EvalRunner.Options options(Path dir, long limit) {
        return new EvalRunner.Options(dir, threads, limit, RunOptions.BATCH);
    }

    /** The bundled GQA questions, {@code --gqa-copies} times under new ids. */
    private Path gqaQuestions(Path work) throws Exception {
        ObjectNode all = (ObjectNode) MAPPER.readTree(Samples.path("gqa/sample/written_questions.json").toFile());
        ObjectNode out = MAPPER.createObjectNode();
        for (int k = 0; k < gqaCopies; k++) {
            Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = all.fields();
            while (it.hasNext()) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                out.set(e.getKey() + "-" + k, e.getValue());
            }
        }
        Path file = work.resolve("gqa-questions.json");
        MAPPER.writeValue(file.toFile(), out);
        return file;
    }
}
