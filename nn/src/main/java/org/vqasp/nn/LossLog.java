package org.vqasp.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.AppendedLines;
import org.vqasp.core.io.AtomicFiles;

/**
 * A training run's {@value #FILE}: one line per optimiser step, {@code {"step", "loss", "learning_rate"}}, appended
 * and flushed as the run goes, so a killed run keeps the loss of every step it took. Resuming from a checkpoint
 * first drops the lines after the checkpoint's step (the resumed run takes those steps again) and a last line cut
 * short by the kill. {@code vqa report} draws the file as the per-step loss curve.
 */
public final class LossLog implements AutoCloseable {

    /** The file's name in the model directory. */
    public static final String FILE = "loss.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    private LossLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Opens the log of a run for appending.
     *
     * @param dir the model directory (created when missing)
     * @param resumedStep the step the run resumes from (0 for a new run): lines of later steps are dropped
     * @return the log
     * @throws VqaspException of kind {@link ErrorKind#IO} when the file cannot be read or written
     */
    public static LossLog open(Path dir, long resumedStep) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                AppendedLines.cutPartialLastLine(file);
                keepUpTo(file, resumedStep);
            }
            return new LossLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the file with its whole lines of steps up to {@code step}, when it holds anything else. */
    private static void keepUpTo(Path file, long step) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                continue; // not a step's line
            }
            if (n != null && n.path("step").isNumber() && n.path("step").asLong() <= step) {
                kept.add(line);
            }
        }
        if (kept.size() != lines.size()) {
            AtomicFiles.write(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        }
    }

    /**
     * Appends one step and flushes.
     *
     * @param step the steps taken so far, this one included
     * @param loss the step's training loss
     * @param learningRate the learning rate the step used
     * @throws VqaspException of kind {@link ErrorKind#IO} when the line cannot be written
     */
    public void append(long step, double loss, double learningRate) {
        try {
            out.write(JSON.writeValueAsString(JSON.createObjectNode().put("step", step).put("loss", loss)
                    .put("learning_rate", learningRate)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
