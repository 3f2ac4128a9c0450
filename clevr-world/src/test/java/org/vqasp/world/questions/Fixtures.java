package org.vqasp.world.questions;

import java.nio.file.Path;
import java.util.List;
import org.vqasp.core.Samples;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;

/**
 * The CLEVR fixtures the repository bundles under {@code samples/clevr/} (see each folder's SOURCES.md), found
 * by {@link Samples}.
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
        return Samples.path(resource.substring(1));
    }

    static List<ClevrQuestion> questions(String resource) {
        return ClevrDataset.loadQuestions(path(resource));
    }

    static ClevrDataset.SceneIndex scenes(String resource) {
        return ClevrDataset.loadScenes(path(resource));
    }
}
