package org.vqasp.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.io.FileTrees;

/**
 * The checkpoint of a resumable training run in {@code OUT/checkpoint/}: the weights, the optimizer's moments
 * ({@value #OPTIMIZER}) and the trainer's own {@value #STATE}. It is written to {@code checkpoint.tmp} and then
 * renamed over the previous one (kept as {@code checkpoint.old} until the rename is done), so a run killed at any
 * moment leaves one whole checkpoint.
 */
public final class TrainingCheckpoint {

    /** The checkpoint directory's name inside the run's output directory. */
    public static final String DIR = "checkpoint";
    /** The trainer's state file inside the checkpoint. */
    public static final String STATE = "state.json";
    /** The optimizer's moments inside the checkpoint. */
    public static final String OPTIMIZER = "optimizer.ndlist";

    private TrainingCheckpoint() {
    }

    /** Writes the trainer's state file into a checkpoint being written. */
    @FunctionalInterface
    public interface StateWriter {
        /**
         * Writes the state.
         *
         * @param file the file to write
         */
        void write(Path file) throws IOException;
    }

    /**
     * Writes a checkpoint of a run, replacing the previous one.
     *
     * @param out the run's output directory
     * @param net the network
     * @param params the weights' file name
     * @param optimizer the optimizer
     * @param state writes {@value #STATE}
     */
    public static void write(Path out, Block net, String params, AdamW optimizer, StateWriter state)
            throws IOException {
        Path dir = out.resolve(DIR);
        Path tmp = out.resolve(DIR + ".tmp");
        Path old = out.resolve(DIR + ".old");
        FileTrees.delete(tmp);
        Files.createDirectories(tmp);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp.resolve(params)))) {
            net.saveParameters(new DataOutputStream(os));
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp.resolve(OPTIMIZER)))) {
            optimizer.state().encode(os);
        }
        state.write(tmp.resolve(STATE));
        FileTrees.delete(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.delete(old);
    }

    /**
     * Returns the checkpoint to resume a run from: {@code checkpoint}, or {@code checkpoint.old} when the run was
     * killed between the two renames; null when there is none.
     */
    public static Path find(Path out) {
        for (String name : new String[] {DIR, DIR + ".old"}) {
            Path dir = out.resolve(name);
            if (Files.isRegularFile(dir.resolve(STATE))) {
                return dir;
            }
        }
        return null;
    }

    /**
     * Loads a checkpoint's weights into the network (tracking their gradients again) and its moments into the
     * optimizer.
     *
     * @param dir the checkpoint
     * @param net the network, initialized with the same shapes
     * @param params the weights' file name
     * @param optimizer the optimizer
     * @param optimizerSteps the optimizer's step count saved with the checkpoint
     * @param manager the manager the weights live in
     */
    public static void restore(Path dir, Block net, String params, AdamW optimizer, long optimizerSteps,
            NDManager manager) throws IOException, MalformedModelException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(dir.resolve(params)))) {
            net.loadParameters(manager, new DataInputStream(is));
        }
        for (var p : net.getParameters().values()) { // loading replaces the arrays: track gradients again
            if (p.requiresGradient()) {
                p.getArray().setRequiresGradient(true);
            }
        }
        try (InputStream is = new BufferedInputStream(Files.newInputStream(dir.resolve(OPTIMIZER)));
                NDManager tmp = manager.newSubManager()) {
            optimizer.restore(NDList.decode(tmp, is), optimizerSteps);
        }
    }

    /**
     * Checks that a checkpoint's state was made from the same data and with the same settings as the run that
     * resumes it.
     *
     * @param dir the checkpoint, named in the error
     * @param state the checkpoint's {@value #STATE}
     * @param hashKey the state's key of the data hash
     * @param data what the hash covers, for the error ("training data")
     * @param dataHash the hash of the data now
     * @param now the run's configuration now, as written in the state's {@code config}
     * @param keys the configuration keys that must be equal
     * @throws InputException ({@code checkpoint_mismatch}) naming the first difference
     */
    public static void requireSameRun(Path dir, JsonNode state, String hashKey, String data, String dataHash,
            JsonNode now, List<String> keys) {
        if (!dataHash.equals(state.path(hashKey).asText())) {
            throw new InputException(ErrorKind.CHECKPOINT_MISMATCH, dir + " was made from other " + data + " (hash "
                    + state.path(hashKey).asText() + ", now " + dataHash + "); use another --out");
        }
        JsonNode saved = state.path("config");
        for (String key : keys) {
            if (!saved.path(key).toString().equals(now.path(key).toString())) {
                throw new InputException(ErrorKind.CHECKPOINT_MISMATCH, dir + " was made with " + key + " = "
                        + saved.path(key) + ", now " + now.path(key) + "; use another --out");
            }
        }
    }
}
