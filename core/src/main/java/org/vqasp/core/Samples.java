package org.vqasp.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the data bundled in the repository's {@code samples/} directory, for the demo, the commands' defaults
 * and the tests.
 *
 * <p>The repository root is, in order: the system property {@code vqasp.repo} (surefire sets it to the Maven
 * project root), the environment variable {@code VQA_HOME} (the {@code vqa} launcher sets it), then the working
 * directory and its parents.
 */
public final class Samples {

    private Samples() {
    }

    /** Returns the repository root the samples are found under. */
    public static Path root() {
        String repo = System.getProperty("vqasp.repo");
        if (repo != null && !repo.isBlank()) {
            return Path.of(repo).toAbsolutePath().normalize();
        }
        String home = System.getenv("VQA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("samples"))) {
                return d;
            }
        }
        return dir;
    }

    /**
     * Returns a bundled sample file.
     *
     * @param relative the path under {@code samples/}, such as {@code clevr/gen-dev/questions.json}
     * @throws InputException when the sample is missing (a damaged checkout)
     */
    public static Path path(String relative) {
        Path p = root().resolve("samples").resolve(relative);
        if (!Files.exists(p)) {
            throw new InputException(ErrorKind.MISSING_FILE, p + ": bundled sample missing; is this a complete checkout?");
        }
        return p;
    }
}
