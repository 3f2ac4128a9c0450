package org.vqasp.vision.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.vqasp.core.Provenance;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.world.SceneMetrics;

/**
 * What a training run reports in its model directory, after every epoch and at the end: {@code metrics.json} (the
 * training loss and validation metrics per epoch, and the calibrated presence threshold with what it gives) and
 * {@code provenance.json} (command lines of every session, seed, data with hashes, configuration, machine and
 * library versions, timings).
 */
final class TrainingReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingReport() {
    }

    /** Returns the record of one epoch for {@code metrics.json}. */
    static ObjectNode epoch(TrainingState state, double trainLoss, float learningRate, SceneMetrics.Evaluation val) {
        ObjectNode epochNode = MAPPER.createObjectNode();
        epochNode.put("epoch", state.epoch + 1);
        epochNode.put("step", state.step);
        epochNode.put("train_loss", trainLoss);
        epochNode.put("learning_rate", learningRate);
        epochNode.set("validation", MAPPER.valueToTree(val));
        return epochNode;
    }

    /** Returns the calibration's record: the threshold, every threshold tried, and the metrics at the one chosen. */
    static ObjectNode calibration(double threshold, List<Object[]> sweep, SceneMetrics.Evaluation chosen) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("threshold", threshold);
        ArrayNode rows = c.putArray("sweep");
        for (Object[] row : sweep) {
            ObjectNode r = rows.addObject();
            r.put("threshold", (Double) row[0]);
            r.set("validation", MAPPER.valueToTree(row[1]));
        }
        c.set("validation", MAPPER.valueToTree(chosen));
        return c;
    }

    /**
     * Writes {@code metrics.json} and {@code provenance.json}.
     *
     * @throws IOException when an earlier model's provenance cannot be read
     */
    static void write(TrainConfig config, TrainingData data, TrainingState state, Instant started,
            long parameterCount) throws IOException {
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
                .put("images", data.train().size()).put("sha256", data.trainHash()));
        p.input("validation", MAPPER.createObjectNode().put("path", dataPath).put("split", data.valName())
                .put("images", data.validation().size()).put("sha256", data.valHash()));
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
