package org.vqasp.distill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.vqasp.reasoning.Theory;

/** Test data: the bundled gen-dev CLEVR sample as examples, the bundled theory, a guarded clingo. */
final class Fixtures {

    private static List<ClevrExample> genDev;

    private Fixtures() {
    }

    /** Returns a path under the repository's {@code samples/} directory. */
    static Path sample(String relative) {
        String repo = System.getProperty("vqasp.repo");
        Path root = repo != null ? Path.of(repo) : Path.of("..");
        Path p = root.resolve("samples").resolve(relative);
        return Files.exists(p) ? p : Path.of("samples").resolve(relative);
    }

    /** Returns the 3,200 gen-dev questions as examples, in file order (read once). */
    static synchronized List<ClevrExample> genDev() {
        if (genDev == null) {
            genDev = ClevrExample.load(sample("clevr/gen-dev/questions.json"), sample("clevr/gen-dev/scenes.json"));
        }
        return genDev;
    }

    /** Returns the bundled CLEVR theory's text. */
    static String clevrTheory() {
        return Theory.clevr().text();
    }

    /** Returns a guarded clingo with short limits for tests. */
    static GuardedClingo clingo(Duration wall) {
        return GuardedClingo.create(new GuardedClingo.Limits(wall, 1L << 30, 64L << 20));
    }
}
