package org.vqasp.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.io.AppendedLines;

/**
 * {@code predictions.jsonl}: appended line by line as questions are answered, flushed after every batch, so
 * a killed run loses nothing already written. Opening an existing file resumes it: a half-written last
 * line is cut off and the identifiers already answered are skipped.
 */
public final class PredictionLog implements AutoCloseable {

    private final Path file;
    private final Set<String> done;
    private final BufferedWriter out;

    private PredictionLog(Path file, Set<String> done, BufferedWriter out) {
        this.file = file;
        this.done = done;
        this.out = out;
    }

    /**
     * Opens (or resumes) the log in a directory.
     *
     * @param dir the run directory; created when missing
     * @return the log, positioned after the last complete line
     * @throws InputException when the directory cannot be written or the file holds a line that is not a
     *     prediction (another file of that name)
     */
    public static PredictionLog open(Path dir) {
        Path file = dir.resolve("predictions.jsonl");
        try {
            Files.createDirectories(dir);
            Set<String> done = new HashSet<>();
            if (Files.exists(file)) {
                AppendedLines.cutPartialLastLine(file);
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    int[] n = {0};
                    lines.forEach(l -> {
                        n[0]++;
                        if (!l.isBlank()) {
                            try {
                                done.add(Prediction.parse(l).id());
                            } catch (IllegalArgumentException e) {
                                throw new InputException(ErrorKind.BAD_PREDICTIONS, file + ":" + n[0]
                                        + ": not a prediction line; use another --out directory");
                            }
                        }
                    });
                }
            }
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new PredictionLog(file, done, w);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, dir + ": cannot write predictions (" + e.getMessage() + ")", e);
        }
    }

    /** Returns the file. */
    public Path file() {
        return file;
    }

    /** Returns true when a question was answered by an earlier run. */
    public boolean done(String id) {
        return done.contains(id);
    }

    /** Returns how many questions earlier runs answered. */
    public int resumed() {
        return done.size();
    }

    /** Appends predictions and flushes them to disk. */
    public synchronized void append(List<Prediction> predictions) {
        try {
            for (Prediction p : predictions) {
                out.write(p.toJson());
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /**
     * Reads every prediction of a file, in order.
     *
     * @param file a predictions file
     * @param sink receives each prediction
     */
    public static void read(Path file, Consumer<Prediction> sink) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.isBlank()).map(Prediction::parse).forEach(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads every prediction of a file into a list. */
    public static List<Prediction> readAll(Path file) {
        List<Prediction> all = new ArrayList<>();
        read(file, all::add);
        return all;
    }

}
