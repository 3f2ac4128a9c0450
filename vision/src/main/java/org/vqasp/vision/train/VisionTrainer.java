package org.vqasp.vision.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.nn.AdamW;
import org.vqasp.nn.LossLog;
import org.vqasp.vision.model.ModelConversion;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneDecoder;
import org.vqasp.vision.model.SceneNet;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.world.SceneMetrics;

/**
 * Trains a {@link SceneNet} on a CLEVR-layout directory: the harness behind {@code vqa train vision}.
 *
 * <p>What the model directory {@code out} holds when a run ends (and after every epoch):
 *
 * <ul>
 *   <li>{@code config.json} and {@code scene-net.params}: the model ({@link ModelDirectory});
 *   <li>{@code loss.jsonl}: every step's loss and learning rate, appended as the run goes ({@link LossLog});
 *   <li>{@code metrics.json}: training loss and validation metrics per epoch, and at the end the presence
 *       threshold calibrated on the validation split (best object F1) with the metrics it gives;
 *   <li>{@code provenance.json}: command line, seed, dataset path and hashes, configuration, Java, OS,
 *       architecture, DJL and engine versions, timings;
 *   <li>{@code checkpoint/}: weights, optimiser moments and loop position, written every
 *       {@code checkpointEvery} steps and at each epoch end, each time replacing the previous one atomically.
 * </ul>
 *
 * <p>Running again with the same {@code out} resumes from the checkpoint: the batch order and augmentation of
 * every step are functions of (seed, epoch, position), so a resumed run takes the same steps as an uninterrupted
 * one and a killed run loses at most one checkpoint interval. The data must hash the same as when the run began,
 * and the architecture, batch size, seed, learning rate and warm-up must not change; {@code epochs} may grow,
 * which extends the cosine schedule from the current step (a warm restart). Every session's command line is kept
 * in the provenance.
 *
 * <p>Its parts: {@link TrainingData} (the splits), {@link Schedule} (sample order, augmentation seeds, learning
 * rate), {@link Checkpoints} (save and resume), {@link TrainingReport} (metrics and provenance); a session's epochs
 * and steps are its own.
 */
