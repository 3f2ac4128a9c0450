package org.vqasp.language.clevr.learned;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of {@link ParserTrainer}: where it writes, what data it makes and reads, the network and the schedule.
 * Built with {@link #builder()}; {@code setOut} is required, the rest has defaults sized for the 2-core machine.
 */
public final class ParserTrainConfig {

    private final Path out;
    private final long seed;
    private final int generatedScenes;
    private final int questionsPerScene;
    private final List<Path> extraScenes;
    private final Path humanQuestions;
    private final Path humanScenes;
    private final Path wording;
    private final int steps;
    private final int batchSize;
    private final double learningRate;
    private final int warmupSteps;
    private final double weightDecay;
    private final int labelRounds;
    private final double humanFraction;
    private final int checkpointEvery;
    private final int evalEvery;
    private final int dim;
    private final int layers;
    private final int heads;
    private final int kvHeads;
    private final int mlpDim;
    private final int maxWords;
    private final int maxTokens;
    private final float dropout;
    private final int beams;
    private final int labelBeams;
    private final int selfTrain;
    private final double selfTrainFraction;
    private final int minWordCount;
    private final double paraphrase;
    private final List<String> commandLine;

    private ParserTrainConfig(Builder b) {
        out = b.out;
        seed = b.seed;
        generatedScenes = b.generatedScenes;
        questionsPerScene = b.questionsPerScene;
        extraScenes = List.copyOf(b.extraScenes);
        humanQuestions = b.humanQuestions;
        humanScenes = b.humanScenes;
        wording = b.wording;
        steps = b.steps;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        warmupSteps = b.warmupSteps;
        weightDecay = b.weightDecay;
        labelRounds = b.labelRounds;
        humanFraction = b.humanFraction;
        checkpointEvery = b.checkpointEvery;
        evalEvery = b.evalEvery;
        dim = b.dim;
        layers = b.layers;
        heads = b.heads;
        kvHeads = b.kvHeads;
        mlpDim = b.mlpDim;
        maxWords = b.maxWords;
        maxTokens = b.maxTokens;
        dropout = b.dropout;
        beams = b.beams;
        labelBeams = b.labelBeams;
        selfTrain = b.selfTrain;
        selfTrainFraction = b.selfTrainFraction;
        minWordCount = b.minWordCount;
        paraphrase = b.paraphrase;
        commandLine = List.copyOf(b.commandLine);
    }

    /** Returns a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the model directory. */
    public Path out() {
        return out;
    }

    /** Returns the seed of every random choice. */
    public long seed() {
        return seed;
    }

    /** Returns how many scenes the generator samples for training questions. */
    public int generatedScenes() {
        return generatedScenes;
    }

    /** Returns how many questions the generator makes per scene. */
    public int questionsPerScene() {
        return questionsPerScene;
    }

    /** Returns scene files whose scenes also get generated questions. */
    public List<Path> extraScenes() {
        return extraScenes;
    }

    /** Returns the human questions with answers (CLEVR layout), or null. */
    public Path humanQuestions() {
        return humanQuestions;
    }

    /** Returns the gold scenes of the human questions, or null. */
    public Path humanScenes() {
        return humanScenes;
    }

    /** Returns unlabelled human questions (wording and self-training), or null. */
    public Path wording() {
        return wording;
    }

    /** Returns the optimiser steps of the whole run. */
    public int steps() {
        return steps;
    }

    /** Returns the most questions per step. */
    public int batchSize() {
        return batchSize;
    }

    /** Returns the peak learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** Returns the warm-up steps. */
    public int warmupSteps() {
        return warmupSteps;
    }

    /** Returns the AdamW decay. */
    public double weightDecay() {
        return weightDecay;
    }

    /** Returns how many times the human questions are labelled by answer search during the run. */
    public int labelRounds() {
        return labelRounds;
    }

    /** Returns the share of each batch pool drawn from labelled human questions. */
    public double humanFraction() {
        return humanFraction;
    }

    /** Returns the steps between checkpoints. */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Returns the steps between validations. */
    public int evalEvery() {
        return evalEvery;
    }

    /**
     * Returns how many unlabelled human questions (from the start of the wording file) the teacher parsers read for
     * self-training.
     */
    public int selfTrain() {
        return selfTrain;
    }

    /** Returns the share of each pool drawn from the self-training labels. */
    public double selfTrainFraction() {
        return selfTrainFraction;
    }

    /** Returns the beam width of the saved model. */
    public int beams() {
        return beams;
    }

    /** Returns the beam width used when labelling. */
    public int labelBeams() {
        return labelBeams;
    }

    /** Returns the least count of a word to enter the vocabulary. */
    public int minWordCount() {
        return minWordCount;
    }

    /** Returns the chance that a generated question is paraphrased when drawn. */
    public double paraphrase() {
        return paraphrase;
    }

    /** Returns the command line that started the run. */
    public List<String> commandLine() {
        return commandLine;
    }

    /** Returns the network configuration for a vocabulary and grammar size. */
    public ParserNetConfig net(int words, int tokens) {
        return new ParserNetConfig(words, tokens, dim, layers, heads, kvHeads, mlpDim, maxWords, maxTokens, dropout);
    }

    /** Returns the settings as JSON (for provenance and the checkpoint check). */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("seed", seed);
        n.put("generated_scenes", generatedScenes);
        n.put("questions_per_scene", questionsPerScene);
        ArrayNode extra = n.putArray("extra_scenes");
        extraScenes.forEach(p -> extra.add(p.toString()));
        n.put("human_questions", humanQuestions == null ? null : humanQuestions.toString());
        n.put("human_scenes", humanScenes == null ? null : humanScenes.toString());
        n.put("wording", wording == null ? null : wording.toString());
        n.put("steps", steps);
        n.put("batch_size", batchSize);
        n.put("learning_rate", learningRate);
        n.put("warmup_steps", warmupSteps);
        n.put("weight_decay", weightDecay);
        n.put("label_rounds", labelRounds);
        n.put("human_fraction", humanFraction);
        n.put("self_train", selfTrain);
        n.put("self_train_fraction", selfTrainFraction);
        n.put("beams", beams);
        n.put("label_beams", labelBeams);
        n.put("min_word_count", minWordCount);
        n.put("paraphrase", paraphrase);
        ObjectNode model = n.putObject("model");
        model.put("dim", dim);
        model.put("layers", layers);
        model.put("heads", heads);
        model.put("kv_heads", kvHeads);
        model.put("mlp_dim", mlpDim);
        model.put("max_words", maxWords);
        model.put("max_tokens", maxTokens);
        model.put("dropout", (double) dropout);
        n.put("checkpoint_every", checkpointEvery);
        n.put("eval_every", evalEvery);
        return n;
    }

    /** Builds a {@link ParserTrainConfig}; {@link #setOut} is required. */
    public static final class Builder {
        private Path out;
        private long seed = 1;
        private int generatedScenes = 6000;
        private int questionsPerScene = 10;
        private List<Path> extraScenes = new ArrayList<>();
        private Path humanQuestions;
        private Path humanScenes;
        private Path wording;
        private int steps = 12000;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private int warmupSteps = 500;
        private double weightDecay = 0.01;
        private int labelRounds = 2;
        private double humanFraction = 0.2;
        private int checkpointEvery = 500;
        private int evalEvery = 1000;
        private int dim = 192;
        private int layers = 3;
        private int heads = 6;
        private int kvHeads = 2;
        private int mlpDim = 384;
        private int maxWords = 48;
        private int maxTokens = 40;
        private float dropout = 0.1f;
        private int beams = 4;
        private int labelBeams = 12;
        private int selfTrain;
        private double selfTrainFraction = 0.15;
        private int minWordCount = 2;
        private double paraphrase = 0.8;
        private List<String> commandLine = List.of();

        Builder() {
        }

        /** Sets the model directory (required). */
        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        /** Sets the seed (default 1). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of generated scenes (default 6000) and questions per scene (default 10). */
        public Builder optGenerated(int scenes, int questionsPerScene) {
            this.generatedScenes = scenes;
            this.questionsPerScene = questionsPerScene;
            return this;
        }

        /** Adds scene files whose scenes also get generated questions. */
        public Builder optExtraScenes(List<Path> files) {
            this.extraScenes = new ArrayList<>(files);
            return this;
        }

        /** Sets the human questions with answers and their gold scenes (default none). */
        public Builder optHuman(Path questions, Path scenes) {
            this.humanQuestions = questions;
            this.humanScenes = scenes;
            return this;
        }

        /** Sets unlabelled human questions for the vocabulary and self-training (default none). */
        public Builder optWording(Path wording) {
            this.wording = wording;
            return this;
        }

        /** Sets the optimiser steps (default 12000). */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Sets the most questions per step (default 64). */
        public Builder optBatchSize(int b) {
            this.batchSize = b;
            return this;
        }

        /** Sets the peak learning rate (default 1e-3). */
        public Builder optLearningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        /** Sets the warm-up steps (default 500). */
        public Builder optWarmupSteps(int w) {
            this.warmupSteps = w;
            return this;
        }

        /** Sets the AdamW decay (default 0.01). */
        public Builder optWeightDecay(double d) {
            this.weightDecay = d;
            return this;
        }

        /** Sets the labelling rounds (default 2) and the human share of each pool (default 0.2). */
        public Builder optLabelling(int rounds, double humanFraction) {
            this.labelRounds = rounds;
            this.humanFraction = humanFraction;
            return this;
        }

        /**
         * Sets how many unlabelled questions the teacher parsers read for self-training (default 0: none) and the
         * share of each pool drawn from their labels (default 0.15).
         */
        public Builder optSelfTrain(int n, double fraction) {
            this.selfTrain = n;
            this.selfTrainFraction = fraction;
            return this;
        }

        /** Sets the steps between checkpoints (default 500) and between validations (default 1000). */
        public Builder optIntervals(int checkpointEvery, int evalEvery) {
            this.checkpointEvery = checkpointEvery;
            this.evalEvery = evalEvery;
            return this;
        }

        /** Sets the network's width, encoder layers, heads, key/value heads and MLP width. */
        public Builder optNet(int dim, int layers, int heads, int kvHeads, int mlpDim) {
            this.dim = dim;
            this.layers = layers;
            this.heads = heads;
            this.kvHeads = kvHeads;
            this.mlpDim = mlpDim;
            return this;
        }

        /** Sets the longest question (default 48 words) and program (default 40 tokens). */
        public Builder optLengths(int maxWords, int maxTokens) {
            this.maxWords = maxWords;
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sets the drop rate (default 0.1). */
        public Builder optDropout(float d) {
            this.dropout = d;
            return this;
        }

        /** Sets the beam widths of the saved model (default 4) and of labelling (default 12). */
        public Builder optBeams(int beams, int labelBeams) {
            this.beams = beams;
            this.labelBeams = labelBeams;
            return this;
        }

        /** Sets the least count of a vocabulary word (default 2). */
        public Builder optMinWordCount(int n) {
            this.minWordCount = n;
            return this;
        }

        /** Sets the chance that a generated question is paraphrased when drawn (default 0.8). */
        public Builder optParaphrase(double p) {
            this.paraphrase = p;
            return this;
        }

        /** Sets the command line recorded in the provenance. */
        public Builder optCommandLine(List<String> cmd) {
            this.commandLine = List.copyOf(cmd);
            return this;
        }

        /**
         * Checks the values and builds.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public ParserTrainConfig build() {
            Objects.requireNonNull(out, "out");
            check(generatedScenes > 0, "generated scenes must be positive, got " + generatedScenes);
            check(questionsPerScene > 0, "questions per scene must be positive, got " + questionsPerScene);
            check(steps > 0, "steps must be positive, got " + steps);
            check(batchSize > 0, "batch size must be positive, got " + batchSize);
            check(learningRate > 0, "learning rate must be positive, got " + learningRate);
            check(warmupSteps >= 0, "warm-up steps must not be negative, got " + warmupSteps);
            check(weightDecay >= 0, "weight decay must not be negative, got " + weightDecay);
            check(labelRounds >= 0, "label rounds must not be negative, got " + labelRounds);
            check(humanFraction >= 0 && humanFraction < 1, "human fraction must be in [0, 1), got " + humanFraction);
            check(checkpointEvery > 0 && evalEvery > 0, "checkpoint and eval intervals must be positive");
            check(beams > 0 && labelBeams > 0, "beam widths must be positive");
            check(paraphrase >= 0 && paraphrase <= 1, "paraphrase must be in [0, 1], got " + paraphrase);
            check(selfTrain >= 0, "self-train must not be negative, got " + selfTrain);
            check(selfTrainFraction >= 0 && humanFraction + selfTrainFraction < 1,
                    "self-train fraction must be >= 0 and, with the human fraction, below 1; got " + selfTrainFraction);
            check((humanQuestions == null) == (humanScenes == null),
                    "human questions and human scenes go together");
            check(selfTrain == 0 || wording != null, "self-training needs unlabelled wording (--wording)");
            new ParserNetConfig(2, 1, dim, layers, heads, kvHeads, mlpDim, maxWords, maxTokens, dropout);
            return new ParserTrainConfig(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
