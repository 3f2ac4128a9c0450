package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.core.Samples;
import org.vqasp.vision.InferenceBenchmark;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.world.render.ClevrRenderer;
import org.vqasp.world.render.RenderBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa bench vision}: images per second of the CLEVR world's render stage (sample a scene under the
 * visibility rule, render it at 480x320, encode the PNG) and of the inference stage (PNG to scene graph with the
 * scene extractor), on one thread and on all.
 */
@Command(
        name = "vision",
        mixinStandardHelpOptions = true,
        description = {
            "Images per second of rendering and of inference (PNG to scene graph), one thread and all.",
            "Render stage: sample a CLEVR scene (visibility rule included), render it at 480x320 and encode the",
            "PNG in memory. Inference stage: decode a PNG and extract its scene graph with the model."
        })
final class BenchVisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", paramLabel = "N", defaultValue = "8",
            description = "Timed images per thread (default: ${DEFAULT-VALUE}).")
    int images;

    @Mixin
    ThreadCountsOption threads;

    @Mixin
    SeedOption seed = new SeedOption(1L);

    @Mixin
    JsonOption json;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", defaultValue = "render,inference",
            description = "Stages to measure: render, inference (default: ${DEFAULT-VALUE}).")
    List<String> stages;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory for the inference stage (default: the bundled model).")
    Path model;

    @Option(names = "--inputs", paramLabel = "DIR",
            description = "PNG images for the inference stage (default: the bundled real CLEVR images).")
    Path inputs;

    @Option(names = "--inference-images", paramLabel = "N", defaultValue = "100",
            description = "Timed inference images per thread (default: ${DEFAULT-VALUE}).")
    int inferenceImages;

    @Override
    public Integer call() throws Exception {
        List<Integer> counts = threads.counts();
        PrintWriter out = spec.commandLine().getOut();
        boolean table = !json.stdout();
        if (table) {
            out.printf("%-9s %7s %6s %9s %13s %19s%n", "stage", "threads", "images", "seconds", "images/s",
                    "s/image/thread");
            out.flush();
        }
        List<RenderBenchmark.Row> rows = new ArrayList<>();
        for (int n : stages.contains("render") ? counts : List.<Integer>of()) {
            RenderBenchmark bench = new RenderBenchmark(ClevrRenderer.builder().build(), seed.required(spec.commandLine()));
            Progress p = table ? TerminalProgress.forTerminal("bench render x" + n) : Progress.NONE;
            RenderBenchmark.Row r;
            try {
                r = bench.run(n, images * n, p);
            } finally {
                TerminalProgress.finish(p);
            }
            print(out, r, table);
            rows.add(r);
        }
        if (stages.contains("inference") && model == null && !ModelDirectory.hasDefault()) {
            if (table) {
                out.println("inference: skipped (this build bundles no model; pass --model DIR)");
            }
        } else if (stages.contains("inference")) {
            List<Path> files = new ArrayList<>();
            Path dir = inputs != null ? inputs : Samples.path("clevr/real-dev/images");
            try (var list = java.nio.file.Files.list(dir)) {
                list.filter(f -> f.toString().endsWith(".png")).sorted().forEach(files::add);
            } catch (java.io.IOException e) {
                throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot list " + dir + ": " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new InputException(ErrorKind.EMPTY_INPUT, dir + ": no PNG images");
            }
            List<byte[]> pngs = InferenceBenchmark.read(files);
            try (SceneExtractor extractor = model == null ? SceneExtractor.loadDefault() : SceneExtractor.load(model)) {
                for (int n : counts) {
                    InferenceBenchmark.Row i = InferenceBenchmark.run(extractor, pngs, n, inferenceImages * n);
                    RenderBenchmark.Row r = new RenderBenchmark.Row("inference", n, i.images(), i.seconds());
                    print(out, r, table);
                    rows.add(r);
                }
            }
        }
        json.emit(out, RenderBenchmark.toJson(rows));
        return 0;
    }

    private static void print(PrintWriter out, RenderBenchmark.Row r, boolean table) {
        if (!table) {
            return;
        }
        out.printf("%-9s %7d %6d %9.2f %13.2f %19.3f%n", r.stage(), r.threads(), r.images(), r.seconds(),
                r.imagesPerSecond(), r.threads() / r.imagesPerSecond());
        out.flush();
    }
}
