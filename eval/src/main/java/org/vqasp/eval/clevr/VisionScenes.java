package org.vqasp.eval.clevr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.vision.SceneExtractor;
import org.vqasp.world.SceneMetrics;

/**
 * Scenes read from the images by the vision model: {@code DIR/<image_filename>} for each question. The last
 * few scenes are kept, since an image's questions come together. Given the gold scenes as well, each image read
 * is scored against its gold scene ({@link #sceneMetrics()}). Given a {@link SceneLog}, each scene read is written
 * to it once.
 */
public final class VisionScenes implements SceneSource {

    private static final int CACHE = 64;

    private final SceneExtractor extractor;
    private final Path images;
    private final SceneSource gold;
    private final SceneLog log;
    private final SceneMetrics metrics = new SceneMetrics();
    private final Set<String> scored = new HashSet<>(); // image files in metrics; guarded by metrics
    private final Map<String, ClevrScene> recent = new LinkedHashMap<>(CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ClevrScene> eldest) {
            return size() > CACHE;
        }
    };

    /**
     * Creates the source.
     *
     * @param extractor the vision model (shared by all threads)
     * @param images the directory holding the image files
     */
    public VisionScenes(SceneExtractor extractor, Path images) {
        this(extractor, images, null);
    }

    /**
     * Creates the source, scoring every image it reads against the gold scene of the question that asked for it.
     *
     * @param extractor the vision model (shared by all threads)
     * @param images the directory holding the image files
     * @param gold the gold scenes, or null for no scoring
     */
    public VisionScenes(SceneExtractor extractor, Path images, SceneSource gold) {
        this(extractor, images, gold, null);
    }

    /**
     * Creates the source, scoring against the gold scenes (when given) and writing every scene read to a log.
     *
     * @param extractor the vision model (shared by all threads)
     * @param images the directory holding the image files
     * @param gold the gold scenes, or null for no scoring
     * @param log where each scene read is written once (named by its image file and index), or null
     */
    public VisionScenes(SceneExtractor extractor, Path images, SceneSource gold, SceneLog log) {
        this.extractor = extractor;
        this.images = images;
        this.gold = gold;
        this.log = log;
    }

    /**
     * Returns how the scenes read so far match the gold ones (objects matched by pixel position), or null
     * without gold scenes. Images whose gold scene is missing are not scored.
     */
    public SceneMetrics.Evaluation sceneMetrics() {
        if (gold == null) {
            return null;
        }
        synchronized (metrics) {
            return metrics.result();
        }
    }

    /**
     * Returns a copy of the accumulated scores (to be merged with other runs' by {@link SceneMetrics#addAll}), or
     * null without gold scenes.
     */
    public SceneMetrics sceneMetricsState() {
        if (gold == null) {
            return null;
        }
        SceneMetrics copy = new SceneMetrics();
        synchronized (metrics) {
            copy.addAll(metrics);
        }
        return copy;
    }

    @Override
    public ClevrScene scene(ClevrQuestion q) {
        if (q.imageFilename() == null) {
            throw new VqaspException(ErrorKind.MISSING_IMAGE, "question " + q.questionIndex() + " names no image_filename");
        }
        synchronized (recent) {
            ClevrScene s = recent.get(q.imageFilename());
            if (s != null) {
                return s;
            }
        }
        Path file = images.resolve(q.imageFilename());
        if (!Files.isRegularFile(file)) {
            throw new VqaspException(ErrorKind.MISSING_IMAGE, file + ": no such image");
        }
        ClevrScene s;
        try {
            s = extractor.extract(file);
        } catch (VqaspException e) {
            throw new VqaspException(ErrorKind.BAD_IMAGE, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new VqaspException(ErrorKind.BAD_IMAGE, file + ": " + e.getMessage(), e);
        }
        synchronized (recent) {
            recent.put(q.imageFilename(), s);
        }
        if (log != null) {
            log.append(new ClevrScene(s.split(), q.imageIndex(), q.imageFilename(), s.objects(), s.relationships(),
                    s.directions()));
        }
        if (gold != null) {
            score(q, s);
        }
        return s;
    }

    /** Scores an image once, however often it is read again (after leaving the cache, or by two threads). */
    private void score(ClevrQuestion q, ClevrScene predicted) {
        ClevrScene truth;
        try {
            truth = gold.scene(q);
        } catch (VqaspException e) {
            return; // the image has no gold scene: nothing to score against
        }
        synchronized (metrics) {
            if (scored.add(q.imageFilename())) {
                metrics.add(truth, predicted);
            }
        }
    }
}
