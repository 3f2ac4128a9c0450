package org.vqasp.vision.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Where a training run stands: the loop position, the loss so far in the epoch, the history; saved with each checkpoint. */
final class TrainingState {
    int epoch;
    int batch;
    long step;
    long optimizerSteps;
    double lossSum;
    int lossCount;
    double seconds;
    List<ObjectNode> history = new ArrayList<>();
    List<ObjectNode> sessions = new ArrayList<>();
    ObjectNode calibration;
}
