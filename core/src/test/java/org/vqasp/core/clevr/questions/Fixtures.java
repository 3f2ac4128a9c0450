package org.vqasp.core.clevr.questions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.json.DatasetReader;

/**
 * The CLEVR fixtures the repository bundles under {@code samples/clevr/} (see each folder's SOURCES.md);
 * surefire passes the repository root as the system property {@code vqasp.repo}.
 */
final class Fixtures {

    static final String GEN_DEV_QUESTIONS = "/clevr/gen-dev/questions.json";
    static final String GEN_DEV_SCENES = "/clevr/gen-dev/scenes.json";
    static final String REAL_DEV_QUESTIONS = "/clevr/real-dev/questions.json";
    static final String VAL_QUESTIONS = "/clevr/val-sample/CLEVR_val_questions.json";
    static final String VAL_SCENES = "/clevr/val-sample/CLEVR_val_scenes.json";

    private Fixtures() {
    }

    static Path path(String resource) {
        Path root = Path.of(System.getProperty("vqasp.repo", ".."));
        Path p = root.resolve("samples").resolve(resource.substring(1));
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing sample " + p);
        }
        return p;
    }

    static List<ClevrQuestion> questions(String resource) {
        List<ClevrQuestion> out = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(path(resource))) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                if (!item.ok()) {
                    throw item.error();
                }
                out.add(item.value());
            }
        }
        return out;
    }

    static ClevrDataset.SceneIndex scenes(String resource) {
        return ClevrDataset.loadScenes(path(resource));
    }
}
