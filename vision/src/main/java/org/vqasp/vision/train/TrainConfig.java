package org.vqasp.vision.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.vqasp.vision.model.SceneNetConfig;

/**
 * Everything a training run depends on; build with {@link #builder()}.
 *
 * @param data dataset directory in the released CLEVR layout
 * @param out model directory (weights, configuration, metrics, provenance, checkpoints)
 * @param trainSplit split trained on
 * @param valSplit split validated on; when absent from {@code data}, the last {@code holdOut} train scenes
 * @param holdOut scenes held out of the train split when {@code valSplit} is absent
 * @param epochs passes over the training split
 * @param batchSize images per step
 * @param learningRate peak learning rate (linear warm-up, then cosine decay to 5%)
 * @param weightDecay decoupled weight decay
 * @param warmupSteps warm-up steps
 * @param seed seed of initialisation, order and augmentation
 * @param checkpointEvery steps between checkpoints (also at every epoch end)
 * @param limitTrain use at most this many training scenes (0: all)
 * @param limitVal validate on at most this many scenes (0: all)
 * @param threads image decoding threads
 * @param model the architecture
 * @param augmenter the augmentation
 * @param commandLine the command line that started the run, for provenance
 * @param init model directory whose weights start the run (same architecture, or one that differs in its attention:
 *     {@link org.vqasp.vision.model.ModelConversion}), or null to start from random weights; ignored when resuming
 *     from a checkpoint
 */
public record TrainConfig(Path data, Path out, String trainSplit, String valSplit, int holdOut, int epochs,
        int batchSize, double learningRate, double weightDecay, int warmupSteps, long seed, int checkpointEvery,
        int limitTrain, int limitVal, int threads, SceneNetConfig model, Augmenter augmenter,
        List<String> commandLine, Path init) {

    /** Checks the values. */
    public TrainConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(augmenter, "augmenter");
        commandLine = commandLine == null ? List.of() : List.copyOf(commandLine);
        if (epochs < 1 || batchSize < 1 || checkpointEvery < 1 || threads < 1 || holdOut < 1) {
            throw new IllegalArgumentException("epochs " + epochs + ", batchSize " + batchSize + ", checkpointEvery "
                    + checkpointEvery + ", threads " + threads + " and holdOut " + holdOut + " must be >= 1");
        }
        if (!(learningRate > 0) || weightDecay < 0 || warmupSteps < 0 || limitTrain < 0 || limitVal < 0) {
            throw new IllegalArgumentException("learningRate " + learningRate + " must be > 0; weightDecay "
                    + weightDecay + ", warmupSteps " + warmupSteps + ", limits must be >= 0");
        }
    }

    /** Returns a builder with the defaults used for the shipped model. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the JSON form of the settings that shape the result (not paths). */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("train_split", trainSplit);
        o.put("val_split", valSplit);
        o.put("hold_out", holdOut);
        o.put("epochs", epochs);
        o.put("batch_size", batchSize);
        o.put("learning_rate", learningRate);
        o.put("weight_decay", weightDecay);
        o.put("warmup_steps", warmupSteps);
        o.put("seed", seed);
        o.put("checkpoint_every", checkpointEvery);
        o.put("limit_train", limitTrain);
        o.put("limit_val", limitVal);
        if (init != null) {
            o.put("init", init.toAbsolutePath().normalize().toString());
        }
        o.set("model", model.toJson(mapper));
        o.set("augmentation", mapper.valueToTree(augmenter));
        return o;
    }

    /** Builder: {@code setData} and {@code setOut} are required. */
    public static final class Builder {
        private Path data;
        private Path out;
        private String trainSplit = "train";
        private String valSplit = "val";
        private int holdOut = 500;
        private int epochs = 30;
        private int batchSize = 16;
        private double learningRate = 2e-3;
        private double weightDecay = 0.05;
        private int warmupSteps = 300;
        private long seed = 1;
        private int checkpointEvery = 200;
        private int limitTrain;
        private int limitVal = 500;
        private int threads = 2;
        private SceneNetConfig model = SceneNetConfig.defaults();
        private Augmenter augmenter = Augmenter.defaults();
        private List<String> commandLine = List.of();
        private Path init;

        Builder() {
        }

        /** Sets the dataset directory. */
        public Builder setData(Path v) {
            data = v;
            return this;
        }

        /** Sets the model directory. */
        public Builder setOut(Path v) {
            out = v;
            return this;
        }

        /** Sets the training split (default train). */
        public Builder optTrainSplit(String v) {
            trainSplit = v;
            return this;
        }

        /** Sets the validation split (default val). */
        public Builder optValSplit(String v) {
            valSplit = v;
            return this;
        }

        /** Sets how many train scenes to hold out when there is no validation split (default 500). */
        public Builder optHoldOut(int v) {
            holdOut = v;
            return this;
        }

        /** Sets the number of epochs (default 30). */
        public Builder optEpochs(int v) {
            epochs = v;
            return this;
        }

        /** Sets the batch size (default 16). */
        public Builder optBatchSize(int v) {
            batchSize = v;
            return this;
        }

        /** Sets the peak learning rate (default 2e-3). */
        public Builder optLearningRate(double v) {
            learningRate = v;
            return this;
        }

        /** Sets the weight decay (default 0.05). */
        public Builder optWeightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** Sets the warm-up steps (default 300). */
        public Builder optWarmupSteps(int v) {
            warmupSteps = v;
            return this;
        }

        /** Sets the seed (default 1). */
        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        /** Sets the steps between checkpoints (default 200). */
        public Builder optCheckpointEvery(int v) {
            checkpointEvery = v;
            return this;
        }

        /** Limits the training scenes (default 0: all). */
        public Builder optLimitTrain(int v) {
            limitTrain = v;
            return this;
        }

        /** Limits the validation scenes (default 500). */
        public Builder optLimitVal(int v) {
            limitVal = v;
            return this;
        }

        /** Sets the image decoding threads (default 2). */
        public Builder optThreads(int v) {
            threads = v;
            return this;
        }

        /** Sets the architecture (default {@link SceneNetConfig#defaults()}). */
        public Builder optModel(SceneNetConfig v) {
            model = v;
            return this;
        }

        /** Sets the augmentation (default {@link Augmenter#defaults()}). */
        public Builder optAugmenter(Augmenter v) {
            augmenter = v;
            return this;
        }

        /** Records the command line for provenance. */
        public Builder optCommandLine(List<String> v) {
            commandLine = v;
            return this;
        }

        /** Starts from the weights of a trained model directory (same architecture but the attention; default none). */
        public Builder optInit(Path v) {
            init = v;
            return this;
        }

        /** Builds the configuration, naming any bad value. */
        public TrainConfig build() {
            if (data == null || out == null) {
                throw new IllegalArgumentException("data and out are required");
            }
            return new TrainConfig(data, out, trainSplit, valSplit, holdOut, epochs, batchSize, learningRate,
                    weightDecay, warmupSteps, seed, checkpointEvery, limitTrain, limitVal, threads, model, augmenter,
                    commandLine, init);
        }
    }
}
