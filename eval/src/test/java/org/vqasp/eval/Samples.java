package org.vqasp.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the sample data bundled in the repository ({@code samples/}). */
public final class Samples {

    private Samples() {
    }

    /** Returns a path under the repository's {@code samples/} directory. */
    public static Path path(String relative) {
        String repo = System.getProperty("vqasp.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("..");
        Path p = root.resolve("samples").resolve(relative);
        return Files.exists(p) ? p : Path.of("samples").resolve(relative);
    }
}
