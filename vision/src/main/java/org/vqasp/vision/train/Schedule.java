package org.vqasp.vision.train;

import java.util.SplittableRandom;
import org.vqasp.core.Seeds;

/**
 * What each step of a run does, as a function of the seed and where the step is, so that a resumed run takes the
 * same steps as an uninterrupted one: the order of the samples in each epoch, the seed of each sample's
 * augmentation, and the learning rate (linear warm-up, then cosine decay to 5% of the peak).
 */
final class Schedule {

    private final TrainConfig config;
    private final int stepsPerEpoch;
    private final long totalSteps;

    /**
     * Creates the schedule of a run.
     *
     * @param config the run
     * @param trainImages the number of training images
     */
    Schedule(TrainConfig config, int trainImages) {
        this.config = config;
        this.stepsPerEpoch = Math.max(1, trainImages / config.batchSize());
        this.totalSteps = (long) stepsPerEpoch * config.epochs();
    }

    /** Returns the steps of one epoch. */
    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** Returns the steps of the whole run. */
    long totalSteps() {
        return totalSteps;
    }

    /** Returns the learning rate of a step. */
    float learningRate(long step) {
        return learningRate(config, step, totalSteps);
    }

    /** Returns the seed of the augmentation of the sample at a position of an epoch. */
    long sampleSeed(int epoch, int position) {
        return Seeds.of(config.seed(), epoch, position);
    }

    /** Linear warm-up, then cosine decay to 5% of the peak. */
    static float learningRate(TrainConfig config, long step, long totalSteps) {
        double peak = config.learningRate();
        if (step < config.warmupSteps()) {
            return (float) (peak * (step + 1) / config.warmupSteps());
        }
        double progress = Math.min(1.0, (double) (step - config.warmupSteps())
                / Math.max(1, totalSteps - config.warmupSteps()));
        return (float) (peak * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }

    /** The order of the training samples in an epoch: a Fisher-Yates shuffle seeded by (seed, epoch). */
    static int[] permutation(int n, long seed, int epoch) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, epoch, -1));
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
