package org.vqasp.core.gqa;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;

/**
 * Entry points for reading the released GQA files as streams: questions ({@code {qid: {...}}}, such as
 * {@code val_balanced_questions.json}) and scene graphs ({@code {imageId: {...}}}, such as
 * {@code val_sceneGraphs.json}).
 *
 * <p>A bad entry becomes an error item naming the file, the entry and what was expected; a file that is
 * missing or not JSON raises an {@link org.vqasp.core.InputException}.
 */
public final class GqaDataset {

    /** Stands for a scene graph that was skipped while loading. */
    private static final GqaSceneGraph SKIPPED = GqaSceneGraph.empty("skipped");

    private GqaDataset() {
    }

    /**
     * Opens a questions file; the caller closes the reader.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static DatasetReader<GqaQuestion> questions(Path file) {
        return new DatasetReader<>(JsonItemStream.entries(file), "question", n -> null, GqaJson::question);
    }

    /**
     * Opens a questions file from a mark on (the question there and those after it); the caller closes the reader.
     *
     * @param file the questions file
     * @param at where a reader opened with {@link #questions(Path)} found the first question to read
     * @throws org.vqasp.core.InputException when the file is missing
     */
    public static DatasetReader<GqaQuestion> questions(Path file, JsonItemStream.Mark at) {
        return new DatasetReader<>(JsonItemStream.entriesAt(file, at), "question", n -> null, GqaJson::question);
    }

    /**
     * Returns the image ids of the first questions of a file, reading nothing else of them.
     *
     * @param file the questions file
     * @param limit how many questions, or 0 for all
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static Set<String> imageIds(Path file, long limit) {
        Set<String> ids = new HashSet<>();
        long n = 0;
        try (JsonItemStream s = JsonItemStream.entries(file)) {
            while (s.hasNext() && (limit == 0 || n < limit)) {
                JsonNode q = s.next().getValue();
                n++;
                if (q != null && q.hasNonNull("imageId") && q.get("imageId").isValueNode()) {
                    ids.add(q.get("imageId").asText());
                }
            }
        }
        return ids;
    }

    /**
     * Counts the entries of a questions file without reading them (for progress).
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static long countQuestions(Path file) {
        try (JsonItemStream s = JsonItemStream.entries(file)) {
            return s.countRemaining();
        }
    }

    /**
     * Opens a scene-graphs file; the caller closes the reader.
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static DatasetReader<GqaSceneGraph> sceneGraphs(Path file) {
        return new DatasetReader<>(JsonItemStream.entries(file), "scene graph", n -> null, GqaJson::sceneGraph);
    }

    /**
     * Opens a scene-graphs file from a mark on (the scene graph there and those after it); the caller closes the
     * reader.
     *
     * @param file the scene-graphs file
     * @param at where a reader opened with {@link #sceneGraphs(Path)} found the first scene graph to read
     * @throws org.vqasp.core.InputException when the file is missing
     */
    public static DatasetReader<GqaSceneGraph> sceneGraphs(Path file, JsonItemStream.Mark at) {
        return new DatasetReader<>(JsonItemStream.entriesAt(file, at), "scene graph", n -> null,
                GqaJson::sceneGraph);
    }

    /**
     * Reads every scene graph of a file into an index by image id (the JSON is streamed; the records are
     * kept).
     *
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static SceneGraphIndex loadSceneGraphs(Path file) {
        return loadSceneGraphs(file, id -> true);
    }

    /**
     * Reads the scene graphs of some images of a file into an index by image id; the others are skipped
     * (released train scene graphs take gigabytes as records).
     *
     * @param file the scene-graphs file
     * @param wanted which image ids to keep
     * @throws org.vqasp.core.InputException when the file is missing or malformed
     */
    public static SceneGraphIndex loadSceneGraphs(Path file, Predicate<String> wanted) {
        Map<String, GqaSceneGraph> graphs = new HashMap<>();
        Map<String, VqaspException> failures = new HashMap<>();
        try (DatasetReader<GqaSceneGraph> r = new DatasetReader<>(JsonItemStream.entries(file), "scene graph",
                n -> null, (key, n) -> wanted.test(key) ? GqaJson.sceneGraph(key, n) : SKIPPED)) {
            while (r.hasNext()) {
                DatasetItem<GqaSceneGraph> item = r.next();
                if (item.ok() && item.value() == SKIPPED) {
                    continue;
                }
                if (item.ok()) {
                    graphs.put(item.id(), item.value());
                } else {
                    failures.put(item.id(), item.error());
                }
            }
        }
        return new SceneGraphIndex(graphs, failures);
    }

    /**
     * Scene graphs by image id, and the entries that could not be read.
     *
     * @param graphs readable scene graphs
     * @param failures why each unreadable entry could not be read
     */
    public record SceneGraphIndex(Map<String, GqaSceneGraph> graphs, Map<String, VqaspException> failures)
            implements GqaSceneGraphs {

        /** Copies the maps. */
        public SceneGraphIndex {
            graphs = Map.copyOf(graphs);
            failures = Map.copyOf(failures);
        }

        /** Returns the scene graph of an image, or null. */
        public GqaSceneGraph get(String imageId) {
            return graphs.get(imageId);
        }

        /** Returns the number of readable scene graphs. */
        public int size() {
            return graphs.size();
        }

        /** Returns the scene graph of an image, null when there is none, or throws why its entry is unreadable. */
        @Override
        public GqaSceneGraph graph(String imageId) {
            GqaSceneGraph g = graphs.get(imageId);
            VqaspException bad = g == null ? failures.get(imageId) : null;
            if (bad != null) {
                throw bad;
            }
            return g;
        }
    }
}
