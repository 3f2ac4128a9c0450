package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.io.Hashes;

/**
 * The directory of one distillation run, and what a resumed run reads back from it: {@code run.jsonl} (the events of
 * every session, read at open), {@code theory-000.lp} (the starting theory) and {@code theory-NNN.lp} after each
 * accepted change, {@code deleted.lp}, {@code theory.lp} (the final theory), {@code summary.json} and
 * {@code provenance.json}. Every file but the log is written atomically.
 */
final class RunDirectory {

    /** The run log's file name. */
    static final String RUN_LOG = "run.jsonl";
    /** The summary's file name. */
    static final String SUMMARY = "summary.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<JsonNode> events;

    private RunDirectory(Path dir, List<JsonNode> events) {
        this.dir = dir;
        this.events = List.copyOf(events);
    }

    /**
     * Opens a run directory, creating it when missing, and reads the events of earlier sessions.
     *
     * @throws InputException when the directory cannot be created
     */
    static RunDirectory open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, dir + ": cannot create the run directory ("
                    + e.getMessage() + ")");
        }
        return new RunDirectory(dir, RunLog.read(dir.resolve(RUN_LOG)));
    }

    /** Returns the directory. */
    Path path() {
        return dir;
    }

    /** Returns the run log's path. */
    Path log() {
        return dir.resolve(RUN_LOG);
    }

    /** Returns the events earlier sessions logged, in order. */
    List<JsonNode> events() {
        return events;
    }

    /** Returns true when no earlier session started this run. */
    boolean isNew() {
        return events.isEmpty();
    }

    /** Returns the configuration the run started with (the {@code start} event's), or a missing node. */
    JsonNode startConfig() {
        return events.isEmpty() ? JSON.missingNode() : events.get(0).path("config");
    }

    /** Returns the first event of a name, or null. */
    JsonNode first(String name) {
        for (JsonNode e : events) {
            if (name.equals(e.path("event").asText())) {
                return e;
            }
        }
        return null;
    }

    /** Returns the last event of a name, or null. */
    JsonNode last(String name) {
        JsonNode last = null;
        for (JsonNode e : events) {
            if (name.equals(e.path("event").asText())) {
                last = e;
            }
        }
        return last;
    }

    /** Returns the test accuracy an earlier session measured for a theory ({@code full}, {@code before}), or null. */
    Double accuracy(String which) {
        for (JsonNode e : events) {
            if ("evaluation".equals(e.path("event").asText()) && which.equals(e.path("which").asText())) {
                return e.path("accuracy").asDouble();
            }
        }
        return null;
    }

    /** Returns the summary of a run that ended, or null when it did not. */
    DistillSummary finishedSummary() {
        Path file = dir.resolve(SUMMARY);
        if (isNew() || first("end") == null || !Files.exists(file)) {
            return null;
        }
        try {
            return DistillSummary.fromJson(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the starting theory ({@code theory-000.lp}) and what was deleted from the full one. */
    void writeStart(String start, List<Statement> deleted) {
        AtomicFiles.write(dir.resolve(snapshotName(0)), start);
        StringBuilder d = new StringBuilder("% statements deleted from the full theory\n");
        deleted.forEach(s -> d.append(s.text()).append('\n'));
        AtomicFiles.write(dir.resolve("deleted.lp"), d.toString());
    }

    /** Writes the theory after the {@code n}-th accepted change and returns its file. */
    Path writeSnapshot(int n, String theory) {
        Path file = dir.resolve(snapshotName(n));
        AtomicFiles.write(file, theory);
        return file;
    }

    /** Writes the final theory and the summary. */
    void writeEnd(String theory, DistillSummary summary) {
        AtomicFiles.write(dir.resolve("theory.lp"), theory);
        AtomicFiles.writeJson(dir.resolve(SUMMARY), summary.toJson());
    }

    /**
     * Returns where the loop stands after the last finished batch, or the start of the loop.
     *
     * @param start the starting theory
     * @throws InputException when the theory snapshot the log names is missing or differs
     */
    Distiller.State loopState(String start) {
        JsonNode last = last("batch_done");
        if (last == null) {
            return Distiller.State.start(start);
        }
        int snapshots = last.path("snapshots").asInt();
        String theory = snapshots == 0 ? start : read(dir.resolve(snapshotName(snapshots)));
        if (!Hashes.sha256(theory).equals(last.path("theory_sha256").asText())) {
            throw new InputException(ErrorKind.BAD_RESUME, dir + ": theory snapshot " + snapshots
                    + " does not match the run log; the run cannot be resumed");
        }
        List<String> solved = new ArrayList<>();
        last.path("solved").forEach(n -> solved.add(n.asText()));
        return new Distiller.State(last.path("next_batch").asInt(), theory, snapshots, solved,
                Counters.fromJson(last.path("counters")), last.path("seconds").asDouble());
    }

    /**
     * Returns the examples an event lists by identifier, such as the {@code train} of the {@code split} event.
     *
     * @throws InputException when the questions file no longer has one of them
     */
    static List<Example> examples(JsonNode ids, Map<String, Example> byId) {
        List<Example> out = new ArrayList<>();
        for (JsonNode n : ids) {
            Example e = byId.get(n.asText());
            if (e == null) {
                throw new InputException(ErrorKind.BAD_RESUME, "the run log names question " + n.asText()
                        + ", which the questions file no longer has");
            }
            out.add(e);
        }
        return out;
    }

    /** Returns the file name of the theory after the {@code n}-th accepted change, {@code theory-NNN.lp}. */
    static String snapshotName(int n) {
        return String.format("theory-%03d.lp", n);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(ErrorKind.BAD_RESUME, p + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
