package org.vqasp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.vqasp.core.InputException;

/** The repository the {@code vqa} launcher runs from, for the bundled samples and models. */
final class Home {

    private Home() {
    }

    /** Returns the repository root: {@code VQA_HOME} as the launcher sets it, else the working directory. */
    static Path root() {
        String home = System.getenv("VQA_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    /**
     * Returns a bundled sample file.
     *
     * @throws InputException when the sample is missing (a damaged checkout)
     */
    static Path sample(String relative) {
        Path p = root().resolve("samples").resolve(relative);
        if (!Files.exists(p)) {
            throw new InputException("missing_file", p + ": bundled sample missing; is this a complete checkout?");
        }
        return p;
    }
}
