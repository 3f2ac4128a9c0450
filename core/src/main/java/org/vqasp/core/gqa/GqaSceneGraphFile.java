package org.vqasp.core.gqa;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;

/**
 * A scene-graphs file in the released layout ({@code {imageId: {...}}}) indexed by image id without reading its
 * graphs: one pass over its tokens finds where each image's graph starts, and {@link #graph} then parses that one
 * graph alone. Released GQA scene-graph files take hundreds of megabytes (train: gigabytes as records), and a
 * person asking about one image needs one graph, not all of them in memory.
 *
 * <p>Immutable and thread-safe (each read opens the file).
 */
public final class GqaSceneGraphFile implements GqaSceneGraphs {

    private final Path file;
    private final Map<String, JsonItemStream.Mark> marks;

    private GqaSceneGraphFile(Path file, Map<String, JsonItemStream.Mark> marks) {
        this.file = file;
        this.marks = Collections.unmodifiableMap(marks);
    }

    /**
     * Indexes a file.
     *
     * @param file the scene-graphs file
     * @return the index
     * @throws InputException when the file is missing, not an object of entries, or not well-formed JSON
     */
    public static GqaSceneGraphFile index(Path file) {
        try (JsonItemStream s = JsonItemStream.entries(file)) {
            LinkedHashMap<String, JsonItemStream.Mark> marks = s.markRemaining();
            return new GqaSceneGraphFile(file, marks);
        }
    }

    /** Returns the file. */
    public Path file() {
        return file;
    }

    /** Returns the image ids, in file order. */
    public Set<String> imageIds() {
        return marks.keySet();
    }

    /** Returns the number of images. */
    public int size() {
        return marks.size();
    }

    /**
     * Reads the scene graph of one image from the file.
     *
     * @param imageId the image
     * @return its scene graph, or null when the file has no entry for it
     * @throws InputException when the entry is not a scene graph, naming the file, the image and what is wrong
     */
    @Override
    public GqaSceneGraph graph(String imageId) {
        JsonItemStream.Mark mark = marks.get(imageId);
        if (mark == null) {
            return null;
        }
        // the entry is read as a whole file's entries are (DatasetReader names the file, the image and the fault)
        try (DatasetReader<GqaSceneGraph> r = new DatasetReader<>(JsonItemStream.entriesAt(file, mark),
                "scene graph", n -> null, GqaJson::sceneGraph)) {
            if (!r.hasNext()) {
                throw new InputException(ErrorKind.MALFORMED_FILE, file + ": the entry of image " + imageId
                        + " is gone (was the file changed?)");
            }
            DatasetItem<GqaSceneGraph> item = r.next();
            if (!item.id().equals(imageId)) {
                throw new InputException(ErrorKind.MALFORMED_FILE, file + ": found image " + item.id()
                        + " where image " + imageId + " was (was the file changed?)");
            }
            if (!item.ok()) {
                throw item.error();
            }
            return item.value();
        }
    }
}
