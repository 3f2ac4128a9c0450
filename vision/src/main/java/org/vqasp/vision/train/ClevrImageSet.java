package org.vqasp.vision.train;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrLayout;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.io.Hashes;
import org.vqasp.vision.model.ImagePreprocessor;

/**
 * One split of a CLEVR-layout directory held in memory at model size: {@code DIR/scenes/CLEVR_<split>_scenes.json}
 * and {@code DIR/images/<split>/<image_filename>}, as {@code vqa generate clevr} writes them.
 *
 * @param split the split name
 * @param samples scenes with their resized images, by image index
 * @param sha256 hash of the scenes file and every image file, in image-index order
 */
public record ClevrImageSet(String split, List<Sample> samples, String sha256) {

    /** Copies the list. */
    public ClevrImageSet {
        samples = List.copyOf(samples);
    }

    /**
     * A scene and its image at model size.
     *
     * @param scene gold scene
     * @param rgb (H, W, 3) bytes at model size
     * @param imageWidth original width (what pixel coordinates refer to)
     * @param imageHeight original height
     */
    public record Sample(ClevrScene scene, byte[] rgb, int imageWidth, int imageHeight) {
    }

    /** Returns whether a split exists in a directory. */
    public static boolean exists(Path dir, String split) {
        return Files.isRegularFile(ClevrLayout.scenesPath(dir, split));
    }

    /**
     * Loads a split.
     *
     * @param dir dataset directory
     * @param split split name
     * @param limit at most this many scenes (the lowest image indices), or 0 for all
     * @param width model input width
     * @param height model input height
     * @param threads decoding threads
     * @param progress receives the number of images loaded so far
     * @return the split in memory
     * @throws InputException when a file is missing or unreadable
     */
    public static ClevrImageSet load(Path dir, String split, int limit, int width, int height, int threads,
            IntConsumer progress) {
        Path scenesFile = ClevrLayout.scenesPath(dir, split);
        ClevrDataset.SceneIndex index = ClevrDataset.loadScenes(scenesFile);
        if (!index.failures().isEmpty()) {
            var first = index.failures().entrySet().iterator().next();
            throw new InputException(ErrorKind.BAD_SCENE, scenesFile + ": scene " + first.getKey() + ": "
                    + first.getValue().getMessage());
        }
        List<ClevrScene> scenes = new ArrayList<>(index.scenes().values());
        scenes.sort(Comparator.comparingInt(ClevrScene::imageIndex));
        if (limit > 0 && scenes.size() > limit) {
            scenes = scenes.subList(0, limit);
        }
        Path imageDir = ClevrLayout.imagesDir(dir, split);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (ClevrScene s : scenes) {
                String name = s.imageFilename() != null ? s.imageFilename()
                        : ClevrLayout.imageFilename(split, s.imageIndex());
                Path file = imageDir.resolve(name);
                futures.add(pool.submit(() -> read(file, width, height)));
            }
            MessageDigest all = Hashes.sha256();
            all.update(Files.readAllBytes(scenesFile));
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                Object[] r = futures.get(i).get();
                all.update((byte[]) r[0]);
                samples.add(new Sample(scenes.get(i), (byte[]) r[1], (Integer) r[2], (Integer) r[3]));
                progress.accept(i + 1);
            }
            return new ClevrImageSet(split, samples, Hashes.hex(all.digest()));
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read " + scenesFile + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VqaspException ve) {
                throw ve;
            }
            throw new VqaspException(ErrorKind.INTERNAL, "loading " + imageDir + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VqaspException(ErrorKind.INTERRUPTED, "loading " + imageDir + " interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Returns {file digest, rgb bytes, width, height}. */
    private static Object[] read(Path file, int width, int height) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new InputException(ErrorKind.BAD_IMAGE, file + ": not an image ImageIO can read");
            }
            return new Object[] {Hashes.sha256().digest(bytes), ImagePreprocessor.toRgb(image, width, height),
                image.getWidth(), image.getHeight()};
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read image " + file + ": " + e.getMessage(), e);
        }
    }
}
