package org.vqasp.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.io.Hashes;

/**
 * Where a model or a run directory came from, as data ({@code provenance.json}): the command line, the seed, the
 * data with its hashes, the configuration, and the machine (Java, OS, architecture, cores) with the versions of the
 * libraries that shape the numbers (DJL and its engine, clingo), whose arithmetic can differ across platforms. Every
 * command that writes a model or a run directory writes one; sections a command alone knows ({@code llm},
 * {@code limits}, ...) are added with {@link #put}.
 *
 * <p>Layout (snake_case keys): {@code command_line} (array), {@code seed}, {@code dataset} (one entry per file or
 * folder: {@code path}, {@code sha256}, ...), {@code config}, the command's own sections, {@code java},
 * {@code os}, {@code arch}, {@code cores}, {@code versions} ({@code {"djl": ..., "clingo": ...}}), {@code written}.
 */
public final class Provenance {

    /** The file name in a model or run directory. */
    public static final String FILE = "provenance.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode dataset = JSON.createObjectNode();
    private final Map<String, JsonNode> sections = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();

    /**
     * Starts a provenance record.
     *
     * @param commandLine the command line that made the model or run, such as {@code ["vqa", "eval", ...]}
     * @param seed the seed, or null when the command takes none
     */
    public Provenance(List<String> commandLine, Long seed) {
        ArrayNode cmd = root.putArray("command_line");
        Objects.requireNonNull(commandLine, "commandLine").forEach(cmd::add);
        if (seed != null) {
            root.put("seed", seed);
        }
    }

    /**
     * Records an input file (hashed) or folder (not hashed) under {@code dataset}.
     *
     * @param name the entry's name, such as {@code questions}
     * @param path the file or folder
     * @return this
     * @throws InputException when a file cannot be read
     */
    public Provenance input(String name, Path path) {
        ObjectNode e = dataset.putObject(name);
        e.put("path", path.toAbsolutePath().normalize().toString());
        if (java.nio.file.Files.isRegularFile(path)) {
            e.put("sha256", Hashes.sha256(path));
        }
        return this;
    }

    /**
     * Records a described input under {@code dataset}, such as a training split with its image count and hash.
     *
     * @param name the entry's name
     * @param entry what to record
     * @return this
     */
    public Provenance input(String name, JsonNode entry) {
        dataset.set(name, entry);
        return this;
    }

    /** Records the configuration. */
    public Provenance config(JsonNode config) {
        return put("config", config);
    }

    /** Records a section of the command's own, such as {@code llm} or {@code limits}. */
    public Provenance put(String key, JsonNode value) {
        sections.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /** Records a library's version, such as {@code ("clingo", "5.4.1")}. */
    public Provenance version(String library, String version) {
        versions.put(library, version);
        return this;
    }

    /** Returns the record as JSON, with the machine and the time of writing. */
    public ObjectNode toJson() {
        ObjectNode o = root.deepCopy();
        if (!dataset.isEmpty()) {
            o.set("dataset", dataset.deepCopy());
        }
        sections.forEach(o::set);
        o.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        o.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        o.put("arch", System.getProperty("os.arch"));
        o.put("cores", Runtime.getRuntime().availableProcessors());
        ObjectNode v = o.putObject("versions");
        versions.forEach(v::put);
        o.put("written", Instant.now().toString());
        return o;
    }

    /** Writes {@link #FILE} into a directory, atomically, and returns its path. */
    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        AtomicFiles.writeJson(file, toJson());
        return file;
    }
}