public final class VisionTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(VisionTrainer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VisionTrainer() {
    }

    /**
     * What a run produced.
     *
     * @param modelDir the model directory
     * @param validation validation metrics of the last epoch
     * @param steps optimiser steps taken in all sessions of the run
     * @param seconds training seconds in all sessions of the run
     * @param resumed whether this session resumed a checkpoint
     */
    public record Result(Path modelDir, SceneMetrics.Evaluation validation, long steps, double seconds,
            boolean resumed) {
    }

    /**
     * Trains, or resumes training, as configured.
     *
     * @param config the run
     * @param listener progress receiver
     * @return the result
     * @throws InputException when the data is missing or unreadable, or the checkpoint belongs to other data
     */
    public static Result train(TrainConfig config, TrainListener listener) {
        SceneNetConfig mc = config.model();
        Instant started = Instant.now();
        TrainingData data = TrainingData.load(config, listener);
        Engine.getInstance().setRandomSeed((int) config.seed());
        try (NDManager manager = NDManager.newBaseManager()) {
            SceneNet net = new SceneNet(mc);
            net.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), 3, mc.inputHeight(),
                    mc.inputWidth()));
            long parameterCount = net.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            listener.message(String.format("model: %,d parameters (%.1f MB float32)", parameterCount,
                    parameterCount * 4 / 1e6));
            try (AdamW optimizer = new AdamW(manager, net.getParameters(), (float) config.weightDecay())) {
                TrainingState state = new TrainingState();
                boolean resumed = Checkpoints.resume(config, data.trainHash(), net, optimizer, manager, state);
                if (!resumed && config.init() != null) {
                    initialise(net, config.init(), manager);
                    listener.message("initialised from " + config.init());
                }
                if (resumed) {
                    listener.message("resumed at epoch " + (state.epoch + 1) + ", step " + state.step);
                }
                ObjectNode session = MAPPER.createObjectNode();
                ArrayNode sessionCmd = session.putArray("command_line");
                config.commandLine().forEach(sessionCmd::add);
                session.put("started", started.toString());
                session.put("from_step", state.step);
                session.put("epochs", config.epochs());
                state.sessions.add(session);
                try (LossLog lossLog = LossLog.open(config.out(), state.step)) {
                    Session s = new Session(config, data, net, optimizer, manager, state, listener, started,
                            parameterCount, lossLog);
                    List<float[]> valOutputs = s.epochs();
                    SceneMetrics.Evaluation last = s.calibrate(valOutputs);
                    return new Result(config.out(), last, state.step, state.seconds, resumed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + config.out() + ": " + e.getMessage(), e);
        }
    }

    /** One session of a run: its epochs and steps, then the calibration, with the network and state it works on. */
    private static final class Session {
        private final TrainConfig config;
        private final TrainingData data;
        private final SceneNet net;
        private final AdamW optimizer;
        private final NDManager manager;
        private final TrainingState state;
        private final TrainListener listener;
        private final Instant started;
        private final long parameterCount;
        private final Schedule schedule;
        private final ParameterStore ps;
        private final SceneNetConfig mc;
        private final int batch;
        private final int cells;
        private final float[] inputs;
        private final float[] targets;
        private final long sessionStart = System.nanoTime();
        private final double secondsBefore;
        private final long stepsAtStart;
        private final LossLog lossLog;

        Session(TrainConfig config, TrainingData data, SceneNet net, AdamW optimizer, NDManager manager,
                TrainingState state, TrainListener listener, Instant started, long parameterCount, LossLog lossLog) {
            this.lossLog = lossLog;
            this.config = config;
            this.data = data;
            this.net = net;
            this.optimizer = optimizer;
            this.manager = manager;
            this.state = state;
            this.listener = listener;
            this.started = started;
            this.parameterCount = parameterCount;
            this.schedule = new Schedule(config, data.train().size());
            this.ps = new ParameterStore(manager, false);
            this.mc = config.model();
            this.batch = config.batchSize();
            this.cells = mc.gridWidth() * mc.gridHeight();
            this.inputs = new float[batch * 3 * mc.inputHeight() * mc.inputWidth()];
            this.targets = new float[batch * cells * TargetEncoder.CHANNELS];
            this.secondsBefore = state.seconds;
            this.stepsAtStart = state.step;
        }

        /**
         * Trains the epochs left; after each, validates, writes the model and the reports, and checkpoints.
         *
         * @return the validation outputs of the last epoch trained, or null when none was left
         */
        List<float[]> epochs() throws IOException {
            List<float[]> valOutputs = null; // of the weights as they are now, once an epoch has ended
            while (state.epoch < config.epochs()) {
                int[] order = Schedule.permutation(data.train().size(), config.seed(), state.epoch);
                while (state.batch < schedule.stepsPerEpoch()) {
                    step(order);
                }
                double trainLoss = state.lossSum / Math.max(1, state.lossCount);
                valOutputs = outputs(net, ps, manager, data.validation(), mc, batch);
                SceneMetrics.Evaluation last = evaluate(valOutputs, data.validation(), mc);
                state.history.add(TrainingReport.epoch(state, trainLoss, schedule.learningRate(state.step), last));
                state.epoch++;
                state.batch = 0;
                state.lossSum = 0;
                state.lossCount = 0;
                listener.epoch(state.epoch, trainLoss, last);
                ModelDirectory.write(net, config.out());
                TrainingReport.write(config, data, state, started, parameterCount);
                Checkpoints.save(config, data.trainHash(), net, optimizer, state);
                listener.checkpoint(config.out().resolve(Checkpoints.CHECKPOINT), state.step);
            }
            return valOutputs;
        }

        /** Takes one optimiser step on the next batch of the epoch's order, and checkpoints when it is time. */
        private void step(int[] order) throws IOException {
            int objects = 0;
            for (int i = 0; i < batch; i++) {
                int position = state.batch * batch + i;
                ClevrImageSet.Sample s = data.train().get(order[position]);
                SplittableRandom rnd = new SplittableRandom(schedule.sampleSeed(state.epoch, position));
                Augmenter.Result a = config.augmenter().apply(s.rgb(), mc.inputWidth(), mc.inputHeight(), rnd);
                System.arraycopy(a.input(), 0, inputs, i * a.input().length, a.input().length);
                objects += TargetEncoder.encode(s.scene(), mc, s.imageWidth(), s.imageHeight(), a.transform(), targets,
                        i * cells * TargetEncoder.CHANNELS);
            }
            float lr = schedule.learningRate(state.step);
            double loss;
            double[] terms;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(inputs, new Shape(batch, 3, mc.inputHeight(), mc.inputWidth()));
                NDArray t = step.create(targets, new Shape(batch, cells, TargetEncoder.CHANNELS));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDList out = net.forward(ps, new NDList(x), true);
                    SceneLoss.Terms l = SceneLoss.compute(out.head(), t);
                    // an attention variant's auxiliary loss (mixSGA routing) joins the total
                    NDArray total = out.size() > 1 ? l.total().add(out.get(1)) : l.total();
                    gc.backward(total);
                    loss = total.getFloat();
                    terms = new double[] {l.presence().getFloat(), l.attributes().getFloat(),
                        l.positions().getFloat()};
                }
                optimizer.step(lr);
            }
            if (!Double.isFinite(loss)) {
                throw new VqaspException(ErrorKind.DIVERGED, "loss became " + loss + " at step " + state.step
                        + "; lower --lr");
            }
            state.batch++;
            state.step++;
            lossLog.append(state.step, loss, lr);
            state.lossSum += loss;
            state.lossCount++;
            double elapsed = (System.nanoTime() - sessionStart) / 1e9;
            state.seconds = secondsBefore + elapsed;
            double ips = (state.step - stepsAtStart) * batch / Math.max(elapsed, 1e-9);
            long totalSteps = schedule.totalSteps();
            listener.step(new TrainListener.Progress(state.epoch + 1, config.epochs(), state.batch,
                    schedule.stepsPerEpoch(), state.step, totalSteps, loss, terms, ips,
                    (totalSteps - state.step) * batch / Math.max(ips, 1e-9)));
            LOG.debug("step {} loss {} objects {}", state.step, loss, objects);
            if (state.step % config.checkpointEvery() == 0 && state.batch < schedule.stepsPerEpoch()) {
                Checkpoints.save(config, data.trainHash(), net, optimizer, state);
                listener.checkpoint(config.out().resolve(Checkpoints.CHECKPOINT), state.step);
            }
        }

        /**
         * Calibrates the presence threshold on the validation split and reports with it; the last epoch's
         * validation outputs serve, unless this session resumed a finished run and trained no epoch.
         */
        SceneMetrics.Evaluation calibrate(List<float[]> valOutputs) throws IOException {
            List<float[]> outs = valOutputs != null ? valOutputs
                    : outputs(net, ps, manager, data.validation(), mc, batch);
            List<Object[]> sweep = new ArrayList<>();
            double threshold = VisionTrainer.calibrate(outs, data.validation(), mc, sweep);
            SceneNetConfig calibrated = mc.withThreshold(threshold);
            SceneMetrics.Evaluation last = evaluate(outs, data.validation(), calibrated);
            ModelDirectory.write(net, calibrated, config.out());
            state.calibration = TrainingReport.calibration(threshold, sweep, last);
            listener.message(String.format("calibrated presence threshold %.2f: %s", threshold, last.summary()));
            TrainingReport.write(config, data, state, started, parameterCount);
            return last;
        }
    }

    /** Returns the network's output for each sample, (S * OUTPUTS) floats each. */
    static List<float[]> outputs(SceneNet net, ParameterStore ps, NDManager manager,
            List<ClevrImageSet.Sample> samples, SceneNetConfig mc, int batch) {
        List<float[]> all = new ArrayList<>();
        int size = 3 * mc.inputHeight() * mc.inputWidth();
        for (int start = 0; start < samples.size(); start += batch) {
            int n = Math.min(batch, samples.size() - start);
            float[] inputs = new float[n * size];
            for (int i = 0; i < n; i++) {
                float[] x = org.vqasp.vision.model.ImagePreprocessor.normalize(samples.get(start + i).rgb(),
                        mc.inputWidth(), mc.inputHeight());
                System.arraycopy(x, 0, inputs, i * size, size);
            }
            float[] out;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(inputs, new Shape(n, 3, mc.inputHeight(), mc.inputWidth()));
                out = net.forward(ps, new NDList(x), false).head().toFloatArray();
            }
            int per = out.length / n;
            for (int i = 0; i < n; i++) {
                all.add(java.util.Arrays.copyOfRange(out, i * per, (i + 1) * per));
            }
        }
        return all;
    }

    /** Decodes outputs with a configuration's threshold and scores them. */
    static SceneMetrics.Evaluation evaluate(List<float[]> outputs, List<ClevrImageSet.Sample> samples,
            SceneNetConfig mc) {
        SceneMetrics metrics = new SceneMetrics();
        for (int i = 0; i < samples.size(); i++) {
            ClevrImageSet.Sample s = samples.get(i);
            ClevrScene predicted = SceneDecoder.decode(outputs.get(i), mc, s.imageWidth(), s.imageHeight(),
                    s.scene().split(), s.scene().imageIndex(), s.scene().imageFilename());
            metrics.add(s.scene(), predicted);
        }
        return metrics.result();
    }

    /**
     * Picks the presence threshold, from 0.20 to 0.70 in steps of 0.05, with the best object F1 on the
     * validation outputs (ties: higher scene accuracy, then the threshold nearer 0.5).
     *
     * @param sweep receives {threshold, evaluation} for every threshold tried
     * @return the best threshold
     */
    static double calibrate(List<float[]> outputs, List<ClevrImageSet.Sample> samples, SceneNetConfig mc,
            List<Object[]> sweep) {
        double best = mc.threshold();
        double bestF1 = -1;
        double bestScene = -1;
        for (int k = 20; k <= 70; k += 5) {
            double t = k / 100.0;
            SceneMetrics.Evaluation e = evaluate(outputs, samples, mc.withThreshold(t));
            sweep.add(new Object[] {t, e});
            double f1 = 2 * e.precision() * e.recall() / Math.max(1e-12, e.precision() + e.recall());
            if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && (e.sceneAccuracy() > bestScene + 1e-9
                    || (Math.abs(e.sceneAccuracy() - bestScene) <= 1e-9 && Math.abs(t - 0.5) < Math.abs(best - 0.5))))) {
                best = t;
                bestF1 = f1;
                bestScene = e.sceneAccuracy();
            }
        }
        return best;
    }

    /**
     * Loads the weights of a model directory into the network, whose architecture may differ in its attention
     * (up-training, {@link ModelConversion}).
     */
    private static void initialise(SceneNet net, Path dir, NDManager manager) {
        try (NDManager tmp = manager.newSubManager()) {
            ModelConversion.initialise(net, ModelDirectory.read(dir, tmp), dir.toString());
        }
    }


}
