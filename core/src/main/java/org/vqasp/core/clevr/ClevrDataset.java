package org.vqasp.core.clevr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;

/**
 * Entry points for reading released CLEVR v1.0 files ({@code {"info", "scenes": [...]}} and
 * {@code {"info", "questions": [...]}}) as streams.
 */
public final class ClevrDataset {

    private ClevrDataset() {
    }

    /**
     * Opens a questions file; the caller closes the reader.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static DatasetReader<ClevrQuestion> questions(Path file) {
        return questions(JsonItemStream.array(file, "questions"));
    }

    /**
     * Opens a questions file from a mark on (the question there and those after it); the caller closes the reader.
     *
     * @param file the questions file
     * @param at where a reader opened with {@link #questions(Path)} found the first question to read
     * @throws org.vqasp.core.InputException when the file is missing
     */
    public static DatasetReader<ClevrQuestion> questions(Path file, JsonItemStream.Mark at) {
        return questions(JsonItemStream.arrayAt(file, at));
    }

    private static DatasetReader<ClevrQuestion> questions(JsonItemStream stream) {
        return new DatasetReader<>(stream, "question",
                n -> n.hasNonNull("question_index") ? n.get("question_index").asText() : null,
                ClevrJson::question);
    }

    /**
     * Reads every question of a file into a list, for files known to be small and well formed (fixtures,
     * training sets); batch commands stream with {@link #questions(Path)} instead.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     * @throws VqaspException the first bad item's error
     */
    public static List<ClevrQuestion> loadQuestions(Path file) {
        List<ClevrQuestion> out = new ArrayList<>();
        try (DatasetReader<ClevrQuestion> r = questions(file)) {
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

    /**
     * Counts the questions of a file quickly (without building them).
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static long countQuestions(Path file) {
        try (JsonItemStream s = JsonItemStream.array(file, "questions")) {
            return s.countRemaining();
        }
    }

    /**
     * Opens a scenes file; the caller closes the reader.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static DatasetReader<ClevrScene> scenes(Path file) {
        return new DatasetReader<>(JsonItemStream.array(file, "scenes"), "scene",
                n -> n.hasNonNull("image_index") ? n.get("image_index").asText() : null,
                (key, n) -> {
                    ClevrScene s = ClevrJson.scene(n);
                    return s.imageIndex() >= 0 ? s : new ClevrScene(s.split(), Integer.parseInt(key),
                            s.imageFilename(), s.objects(), s.relationships(), s.directions());
                });
    }

    /**
     * Reads every scene of a file into an index by image index. Scenes are small records (the whole
     * CLEVR val split takes a few megabytes); the JSON is streamed.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static SceneIndex loadScenes(Path file) {
        Map<Integer, ClevrScene> scenes = new HashMap<>();
        Map<Integer, VqaspException> failures = new HashMap<>();
        try (DatasetReader<ClevrScene> r = scenes(file)) {
            while (r.hasNext()) {
                DatasetItem<ClevrScene> item = r.next();
                if (item.ok()) {
                    scenes.put(item.value().imageIndex(), item.value());
                } else {
                    failures.put(parseIndex(item.id(), (int) item.index()), item.error());
                }
            }
        }
        return new SceneIndex(scenes, failures);
    }

    private static int parseIndex(String id, int fallback) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Scenes by image index, and the scenes that could not be read.
     *
     * @param scenes readable scenes
     * @param failures why each unreadable scene could not be read
     */
    public record SceneIndex(Map<Integer, ClevrScene> scenes, Map<Integer, VqaspException> failures) {

        /** Copies the maps. */
        public SceneIndex {
            scenes = Map.copyOf(scenes);
            failures = Map.copyOf(failures);
        }

        /** Returns the scene of an image, or null. */
        public ClevrScene get(int imageIndex) {
            return scenes.get(imageIndex);
        }

        /** Returns the number of readable scenes. */
        public int size() {
            return scenes.size();
        }
    }
}
