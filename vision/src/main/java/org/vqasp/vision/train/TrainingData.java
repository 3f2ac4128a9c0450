package org.vqasp.vision.train;

import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrLayout;

/**
 * The images a run trains and validates on: the training split, and the validation split or, without one, the last
 * training scenes held out.
 *
 * @param train the training samples
 * @param validation the validation samples
 * @param trainHash the hash of the training split (scenes file and images)
 * @param valHash the hash of the validation split (the training split's when held out)
 * @param valName the validation split's name, or how it was held out
 */
record TrainingData(List<ClevrImageSet.Sample> train, List<ClevrImageSet.Sample> validation, String trainHash,
        String valHash, String valName) {

    /**
     * Loads the data of a run.
     *
     * @throws InputException when the data is missing or unreadable, or has no training scenes
     */
    static TrainingData load(TrainConfig config, TrainListener listener) {
        var mc = config.model();
        ClevrImageSet train = ClevrImageSet.load(config.data(), config.trainSplit(), config.limitTrain(),
                mc.inputWidth(), mc.inputHeight(), config.threads(),
                n -> listener.loading(config.trainSplit(), n, -1));
        List<ClevrImageSet.Sample> trainSamples = train.samples();
        List<ClevrImageSet.Sample> valSamples;
        String valHash;
        String valName;
        if (ClevrImageSet.exists(config.data(), config.valSplit())) {
            ClevrImageSet val = ClevrImageSet.load(config.data(), config.valSplit(), config.limitVal(),
                    mc.inputWidth(), mc.inputHeight(), config.threads(),
                    n -> listener.loading(config.valSplit(), n, -1));
            valSamples = val.samples();
            valHash = val.sha256();
            valName = config.valSplit();
        } else {
            int hold = Math.min(config.holdOut(), Math.max(1, trainSamples.size() / 10));
            valSamples = trainSamples.subList(trainSamples.size() - hold, trainSamples.size());
            trainSamples = trainSamples.subList(0, trainSamples.size() - hold);
            if (config.limitVal() > 0 && valSamples.size() > config.limitVal()) {
                valSamples = valSamples.subList(0, config.limitVal());
            }
            valHash = train.sha256();
            valName = config.trainSplit() + " (last " + hold + " held out)";
        }
        if (trainSamples.isEmpty()) {
            throw new InputException(ErrorKind.EMPTY_INPUT, ClevrLayout.scenesPath(config.data(), config.trainSplit())
                    + ": no training scenes");
        }
        listener.message("train: " + trainSamples.size() + " images of " + config.trainSplit() + "; validation: "
                + valSamples.size() + " images of " + valName);
        return new TrainingData(trainSamples, valSamples, train.sha256(), valHash, valName);
    }
}
