package org.vqasp.core.clevr;

import java.nio.file.Path;

/**
 * Where files go in the released CLEVR v1.0 layout under a dataset directory: {@code images/<split>/} holds
 * {@code CLEVR_<split>_NNNNNN.png}, {@code scenes/CLEVR_<split>_scenes.json} and
 * {@code questions/CLEVR_<split>_questions.json}. {@code vqa generate clevr} writes it, {@code vqa train vision}
 * reads it.
 */
public final class ClevrLayout {

    private ClevrLayout() {
    }

    /** Returns an image's file name, {@code CLEVR_<split>_NNNNNN.png}. */
    public static String imageFilename(String split, int index) {
        return String.format("CLEVR_%s_%06d.png", split, index);
    }

    /** Returns the folder of a split's images. */
    public static Path imagesDir(Path dir, String split) {
        return dir.resolve("images").resolve(split);
    }

    /** Returns the path of an image of a split. */
    public static Path imagePath(Path dir, String split, int index) {
        return imagesDir(dir, split).resolve(imageFilename(split, index));
    }

    /** Returns the path of a split's scenes file. */
    public static Path scenesPath(Path dir, String split) {
        return dir.resolve("scenes").resolve("CLEVR_" + split + "_scenes.json");
    }

    /** Returns the path of a split's questions file. */
    public static Path questionsPath(Path dir, String split) {
        return dir.resolve("questions").resolve("CLEVR_" + split + "_questions.json");
    }
}
