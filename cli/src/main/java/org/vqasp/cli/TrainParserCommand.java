package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vqasp.language.clevr.learned.ParserTrainConfig;
import org.vqasp.language.clevr.learned.ParserTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vqa train parser}: trains the learned question parser. Re-running with the same {@code --out} resumes from
 * the last checkpoint.
 */
@Command(
        name = "parser",
        mixinStandardHelpOptions = true,
        description = "Train the learned question parser on generated and human questions (resumes from --out).")
final class TrainParserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "Model directory: model files, labels-N.jsonl, metrics.json, loss.jsonl, provenance.json, "
                    + "README.md, checkpoint/.")
    Path out;

    @Option(names = "--dataset", defaultValue = "clevr", description = "Question language to learn (default: "
            + "${DEFAULT-VALUE}; only clevr so far).")
    String dataset;

    @Mixin
    SeedOption seed = new SeedOption(1L);

    @Mixin
    ThreadsOption threads;

    @Option(names = "--steps", defaultValue = "12000", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "64", description = "Most questions per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--warmup", defaultValue = "500", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--scenes", defaultValue = "6000",
            description = "Scenes sampled for generated questions (default: ${DEFAULT-VALUE}).")
    int scenes;

    @Option(names = "--questions-per-scene", defaultValue = "10",
            description = "Generated questions per scene (default: ${DEFAULT-VALUE}).")
    int questionsPerScene;

    @Option(names = "--extra-scenes", paramLabel = "FILE", split = ",",
            description = "Scene files (CLEVR layout) whose scenes also get generated questions.")
    List<Path> extraScenes = new ArrayList<>();

    @Option(names = "--human-questions", paramLabel = "FILE",
            description = "Human questions with answers (CLEVR layout), labelled by answer search; images with "
                    + "index % 5 == 1 are kept for validation.")
    Path humanQuestions;

    @Option(names = "--human-scenes", paramLabel = "FILE", description = "Gold scenes of --human-questions.")
    Path humanScenes;

    @Option(names = "--wording", paramLabel = "FILE",
            description = "Unlabelled human questions (CLEVR layout): vocabulary, and self-training with --self-train.")
    Path wording;

    @Option(names = "--label-rounds", defaultValue = "2",
            description = "Times the human questions are labelled during the run (default: ${DEFAULT-VALUE}).")
    int labelRounds;

    @Option(names = "--human-fraction", defaultValue = "0.2",
            description = "Share of each pool drawn from labelled human questions (default: ${DEFAULT-VALUE}).")
    double humanFraction;

    @Option(names = "--self-train", defaultValue = "0",
            description = "Unlabelled --wording questions the template and grammar parsers read for self-training; "
                    + "readings with the answer's type are kept (default: ${DEFAULT-VALUE}).")
    int selfTrain;

    @Option(names = "--self-train-fraction", defaultValue = "0.15",
            description = "Share of each pool drawn from the self-training labels (default: ${DEFAULT-VALUE}).")
    double selfTrainFraction;

    @Option(names = "--paraphrase", defaultValue = "0.8",
            description = "Chance that a generated question is paraphrased when drawn (default: ${DEFAULT-VALUE}).")
    double paraphrase;

    @Option(names = "--dim", defaultValue = "192", description = "Width D (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--layers", defaultValue = "3", description = "Encoder layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--heads", defaultValue = "6", description = "Attention heads H (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--kv-heads", defaultValue = "2", description = "Key/value heads (default: ${DEFAULT-VALUE}).")
    int kvHeads;

    @Option(names = "--mlp-dim", defaultValue = "384", description = "MLP width (default: ${DEFAULT-VALUE}).")
    int mlpDim;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Drop rate (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--beams", defaultValue = "4", description = "Beam width of the saved model (default: ${DEFAULT-VALUE}).")
    int beams;

    @Option(names = "--label-beams", defaultValue = "12",
            description = "Beam width when labelling (default: ${DEFAULT-VALUE}).")
    int labelBeams;

    @Option(names = "--checkpoint-every", defaultValue = "500",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--eval-every", defaultValue = "1000",
            description = "Steps between validations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        if (!dataset.equals("clevr")) {
            throw new ParameterException(spec.commandLine(), "--dataset " + dataset + " has no parser trainer yet "
                    + "(known: clevr)");
        }
        threads.forTorch(spec.commandLine());
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        ParserTrainConfig config;
        try {
            config = ParserTrainConfig.builder().setOut(out).optSeed(seed.required(spec.commandLine()))
                    .optGenerated(scenes, questionsPerScene)
                    .optExtraScenes(extraScenes).optHuman(humanQuestions, humanScenes).optWording(wording)
                    .optSteps(steps).optBatchSize(batch).optLearningRate(lr).optWarmupSteps(warmup)
                    .optWeightDecay(weightDecay).optLabelling(labelRounds, humanFraction).optSelfTrain(selfTrain, selfTrainFraction)
                    .optNet(dim, layers, heads, kvHeads, mlpDim).optDropout(dropout).optBeams(beams, labelBeams)
                    .optIntervals(checkpointEvery, evalEvery).optParaphrase(paraphrase).optCommandLine(cmd).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        ParserTrainer.Result r = ParserTrainer.train(config, new Listener(o, spec.commandLine().getErr()));
        o.printf(Locale.ROOT, "model: %s (%d steps, %.0f s)%n", r.modelDir(), r.steps(), r.seconds());
        o.println("validation: " + r.validation().summary());
        o.printf(Locale.ROOT, "threshold: %.2f%n", r.threshold());
        report.finish(o, r.modelDir(), false);
        return 0;
    }

    /** Prints news and validations; draws a bar on a terminal, else a line every 100 steps. */
    private static final class Listener implements ParserTrainer.Listener {
        private final TrainingBar bar;

        Listener(PrintWriter out, PrintWriter err) {
            this.bar = new TrainingBar(out, err, 100);
        }

        @Override
        public void message(String line) {
            bar.line(line);
        }

        @Override
        public void step(long step, long total, double loss, double examplesPerSecond, double etaSeconds) {
            bar.step(String.format(Locale.ROOT, "step %d/%d  loss %.4f  %.0f questions/s  ETA %s", step, total, loss,
                    examplesPerSecond, TrainingBar.time(etaSeconds)), step, total, false);
        }

        @Override
        public void validation(long step, ParserTrainer.Validation v) {
            bar.line("step " + step + ": " + v.summary());
        }
    }
}
