package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.eval.study.AttentionStudy;
import org.vqasp.nn.AttentionSpec;
import org.vqasp.nn.AttentionVariant;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.vision.train.TrainListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vqa study attention}: every attention variant fine-tuned from the same base model at the same budget on the
 * same renders, scored on the same fresh split, with a table and a plot of accuracy against cost. Running again
 * with the same {@code --out} resumes.
 */
@Command(
        name = "attention",
        mixinStandardHelpOptions = true,
        description = "Fine-tune the scene-graph extractor with each attention variant at the same budget on the "
                + "same data, score each on the same fresh split, and write table.json, table.md and "
                + "accuracy-vs-cost.png (resumes from --out).")
final class StudyAttentionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Training data from vqa generate clevr (train and val splits).")
    Path data;

    @Option(names = "--test", required = true, paramLabel = "DIR",
            description = "A fresh split with questions from vqa generate clevr, never trained on.")
    Path test;

    @Option(names = "--test-split", defaultValue = "test",
            description = "Split name in --test (default: ${DEFAULT-VALUE}).")
    String testSplit;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run directory.")
    Path out;

    @Option(names = "--base", paramLabel = "MODEL_DIR",
            description = "The model every variant starts from (default: the bundled model).")
    Path base;

    @Option(names = "--variants", split = ",", paramLabel = "V1,V2,...",
            defaultValue = "mha,gqa,mqa,sqa,ssqa,xsqa,kdgqa,dgqa,pgqa,mla,mixsga",
            description = "Variants with their default settings (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs per variant (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "4e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--limit", defaultValue = "0", description = "Use the first N training images (0: all).")
    int limit;

    @Option(names = "--limit-val", defaultValue = "200",
            description = "Validate on N images (default: ${DEFAULT-VALUE}).")
    int limitVal;

    @Option(names = "--mirror", defaultValue = "0.5",
            description = "Chance of a left-right mirror per training image (default: ${DEFAULT-VALUE}).")
    double mirror;

    @Mixin
    SeedOption seed = new SeedOption(1L);

    @Option(names = "--timing-runs", defaultValue = "5",
            description = "Timed runs per model; the median is reported (default: ${DEFAULT-VALUE}).")
    int timingRuns;

    @Mixin
    ThreadsOption threads;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        int n = threads.forTorch(spec.commandLine());
        SceneNetConfig baseConfig = ModelDirectory.readConfig(base);
        int heads = baseConfig.attention().heads();
        List<AttentionSpec> specs = new ArrayList<>();
        for (String v : variants) {
            try {
                specs.add(AttentionVariant.parse(v.trim()).defaults(heads, baseConfig.embedDim() / heads).build());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--variants: " + e.getMessage());
            }
        }
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        AttentionStudy.Config config;
        try {
            config = new AttentionStudy.Config(data, test, testSplit, out, base, specs, epochs, batch, lr, warmup,
                    limit, limitVal, mirror, seed.required(spec.commandLine()), n, timingRuns, cmd);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        List<AttentionStudy.Row> rows = AttentionStudy.run(config, new AttentionStudy.Listener() {
            @Override
            public void message(String line) {
                w.println(line);
                w.flush();
            }

            @Override
            public void step(String variant, TrainListener.Progress p) {
                if (p.globalStep() % 50 == 0) {
                    w.printf("%s: step %d/%d loss %.3f %.1f img/s%n", variant, p.globalStep(), p.totalSteps(),
                            p.loss(), p.imagesPerSecond());
                    w.flush();
                }
            }
        });
        w.println();
        w.printf("%d models; table: %s, %s; plot: %s%n", rows.size(), out.resolve("table.md"),
                out.resolve("table.json"), out.resolve("accuracy-vs-cost.png"));
        report.finish(w, out, false);
        return 0;
    }
}
