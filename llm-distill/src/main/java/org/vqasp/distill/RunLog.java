package org.vqasp.distill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.AppendedLines;

/**
 * A run's {@code run.jsonl}: one JSON object per line, {@code {"event": ..., ...}}, written and flushed as it
 * happens, so a killed run keeps every complete line. Every prompt, reply, clingo message and decision goes
 * here; secrets never do: any text that contains one of the secrets given (the API keys in the environment) is
 * written with the secret masked.
 */
public final class RunLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private final List<String> secrets;

    private RunLog(Path file, BufferedWriter out, List<String> secrets) {
        this.file = file;
        this.out = out;
        this.secrets = secrets;
    }

    /**
     * Opens a log for appending; a last line cut short by a kill is dropped first.
     *
     * @param file the log file
     * @param secrets values never to write (blank and short ones are ignored)
     * @return the log
     */
    public static RunLog open(Path file, Collection<String> secrets) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            AppendedLines.cutPartialLastLine(file);
            List<String> s = new ArrayList<>();
            for (String x : secrets) {
                if (x != null && x.strip().length() >= 6) {
                    s.add(x.strip());
                }
            }
            return new RunLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), List.copyOf(s));
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the complete events of a log (none when it does not exist).
     *
     * @param file the log file
     * @return the events in order
     */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Returns the log file. */
    public Path file() {
        return file;
    }

    /**
     * Writes one event.
     *
     * @param event the event's name
     * @param fields fills in the event's other fields
     */
    public synchronized void write(String event, Consumer<ObjectNode> fields) {
        Objects.requireNonNull(event, "event");
        ObjectNode o = JSON.createObjectNode();
        o.put("event", event);
        fields.accept(o);
        try {
            String line = JSON.writeValueAsString(o);
            for (String s : secrets) {
                line = line.replace(s, "***");
            }
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new VqaspException(ErrorKind.IO, "cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
