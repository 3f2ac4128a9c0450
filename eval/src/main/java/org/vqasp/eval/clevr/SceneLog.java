package org.vqasp.eval.clevr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrJson;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.AppendedLines;

/**
 * {@code scenes.jsonl}: the scene graph the vision model read from each image of a run, one scene per line in the
 * released CLEVR scene layout (with {@code confidence} and {@code probabilities}), written as images are read, once
 * per image. Reports draw these objects over the images of failed questions and explain answers over them.
 */
public final class SceneLog implements AutoCloseable {

    /** The file's name in a run directory. */
    public static final String FILE = "scenes.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Path file;
    private final Set<String> written;
    private final BufferedWriter out;

    private SceneLog(Path file, Set<String> written, BufferedWriter out) {
        this.file = file;
        this.written = written;
        this.out = out;
    }

    /**
     * Opens (or resumes) the log in a run directory: images already in the file are not written again.
     *
     * @param dir the run directory; created when missing
     * @throws InputException when the directory cannot be written
     */
    public static SceneLog open(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Set<String> written = new HashSet<>();
            if (Files.exists(file)) {
                AppendedLines.cutPartialLastLine(file);
                read(file, name -> true).keySet().forEach(written::add);
            }
            return new SceneLog(file, written, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, dir + ": cannot write " + FILE + " (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Appends a scene unless its image is already in the file; the scene names its image file. */
    public synchronized void append(ClevrScene scene) {
        if (scene.imageFilename() == null || !written.add(scene.imageFilename())) {
            return;
        }
        try {
            StringWriter line = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(line)) {
                ClevrJson.writeScene(g, scene);
            }
            out.write(line.toString());
            out.write('\n');
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
     * Reads the scenes of a log whose image file names pass a filter; a line cut short by a kill, or one that is
     * not a scene, is skipped.
     *
     * @param file a {@code scenes.jsonl}
     * @param wanted which image file names to keep
     * @return the scenes by image file name
     */
    public static Map<String, ClevrScene> read(Path file, Predicate<String> wanted) {
        Map<String, ClevrScene> scenes = new HashMap<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                try {
                    JsonNode n = MAPPER.readTree(line);
                    String name = n == null ? null : n.path("image_filename").asText(null);
                    if (name != null && wanted.test(name)) {
                        scenes.put(name, ClevrJson.scene(n));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // a partial last line or a foreign line: not a scene
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return scenes;
    }
}
