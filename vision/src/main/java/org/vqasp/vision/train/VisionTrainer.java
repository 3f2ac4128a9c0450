package org.vqasp.vision.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Provenance;
import org.vqasp.core.Seeds;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.io.FileTrees;
import org.vqasp.nn.AdamW;
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
 */
public final class VisionTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(VisionTrainer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String CHECKPOINT = "checkpoint";

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

        Engine.getInstance().setRandomSeed((int) config.seed());
        int batch = config.batchSize();
        int stepsPerEpoch = Math.max(1, trainSamples.size() / batch);
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        int cells = mc.gridWidth() * mc.gridHeight();
        try (NDManager manager = NDManager.newBaseManager()) {
            SceneNet net = new SceneNet(mc);
            net.initialize(manager, DataType.FLOAT32, new Shape(batch, 3, mc.inputHeight(), mc.inputWidth()));
            long parameterCount = net.getParameters().stream().mapToLong(p -> p.getValue().getArray().size()).sum();
            listener.message(String.format("model: %,d parameters (%.1f MB float32)", parameterCount,
                    parameterCount * 4 / 1e6));
            try (AdamW optimizer = new AdamW(manager, net.getParameters(), (float) config.weightDecay())) {
                State state = new State();
                boolean resumed = resume(config, train.sha256(), net, optimizer, manager, state);
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
                ParameterStore ps = new ParameterStore(manager, false);
                long sessionStart = System.nanoTime();
                double secondsBefore = state.seconds;
                long stepsAtStart = state.step;
                SceneMetrics.Evaluation last = null;
                List<float[]> valOutputs = null; // of the weights as they are now, once an epoch has ended
                float[] inputs = new float[batch * 3 * mc.inputHeight() * mc.inputWidth()];
                float[] targets = new float[batch * cells * TargetEncoder.CHANNELS];
                while (state.epoch < config.epochs()) {
                    int[] order = permutation(trainSamples.size(), config.seed(), state.epoch);
                    while (state.batch < stepsPerEpoch) {
                        int objects = 0;
                        for (int i = 0; i < batch; i++) {
                            int position = state.batch * batch + i;
                            ClevrImageSet.Sample s = trainSamples.get(order[position]);
                            SplittableRandom rnd = new SplittableRandom(Seeds.of(config.seed(), state.epoch, position));
                            Augmenter.Result a = config.augmenter().apply(s.rgb(), mc.inputWidth(), mc.inputHeight(),
                                    rnd);
                            System.arraycopy(a.input(), 0, inputs, i * a.input().length, a.input().length);
                            objects += TargetEncoder.encode(s.scene(), mc, s.imageWidth(), s.imageHeight(),
                                    a.transform(), targets, i * cells * TargetEncoder.CHANNELS);
                        }
                        float lr = learningRate(config, state.step, totalSteps);
                        double loss;
                        double[] terms;
                        try (NDManager step = manager.newSubManager()) {
                            NDArray x = step.create(inputs, new Shape(batch, 3, mc.inputHeight(), mc.inputWidth()));
                            NDArray t = step.create(targets, new Shape(batch, cells, TargetEncoder.CHANNELS));
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                NDArray out = net.forward(ps, new NDList(x), true).head();
                                SceneLoss.Terms l = SceneLoss.compute(out, t);
                                gc.backward(l.total());
                                loss = l.total().getFloat();
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
                        state.lossSum += loss;
                        state.lossCount++;
                        double elapsed = (System.nanoTime() - sessionStart) / 1e9;
                        state.seconds = secondsBefore + elapsed;
                        double ips = (state.step - stepsAtStart) * batch / Math.max(elapsed, 1e-9);
                        listener.step(new TrainListener.Progress(state.epoch + 1, config.epochs(), state.batch,
                                stepsPerEpoch, state.step, totalSteps, loss, terms, ips,
                                (totalSteps - state.step) * batch / Math.max(ips, 1e-9)));
                        LOG.debug("step {} loss {} objects {}", state.step, loss, objects);
                        if (state.step % config.checkpointEvery() == 0 && state.batch < stepsPerEpoch) {
                            checkpoint(config, train.sha256(), net, optimizer, state);
                            listener.checkpoint(config.out().resolve(CHECKPOINT), state.step);
                        }
                    }
                    double trainLoss = state.lossSum / Math.max(1, state.lossCount);
                    valOutputs = outputs(net, ps, manager, valSamples, mc, batch);
                    last = evaluate(valOutputs, valSamples, mc);
                    ObjectNode epochNode = MAPPER.createObjectNode();
                    epochNode.put("epoch", state.epoch + 1);
                    epochNode.put("step", state.step);
                    epochNode.put("train_loss", trainLoss);
                    epochNode.put("learning_rate", learningRate(config, state.step, totalSteps));
                    epochNode.set("validation", MAPPER.valueToTree(last));
                    state.history.add(epochNode);
                    state.epoch++;
                    state.batch = 0;
                    state.lossSum = 0;
                    state.lossCount = 0;
                    listener.epoch(state.epoch, trainLoss, last);
                    ModelDirectory.write(net, config.out());
                    writeReports(config, train.sha256(), trainSamples.size(), valName, valHash, valSamples.size(),
                            state, started, parameterCount);
                    checkpoint(config, train.sha256(), net, optimizer, state);
                    listener.checkpoint(config.out().resolve(CHECKPOINT), state.step);
                }
                // calibrate the presence threshold on the validation split and report with it; the last epoch's
                // validation outputs serve, unless this session resumed a finished run and trained no epoch
                List<float[]> outs = valOutputs != null ? valOutputs
                        : outputs(net, ps, manager, valSamples, mc, batch);
                List<Object[]> sweep = new ArrayList<>();
                double threshold = calibrate(outs, valSamples, mc, sweep);
                SceneNetConfig calibrated = mc.withThreshold(threshold);
                last = evaluate(outs, valSamples, calibrated);
                ModelDirectory.write(net, calibrated, config.out());
                state.calibration = MAPPER.createObjectNode();
                state.calibration.put("threshold", threshold);
                ArrayNode rows = state.calibration.putArray("sweep");
                for (Object[] row : sweep) {
                    ObjectNode r = rows.addObject();
                    r.put("threshold", (Double) row[0]);
                    r.set("validation", MAPPER.valueToTree(row[1]));
                }
                state.calibration.set("validation", MAPPER.valueToTree(last));
                listener.message(String.format("calibrated presence threshold %.2f: %s", threshold, last.summary()));
                writeReports(config, train.sha256(), trainSamples.size(), valName, valHash, valSamples.size(),
                        state, started, parameterCount);
                return new Result(config.out(), last, state.step, state.seconds, resumed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + config.out() + ": " + e.getMessage(), e);
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


    /** Loop position and history, saved with each checkpoint. */
    private static final class State {
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

    private static void checkpoint(TrainConfig config, String dataHash, SceneNet net, AdamW optimizer, State state)
            throws IOException {
        Path out = config.out();
        Path tmp = out.resolve(CHECKPOINT + ".tmp");
        Path dir = out.resolve(CHECKPOINT);
        Path old = out.resolve(CHECKPOINT + ".old");
        FileTrees.delete(tmp);
        Files.createDirectories(tmp);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp.resolve(ModelDirectory.PARAMS)))) {
            net.saveParameters(new DataOutputStream(os));
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp.resolve("optimizer.ndlist")))) {
            optimizer.state().encode(os);
        }
        ObjectNode s = MAPPER.createObjectNode();
        s.put("epoch", state.epoch);
        s.put("batch", state.batch);
        s.put("step", state.step);
        s.put("optimizer_steps", optimizer.steps());
        s.put("loss_sum", state.lossSum);
        s.put("loss_count", state.lossCount);
        s.put("seconds", state.seconds);
        s.put("train_sha256", dataHash);
        s.set("config", config.toJson(MAPPER));
        ArrayNode h = s.putArray("history");
        state.history.forEach(h::add);
        ArrayNode sessions = s.putArray("sessions");
        state.sessions.forEach(sessions::add);
        MAPPER.writeValue(tmp.resolve("state.json").toFile(), s);
        FileTrees.delete(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(old);
    }

    private static boolean resume(TrainConfig config, String dataHash, SceneNet net, AdamW optimizer,
            NDManager manager, State state) {
        Path dir = config.out().resolve(CHECKPOINT);
        if (!Files.isRegularFile(dir.resolve("state.json"))) {
            dir = config.out().resolve(CHECKPOINT + ".old"); // a crash between the two renames
            if (!Files.isRegularFile(dir.resolve("state.json"))) {
                return false;
            }
        }
        try {
            JsonNode s = MAPPER.readTree(dir.resolve("state.json").toFile());
            if (!dataHash.equals(s.path("train_sha256").asText())) {
                throw new InputException(ErrorKind.CHECKPOINT_MISMATCH, dir + " was made from other training data (hash "
                        + s.path("train_sha256").asText() + ", now " + dataHash + "); use another --out");
            }
            JsonNode savedConfig = s.path("config");
            JsonNode nowConfig = config.toJson(MAPPER);
            for (String key : List.of("model", "batch_size", "seed", "limit_train", "learning_rate", "warmup_steps")) {
                if (!savedConfig.path(key).toString().equals(nowConfig.path(key).toString())) {
                    throw new InputException(ErrorKind.CHECKPOINT_MISMATCH, dir + " was made with " + key + " = "
                            + savedConfig.path(key) + ", now " + nowConfig.path(key) + "; use another --out");
                }
            }
            try (InputStream is = new BufferedInputStream(Files.newInputStream(dir.resolve(ModelDirectory.PARAMS)))) {
                net.loadParameters(manager, new DataInputStream(is));
            }
            for (var p : net.getParameters().values()) { // loading replaces the arrays: track gradients again
                if (p.requiresGradient()) {
                    p.getArray().setRequiresGradient(true);
                }
            }
            try (InputStream is = new BufferedInputStream(Files.newInputStream(dir.resolve("optimizer.ndlist")));
                    NDManager tmp = manager.newSubManager()) {
                optimizer.restore(NDList.decode(tmp, is), s.path("optimizer_steps").asLong());
            }
            state.epoch = s.path("epoch").asInt();
            state.batch = s.path("batch").asInt();
            state.step = s.path("step").asLong();
            state.lossSum = s.path("loss_sum").asDouble();
            state.lossCount = s.path("loss_count").asInt();
            state.seconds = s.path("seconds").asDouble();
            for (JsonNode e : s.path("history")) {
                state.history.add((ObjectNode) e);
            }
            for (JsonNode e : s.path("sessions")) {
                state.sessions.add((ObjectNode) e);
            }
            return true;
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new InputException(ErrorKind.BAD_CHECKPOINT, "cannot resume from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the weights of a model directory into the network, which must have the same architecture. */
    private static void initialise(SceneNet net, Path dir, NDManager manager) {
        try (NDManager tmp = manager.newSubManager()) {
            SceneNet source = ModelDirectory.read(dir, tmp);
            if (!source.config().withThreshold(net.config().threshold())
                    .withMirrorAverage(net.config().mirrorAverage()).equals(net.config())) {
                throw new InputException(ErrorKind.INIT_MISMATCH, dir + " holds " + source.config() + ", not "
                        + net.config());
            }
            var from = source.getParameters();
            var to = net.getParameters();
            for (int i = 0; i < to.size(); i++) {
                if (!to.get(i).getKey().equals(from.get(i).getKey())) {
                    throw new InputException(ErrorKind.INIT_MISMATCH, dir + ": parameter " + from.get(i).getKey()
                            + " where " + to.get(i).getKey() + " was expected");
                }
                to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
            }
        }
    }

    private static void writeReports(TrainConfig config, String trainHash, int trainImages, String valName,
            String valHash, int valImages, State state, Instant started, long parameterCount) throws IOException {
        ObjectNode metrics = MAPPER.createObjectNode();
        ArrayNode epochs = metrics.putArray("epochs");
        state.history.forEach(epochs::add);
        if (!state.history.isEmpty()) {
            metrics.set("last_epoch", state.history.get(state.history.size() - 1));
        }
        if (state.calibration != null) {
            metrics.set("final", state.calibration);
        }
        AtomicFiles.writeJson(config.out().resolve("metrics.json"), metrics);

        Provenance p = new Provenance(config.commandLine(), config.seed());
        String dataPath = config.data().toAbsolutePath().normalize().toString();
        p.input("train", MAPPER.createObjectNode().put("path", dataPath).put("split", config.trainSplit())
                .put("images", trainImages).put("sha256", trainHash));
        p.input("validation", MAPPER.createObjectNode().put("path", dataPath).put("split", valName)
                .put("images", valImages).put("sha256", valHash));
        Path generator = config.data().resolve(Provenance.FILE);
        if (Files.isRegularFile(generator)) {
            p.put("generator_provenance", MAPPER.readTree(generator.toFile()));
        }
        p.config(config.toJson(MAPPER));
        if (config.init() != null && Files.isRegularFile(config.init().resolve(Provenance.FILE))) {
            p.put("init_provenance", MAPPER.readTree(config.init().resolve(Provenance.FILE).toFile()));
        }
        ArrayNode sessions = MAPPER.createArrayNode();
        state.sessions.forEach(sessions::add);
        p.put("sessions", sessions);
        p.put("training", MAPPER.createObjectNode().put("parameters", parameterCount).put("steps", state.step)
                .put("epochs_done", state.epoch).put("seconds", state.seconds).put("session_started", started.toString()));
        p.version("djl", Engine.getDjlVersion());
        p.version("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        p.write(config.out());
    }

}
