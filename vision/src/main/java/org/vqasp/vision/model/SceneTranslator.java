package org.vqasp.vision.model;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;

/**
 * The boundary between images, tensors and scenes: {@link ImagePreprocessor} on the way in, {@link SceneDecoder}
 * on the way out, so that no NDArray reaches a domain type. Works with DJL's default stacking batchifier; the
 * translator itself holds no state and may be shared.
 *
 * <p>Input: a DJL {@link Image} wrapping a {@link BufferedImage} of any size. Output: a
 * scene with split {@code null}, image index -1 and no file name, pixel coordinates in the input image's pixels.
 */
public final class SceneTranslator implements Translator<Image, org.vqasp.core.clevr.ClevrScene> {

    private static final String SIZES = "vqasp.sizes";

    private final SceneNetConfig config;

    /**
     * Creates the translator of a network configuration.
     *
     * @param config input size, grid and threshold
     */
    public SceneTranslator(SceneNetConfig config) {
        this.config = config;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        BufferedImage image = (BufferedImage) input.getWrappedImage();
        sizes(ctx).add(new int[] {image.getWidth(), image.getHeight()});
        float[] x = ImagePreprocessor.normalize(ImagePreprocessor.toRgb(image, config.inputWidth(),
                config.inputHeight()), config.inputWidth(), config.inputHeight());
        NDArray array = ctx.getNDManager().create(x, new Shape(3, config.inputHeight(), config.inputWidth()));
        return new NDList(array); // (3, H, W); the batchifier stacks to (B, 3, H, W)
    }

    @Override
    public org.vqasp.core.clevr.ClevrScene processOutput(TranslatorContext ctx, NDList list) {
        float[] out = list.head().toFloatArray(); // (S, OUTPUTS)
        int[] size = sizes(ctx).poll();
        if (size == null) {
            throw new IllegalStateException("output without input");
        }
        return SceneDecoder.decode(out, config, size[0], size[1], null, -1, null);
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<int[]> sizes(TranslatorContext ctx) {
        Object o = ctx.getAttachment(SIZES);
        if (o == null) {
            o = new ArrayDeque<int[]>();
            ctx.setAttachment(SIZES, o);
        }
        return (ArrayDeque<int[]>) o;
    }
}
