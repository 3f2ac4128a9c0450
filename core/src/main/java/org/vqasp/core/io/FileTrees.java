package org.vqasp.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deletes a directory with everything in it. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Deletes a file, or a directory and everything below it, deepest first; nothing when it does not exist.
     *
     * @throws IOException when something cannot be deleted
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            try {
                Files.delete(p);
            } catch (NoSuchFileException e) {
                // gone already
            }
        }
    }
}
