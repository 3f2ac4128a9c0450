package org.vqasp.core.gqa;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the GQA sample data bundled in the repository ({@code samples/gqa/}). */
final class GqaSamples {

    private GqaSamples() {
    }

    /** Returns a path under the repository's {@code samples/gqa/} directory. */
    static Path path(String relative) {
        String repo = System.getProperty("vqasp.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("..");
        Path p = root.resolve("samples/gqa").resolve(relative);
        return Files.exists(p) ? p : Path.of("samples/gqa").resolve(relative);
    }
}
