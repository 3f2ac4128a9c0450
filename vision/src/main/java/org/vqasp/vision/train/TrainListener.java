package org.vqasp.vision.train;

import org.vqasp.world.SceneMetrics;

import java.nio.file.Path;

/** Receives the progress of a {@link VisionTrainer} run; every method defaults to doing nothing. */
public interface TrainListener {

    /**
     * Progress of one training step.
     *
     * @param epoch current epoch, from 1
     * @param epochs number of epochs
     * @param step steps done in this epoch
     * @param stepsPerEpoch steps per epoch
     * @param globalStep steps done in the run
     * @param totalSteps steps of the whole run
     * @param loss this step's loss
     * @param terms this step's presence, attribute and position terms (they sum to the loss)
     * @param imagesPerSecond training throughput since the run (or resume) started
     * @param etaSeconds estimated seconds left
     */
    record Progress(int epoch, int epochs, int step, int stepsPerEpoch, long globalStep, long totalSteps,
            double loss, double[] terms, double imagesPerSecond, double etaSeconds) {
    }

    /** Called while a split is loaded. */
    default void loading(String split, int done, int total) {
    }

    /** Called after every step. */
    default void step(Progress progress) {
    }

    /** Called after an epoch's validation. */
    default void epoch(int epoch, double trainLoss, SceneMetrics.Evaluation validation) {
    }

    /** Called after a checkpoint is written. */
    default void checkpoint(Path dir, long globalStep) {
    }

    /** Called with a line of news (resume, data sizes, model size). */
    default void message(String line) {
    }
}
