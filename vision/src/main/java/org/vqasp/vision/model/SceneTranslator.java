package org.vqasp.vision.model;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import org.vqasp.core.clevr.ClevrScene;

/**
 * The boundary between images, tensors and scenes: {@link ImagePreprocessor} on the way in, {@link SceneDecoder}
 * on the way out, so that no NDArray reaches a domain type. The translator itself holds no state and may be
 * shared.
 *
 * <p>Input: a DJL {@link Image} wrapping a {@link BufferedImage} of any size. Output: a
 * scene with split {@code null}, image index -1 and no file name, pixel coordinates in the input image's pixels.
 *
 * <p>Without mirror averaging each image is one (3, H, W) input and DJL's stacking batchifier makes the batch.
 * With {@link SceneNetConfig#mirrorAverage()} each image becomes two inputs, (2, 3, H, W): the resized image and
 * its left-right mirror (mirrored after resizing, so the image is resized once); the batchifier concatenates them
 * into (2B, 3, H, W) and hands each image its two outputs back, which {@link SceneDecoder#averageMirror} combines.
 */
public final class SceneTranslator implements Translator<Image, ClevrScene> {

    private static final String SIZES = "vqasp.sizes";

    /** Concatenates each image's (2, 3, H, W) pair along the batch axis and splits the output into pairs. */
    private static final Batchifier PAIRS = new Batchifier() {
        private static final long serialVersionUID = 1L;

        @Override
        public NDList batchify(NDList[] inputs) {
            NDList heads = new NDList(inputs.length);
            for (NDList in : inputs) {
                heads.add(in.singletonOrThrow());
            }
            return new NDList(NDArrays.concat(heads, 0)); // (2B, 3, H, W)
        }

        @Override
        public NDList[] unbatchify(NDList outputs) {
            NDList pairs = outputs.singletonOrThrow().split(outputs.head().getShape().get(0) / 2, 0);
            NDList[] out = new NDList[pairs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = new NDList(pairs.get(i)); // (2, S, OUTPUTS)
            }
            return out;
        }
    };

    private final SceneNetConfig config;

    /**
     * Creates the translator of a network configuration.
     *
     * @param config input size, grid, threshold and mirror averaging
     */
    public SceneTranslator(SceneNetConfig config) {
        this.config = config;
    }

    @Override
    public Batchifier getBatchifier() {
        return config.mirrorAverage() ? PAIRS : Batchifier.STACK;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        BufferedImage image = (BufferedImage) input.getWrappedImage();
        sizes(ctx).add(new int[] {image.getWidth(), image.getHeight()});
        int w = config.inputWidth();
        int h = config.inputHeight();
        float[] x = ImagePreprocessor.normalize(ImagePreprocessor.toRgb(image, w, h), w, h);
        if (!config.mirrorAverage()) {
            // (3, H, W); the batchifier stacks to (B, 3, H, W)
            return new NDList(ctx.getNDManager().create(x, new Shape(3, h, w)));
        }
        float[] pair = new float[2 * x.length];
        System.arraycopy(x, 0, pair, 0, x.length);
        for (int row = 0; row < 3 * h; row++) { // every row of every channel, columns reversed
            for (int col = 0; col < w; col++) {
                pair[x.length + row * w + col] = x[row * w + w - 1 - col];
            }
        }
        return new NDList(ctx.getNDManager().create(pair, new Shape(2, 3, h, w)));
    }

    @Override
    public ClevrScene processOutput(TranslatorContext ctx, NDList list) {
        float[] out = list.head().toFloatArray(); // (S, OUTPUTS), or (2, S, OUTPUTS) with mirror averaging
        int[] size = sizes(ctx).poll();
        if (size == null) {
            throw new IllegalStateException("output without input");
        }
        if (!config.mirrorAverage()) {
            return SceneDecoder.decode(out, config, size[0], size[1], null, -1, null);
        }
        int half = out.length / 2;
        ClevrScene original = SceneDecoder.decode(java.util.Arrays.copyOfRange(out, 0, half), config, size[0],
                size[1], null, -1, null);
        ClevrScene mirrored = SceneDecoder.decode(java.util.Arrays.copyOfRange(out, half, out.length), config,
                size[0], size[1], null, -1, null);
        return SceneDecoder.averageMirror(original, mirrored, config, size[0]);
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
