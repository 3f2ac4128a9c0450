package org.vqasp.vision.train;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.nn.AdamW;
import org.vqasp.nn.TrainingCheckpoint;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneNet;

/**
 * The checkpoint of a training run, {@code checkpoint/} in the model directory: the weights, the optimiser's
 * moments and the {@link TrainingState}, replaced as a whole (written beside, then two renames; a crash between them
 * leaves {@code checkpoint.old}, which a resume reads). A run resumes only from its own data and settings.
 */
final class Checkpoints {

    /** The checkpoint's folder name in the model directory. */
    static final String CHECKPOINT = TrainingCheckpoint.DIR;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Checkpoints() {
    }

    /**
     * Saves a checkpoint.
     *
     * @throws IOException when it cannot be written
     */
    static void save(TrainConfig config, String dataHash, SceneNet net, AdamW optimizer, TrainingState state)
            throws IOException {
        TrainingCheckpoint.write(config.out(), net, ModelDirectory.PARAMS, optimizer, file -> {
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
            MAPPER.writeValue(file.toFile(), s);
        });
    }

    /**
     * Restores the checkpoint of the run in {@code config.out()}, if there is one.
     *
     * @return true when a checkpoint was restored
     * @throws InputException when the checkpoint belongs to other data or settings, or cannot be read
     */
    static boolean resume(TrainConfig config, String dataHash, SceneNet net, AdamW optimizer,
            NDManager manager, TrainingState state) {
        Path dir = TrainingCheckpoint.find(config.out());
        if (dir == null) {
            return false;
        }
        try {
            JsonNode s = MAPPER.readTree(dir.resolve(TrainingCheckpoint.STATE).toFile());
            TrainingCheckpoint.requireSameRun(dir, s, "train_sha256", "training data", dataHash, config.toJson(MAPPER),
                    List.of("model", "batch_size", "seed", "limit_train", "learning_rate", "warmup_steps"));
            TrainingCheckpoint.restore(dir, net, ModelDirectory.PARAMS, optimizer, s.path("optimizer_steps").asLong(),
                    manager);
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
}
