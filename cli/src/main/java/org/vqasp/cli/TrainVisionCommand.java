package org.vqasp.cli;


import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.vision.train.Augmenter;
import org.vqasp.vision.train.TrainConfig;
import org.vqasp.vision.train.TrainListener;
import org.vqasp.vision.train.VisionTrainer;
import org.vqasp.world.SceneMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vqa train vision}: trains the scene-graph extractor on {@code vqa generate clevr} output. Re-running with
 * the same {@code --out} resumes from the last checkpoint.
 */
@Command(
        name = "vision",
        mixinStandardHelpOptions = true,
        description = "Train the scene-graph extractor on a CLEVR-layout directory (resumes from --out).")
final class TrainVisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Dataset in the released CLEVR layout (images/<split>/, scenes/CLEVR_<split>_scenes.json).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR",
            description = "Model directory: weights, config.json, metrics.json, provenance.json, checkpoint/.")
    Path out;

    @Option(names = "--train-split", defaultValue = "train", description = "Training split (default: ${DEFAULT-VALUE}).")
    String trainSplit;

    @Option(names = "--val-split", defaultValue = "val",
            description = "Validation split; when absent, the last --hold-out train scenes (default: ${DEFAULT-VALUE}).")
    String valSplit;

    @Option(names = "--hold-out", defaultValue = "500", description = "Scenes held out without a validation split "
            + "(default: ${DEFAULT-VALUE}).")
    int holdOut;

    @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "2e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--weight-decay", defaultValue = "0.05", description = "AdamW decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--warmup", defaultValue = "300", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Mixin
    SeedOption seed = new SeedOption(1L);

    @Option(names = "--checkpoint-every", defaultValue = "200",
            description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--limit", defaultValue = "0", description = "Use the first N training scenes (0: all).")
    int limit;

    @Option(names = "--limit-val", defaultValue = "500", description = "Validate on N scenes (default: ${DEFAULT-VALUE}).")
    int limitVal;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--input", defaultValue = "240x160", paramLabel = "WxH",
            description = "Model input size (default: ${DEFAULT-VALUE}).")
    String input;

    @Option(names = "--dim", defaultValue = "128", description = "Transformer width D (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--layers", defaultValue = "3", description = "Encoder layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Mixin
    AttentionOptions attention;

    @Option(names = "--stem", defaultValue = "24,48,96", split = ",",
            description = "Stem channels of the three stride-2 stages (default: ${DEFAULT-VALUE}).")
    List<Integer> stem;

    @Option(names = "--head-dim", defaultValue = "96", description = "Per-cell head width F (default: ${DEFAULT-VALUE}).")
    int headDim;

    @Option(names = "--init", paramLabel = "MODEL_DIR",
            description = "Start from the weights of a trained model whose architecture differs at most in its "
                    + "attention (up-training: key/value heads mean-pooled or repeated, GQA to MLA exactly).")
    Path init;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Option(names = "--mirror", paramLabel = "P", defaultValue = "0",
            description = "Chance of a left-right mirror per image (default: ${DEFAULT-VALUE}); above 0, the model "
                    + "also reads each image's mirror image at inference and averages the attribute distributions.")
    double mirror;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        int n = threads.forTorch(spec.commandLine());
        String[] wh = input.toLowerCase().split("x");
        if (wh.length != 2 || !wh[0].matches("[1-9][0-9]{0,4}") || !wh[1].matches("[1-9][0-9]{0,4}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--input must be WxH, got " + input);
        }
        if (!(mirror >= 0 && mirror <= 1) || (noAugment && mirror > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mirror must be in [0, 1]"
                    + (noAugment ? " and needs augmentation (drop --no-augment)" : "") + ", got " + mirror);
        }
        SceneNetConfig model;
        try {
            model = SceneNetConfig.builder().optInput(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]))
                    .optStemChannels(stem).optEmbedDim(dim).optLayers(layers)
                    .optAttention(attention.spec(spec.commandLine(), dim)).optMlpDim(3 * dim).optHeadDim(headDim)
                    .optMirrorAverage(mirror > 0).build();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // originalArgs() are the arguments given to the root command, "train vision" included
        List<String> cmd = new ArrayList<>(List.of("vqa"));
        cmd.addAll(spec.commandLine().getParseResult().originalArgs());
        TrainConfig config = TrainConfig.builder().setData(data).setOut(out).optTrainSplit(trainSplit)
                .optValSplit(valSplit).optHoldOut(holdOut).optEpochs(epochs).optBatchSize(batch)
                .optLearningRate(lr).optWeightDecay(weightDecay).optWarmupSteps(warmup).optSeed(seed.required(spec.commandLine()))
                .optCheckpointEvery(checkpointEvery).optLimitTrain(limit).optLimitVal(limitVal).optThreads(n)
                .optModel(model).optAugmenter(noAugment ? Augmenter.none() : Augmenter.defaults().withMirror(mirror))
                .optCommandLine(cmd).optInit(init).build();
        PrintWriter outWriter = spec.commandLine().getOut();
        VisionTrainer.Result r = VisionTrainer.train(config, new Listener(outWriter, spec.commandLine().getErr()));
        outWriter.printf("model: %s (%d steps, %.0f s)%n", r.modelDir(), r.steps(), r.seconds());
        outWriter.println("validation: " + r.validation().summary());
        report.finish(outWriter, r.modelDir(), false);
        return 0;
    }

    /** Prints news and epoch results; draws a bar on a terminal, else a line every 50 steps. */
    private static final class Listener implements TrainListener {
        private final TrainingBar bar;

        Listener(PrintWriter out, PrintWriter err) {
            this.bar = new TrainingBar(out, err, 50);
        }

        @Override
        public void message(String line) {
            bar.line(line);
        }

        @Override
        public void step(Progress p) {
            String text = String.format("epoch %d/%d step %d/%d  loss %.3f (presence %.3f attributes %.3f "
                    + "positions %.3f)  %.1f img/s  ETA %s", p.epoch(), p.epochs(), p.step(), p.stepsPerEpoch(),
                    p.loss(), p.terms()[0], p.terms()[1], p.terms()[2], p.imagesPerSecond(),
                    TrainingBar.time(p.etaSeconds()));
            bar.step(text, p.globalStep(), p.totalSteps(), p.step() == p.stepsPerEpoch());
        }

        @Override
        public void epoch(int epoch, double trainLoss, SceneMetrics.Evaluation v) {
            bar.line(String.format("epoch %d: train loss %.4f; validation %s", epoch, trainLoss, v.summary()));
        }
    }
}
