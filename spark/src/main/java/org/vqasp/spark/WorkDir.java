package org.vqasp.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.io.AtomicFiles;
import org.vqasp.core.io.FileTrees;

/**
 * The work directory of a Spark job inside its output directory, {@code OUT/.spark/}: {@code manifest.json} (what
 * the job is: its inputs and options, and how it was cut), {@code parts/part-NNNNN.*} (each partition's output,
 * committed by an atomic rename once complete) and {@code attempts/} (task attempts in progress). A job run again
 * with the same manifest keeps every committed part; a different manifest discards them. The driver assembles the
 * parts into the files of a local run and deletes the directory.
 *
 * <p>Paths are strings so that executors can be handed them; every worker must see the directory at the same path.
 */
final class WorkDir {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDir.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** The work directory of an output directory. */
    WorkDir(Path out) {
        this.dir = out.resolve(".spark");
    }

    /** Returns the directory. */
    Path dir() {
        return dir;
    }

    /**
     * Starts (or resumes) a job: keeps the committed parts when the manifest is the one on disk, else discards them;
     * discards every unfinished attempt.
     *
     * @param manifest what the job is
     * @return the number of parts kept
     * @throws InputException when the directory cannot be written
     */
    int begin(ObjectNode manifest) {
        Path file = dir.resolve("manifest.json");
        try {
            String text = MAPPER.writeValueAsString(manifest) + "\n";
            if (Files.exists(file)) {
                JsonNode old = readManifest(file);
                // compared as read back: a long written is an int read
                if (!MAPPER.readTree(text).equals(old)) {
                    LOG.info("{}: the job changed since the parts were written; starting over", file);
                    FileTrees.delete(dir);
                }
            }
            Files.createDirectories(dir.resolve("parts"));
            FileTrees.delete(dir.resolve("attempts"));
            Files.createDirectories(dir.resolve("attempts"));
            Path tmp = dir.resolve("manifest.json.partial");
            Files.writeString(tmp, text);
            commit(tmp, file);
            try (Stream<Path> s = Files.list(dir.resolve("parts"))) {
                return (int) s.filter(p -> !p.getFileName().toString().endsWith(".partial")).count();
            }
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, dir + ": cannot write the Spark work directory ("
                    + e.getMessage() + ")", e);
        }
    }

    private static JsonNode readManifest(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return null; // unreadable: treated as another job's
        }
    }

    /** Returns the committed output of partition {@code index}, such as {@code parts/part-00003.jsonl}. */
    static Path part(String dir, int index, String suffix) {
        return Path.of(dir, "parts", String.format("part-%05d.%s", index, suffix));
    }

    /** Returns a fresh directory for one attempt at partition {@code index}. */
    static Path attempt(String dir, int index) {
        Path p = Path.of(dir, "attempts", String.format("part-%05d-%s", index, UUID.randomUUID()));
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
        return p;
    }

    /**
     * Commits a file: forces it to disk, then renames it into place atomically. When another attempt committed the
     * same part first, its file is kept.
     */
    static void commit(Path written, Path target) throws IOException {
        try (FileChannel c = FileChannel.open(written, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        AtomicFiles.move(written, target);
    }

    /**
     * Writes a file as the concatenation of a prefix file (if it exists) and parts, then renames it into place.
     *
     * @param target the file to write
     * @param prefix a file whose content comes first (the target itself, for an earlier local run's rows), or null
     * @param parts the parts, in order
     */
    static void concatenate(Path target, Path prefix, Iterable<Path> parts) {
        Path tmp = target.resolveSibling(target.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (prefix != null && Files.exists(prefix)) {
                    Files.copy(prefix, out);
                }
                for (Path p : parts) {
                    Files.copy(p, out);
                }
            }
            commit(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Deletes the work directory (after the driver assembled the output). */
    void delete() {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
