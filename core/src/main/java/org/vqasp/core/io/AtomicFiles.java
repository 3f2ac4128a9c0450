package org.vqasp.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

/**
 * Writes files so that a reader (or a run killed half-way) never sees half of one: the bytes go to a temporary
 * file beside the target ({@link #TEMP_SUFFIX}), which is then renamed over it in one step.
 */
public final class AtomicFiles {

    /** What temporary files end with; a run may delete leftovers with this ending. */
    public static final String TEMP_SUFFIX = ".partial";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AtomicFiles() {
    }

    /**
     * Writes bytes.
     *
     * @throws VqaspException of kind {@link ErrorKind#IO} when the file cannot be written
     */
    public static void write(Path file, byte[] bytes) {
        Path tmp = temporary(file);
        try {
            Files.write(tmp, bytes);
            move(tmp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a later run deletes leftovers
            }
            throw new VqaspException(ErrorKind.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a text as UTF-8; see {@link #write(Path, byte[])}. */
    public static void write(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes JSON, indented, with a final newline; see {@link #write(Path, byte[])}. */
    public static void writeJson(Path file, JsonNode json) {
        try {
            write(file, JSON.writeValueAsString(json) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new VqaspException(ErrorKind.INTERNAL, "cannot serialise " + file.getFileName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Returns a temporary file beside a target, unique to the calling thread, ending with {@link #TEMP_SUFFIX}. */
    public static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + "." + Thread.currentThread().getId() + TEMP_SUFFIX);
    }

    /**
     * Renames a finished file (or directory) over a target: in one step where the file system allows.
     *
     * @throws IOException when the file system refuses
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
