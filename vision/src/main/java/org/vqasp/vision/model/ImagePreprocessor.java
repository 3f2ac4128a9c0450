package org.vqasp.vision.model;

import java.awt.image.BufferedImage;

/**
 * Turns an image into the network's input: an area-weighted resize to the model size, rounded to 8-bit RGB (so
 * that training caches and inference see the same numbers), then {@code (v / 255 - MEAN) / STD} per channel in
 * (3, H, W) order.
 */
public final class ImagePreprocessor {

    /** Mean subtracted after scaling to [0, 1]. */
    public static final float MEAN = 0.45f;

    /** Divisor after subtracting the mean. */
    public static final float STD = 0.25f;

    private ImagePreprocessor() {
    }

    /**
     * Resizes an image to {@code width x height} with area weights (every source pixel contributes by its overlap
     * with the target pixel) and returns interleaved RGB bytes, (H, W, 3).
     *
     * @param image any image; alpha is ignored
     * @param width target width
     * @param height target height
     * @return {@code height * width * 3} bytes
     */
    public static byte[] toRgb(BufferedImage image, int width, int height) {
        int sw = image.getWidth();
        int sh = image.getHeight();
        int[] argb = image.getRGB(0, 0, sw, sh, null, 0, sw);
        float[][] channels = new float[3][sw * sh];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            channels[0][i] = (p >> 16) & 0xff;
            channels[1][i] = (p >> 8) & 0xff;
            channels[2][i] = p & 0xff;
        }
        Weights wx = Weights.of(sw, width);
        Weights wy = Weights.of(sh, height);
        byte[] out = new byte[width * height * 3];
        float[] rows = new float[sh * width];
        for (int c = 0; c < 3; c++) {
            float[] src = channels[c];
            for (int y = 0; y < sh; y++) { // horizontal pass: (sh, sw) -> (sh, width)
                for (int x = 0; x < width; x++) {
                    float acc = 0;
                    for (int k = wx.start[x]; k < wx.start[x + 1]; k++) {
                        acc += src[y * sw + wx.index[k]] * wx.weight[k];
                    }
                    rows[y * width + x] = acc;
                }
            }
            for (int y = 0; y < height; y++) { // vertical pass: (sh, width) -> (height, width)
                for (int x = 0; x < width; x++) {
                    float acc = 0;
                    for (int k = wy.start[y]; k < wy.start[y + 1]; k++) {
                        acc += rows[wy.index[k] * width + x] * wy.weight[k];
                    }
                    int v = Math.round(acc);
                    out[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    /**
     * Normalises interleaved RGB bytes (H, W, 3) into the network input (3, H, W).
     *
     * @param rgb {@code height * width * 3} bytes
     * @param width image width
     * @param height image height
     * @return {@code 3 * height * width} floats
     */
    public static float[] normalize(byte[] rgb, int width, int height) {
        int n = width * height;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * n + i] = ((rgb[i * 3 + c] & 0xff) / 255f - MEAN) / STD;
            }
        }
        return out;
    }

    /** Sparse resampling weights along one axis, in compressed-row form. */
    private record Weights(int[] start, int[] index, float[] weight) {

        static Weights of(int source, int target) {
            double scale = (double) source / target;
            int[] start = new int[target + 1];
            int max = (int) Math.ceil(scale) + 2;
            int[] index = new int[target * max];
            float[] weight = new float[target * max];
            int n = 0;
            for (int t = 0; t < target; t++) {
                start[t] = n;
                double lo = t * scale;
                double hi = (t + 1) * scale;
                if (scale <= 1) { // upsampling: nearest source pixel
                    index[n] = Math.min(source - 1, (int) Math.floor((t + 0.5) * scale));
                    weight[n++] = 1f;
                    continue;
                }
                for (int s = (int) Math.floor(lo); s < Math.min(source, (int) Math.ceil(hi)); s++) {
                    double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                    if (overlap > 1e-9) {
                        index[n] = s;
                        weight[n++] = (float) (overlap / scale);
                    }
                }
            }
            start[target] = n;
            return new Weights(start, index, weight);
        }
    }
}
