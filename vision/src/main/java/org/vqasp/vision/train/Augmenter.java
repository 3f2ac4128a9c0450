package org.vqasp.vision.train;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.SplittableRandom;
import org.vqasp.vision.model.ImagePreprocessor;

/**
 * Photometric and small geometric augmentation of a model-sized RGB image, aimed at the gap between our renders
 * and real CLEVR images: colour jitter that keeps hue (brightness, contrast, saturation, gamma, white balance),
 * Gaussian blur, Gaussian noise, crops (zoom and shift) and left-right mirroring. Hue is never changed: colour is
 * a label. A mirror keeps every attribute (CLEVR's shapes are mirror-symmetric) but not the lighting, whose key
 * light then comes from the other side.
 *
 * <p>Pure: the output depends only on the input and the random generator.
 *
 * @param cropProbability chance of a crop
 * @param maxZoom largest zoom factor of a crop (at least 1)
 * @param maxShift largest shift of a crop, in model-input pixels
 * @param jitter strength of colour jitter (0 for none; 1 means brightness +-0.06, contrast, saturation and gamma
 *     x[0.85, 1.15], channel gains x[0.95, 1.05])
 * @param blurProbability chance of a blur with sigma uniform in [0.3, maxBlurSigma]
 * @param maxBlurSigma largest blur sigma in model-input pixels
 * @param noiseProbability chance of noise with sigma uniform in [0, maxNoise]
 * @param maxNoise largest noise sigma on the [0, 1] scale
 * @param mirrorProbability chance of a left-right mirror (after the crop)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Augmenter(double cropProbability, double maxZoom, double maxShift, double jitter,
        double blurProbability, double maxBlurSigma, double noiseProbability, double maxNoise,
        double mirrorProbability) {

    /** Checks the values. */
    public Augmenter {
        if (maxZoom < 1 || cropProbability < 0 || cropProbability > 1 || blurProbability < 0 || blurProbability > 1
                || noiseProbability < 0 || noiseProbability > 1 || jitter < 0 || maxShift < 0 || maxNoise < 0
                || maxBlurSigma < 0.3 || mirrorProbability < 0 || mirrorProbability > 1) {
            throw new IllegalArgumentException("bad augmentation " + this);
        }
    }

    /** The default settings: every augmentation but mirroring, which is {@link #withMirror(double) opt-in}. */
    public static Augmenter defaults() {
        return new Augmenter(0.3, 1.08, 6, 1.0, 0.3, 1.0, 0.5, 0.012, 0);
    }

    /** No augmentation at all. */
    public static Augmenter none() {
        return new Augmenter(0, 1, 0, 0, 0, 0.3, 0, 0, 0);
    }

    /** Returns these settings with another mirror probability. */
    public Augmenter withMirror(double probability) {
        return new Augmenter(cropProbability, maxZoom, maxShift, jitter, blurProbability, maxBlurSigma,
                noiseProbability, maxNoise, probability);
    }

    /**
     * An augmented, normalised network input and the geometric transform applied.
     *
     * @param input (3, H, W) floats, normalised as {@link ImagePreprocessor#normalize}
     * @param transform where original pixels went
     */
    public record Result(float[] input, TargetEncoder.Transform transform) {
    }

    /**
     * Augments one image.
     *
     * @param rgb (H, W, 3) bytes
     * @param width W
     * @param height H
     * @param rnd the random generator of this sample
     * @return the network input and the transform
     */
    public Result apply(byte[] rgb, int width, int height, SplittableRandom rnd) {
        int n = width * height;
        float[][] c = new float[3][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                c[k][i] = (rgb[i * 3 + k] & 0xff) / 255f;
            }
        }
        TargetEncoder.Transform t = TargetEncoder.Transform.NONE;
        if (rnd.nextDouble() < cropProbability) {
            double zoom = 1 + rnd.nextDouble() * (maxZoom - 1);
            // keep the zoomed image covering the frame: shift in [-(zoom-1)*size, 0] plus a free shift
            double dx = -rnd.nextDouble() * (zoom - 1) * width + (rnd.nextDouble() * 2 - 1) * maxShift;
            double dy = -rnd.nextDouble() * (zoom - 1) * height + (rnd.nextDouble() * 2 - 1) * maxShift;
            t = new TargetEncoder.Transform(zoom, Math.round(dx * 100) / 100.0, Math.round(dy * 100) / 100.0);
            for (int k = 0; k < 3; k++) {
                c[k] = warp(c[k], width, height, t);
            }
        }
        // drawn only when enabled, so that settings without mirroring keep their random sequence
        if (mirrorProbability > 0 && rnd.nextDouble() < mirrorProbability) {
            t = t.mirrored();
            for (int k = 0; k < 3; k++) {
                c[k] = mirror(c[k], width, height);
            }
        }
        if (jitter > 0) {
            colour(c, n, rnd);
        }
        if (rnd.nextDouble() < blurProbability) {
            double sigma = 0.3 + rnd.nextDouble() * (maxBlurSigma - 0.3);
            for (int k = 0; k < 3; k++) {
                c[k] = blur(c[k], width, height, sigma);
            }
        }
        if (rnd.nextDouble() < noiseProbability) {
            double sigma = rnd.nextDouble() * maxNoise;
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < n; i++) {
                    c[k][i] += (float) (rnd.nextGaussian() * sigma);
                }
            }
        }
        float[] out = new float[3 * n];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                float v = Math.max(0f, Math.min(1f, c[k][i]));
                out[k * n + i] = (v - ImagePreprocessor.MEAN) / ImagePreprocessor.STD;
            }
        }
        return new Result(out, t);
    }

    private void colour(float[][] c, int n, SplittableRandom rnd) {
        double brightness = jitter * 0.06 * (rnd.nextDouble() * 2 - 1);
        double contrast = 1 + jitter * 0.15 * (rnd.nextDouble() * 2 - 1);
        double saturation = 1 + jitter * 0.15 * (rnd.nextDouble() * 2 - 1);
        double gamma = 1 + jitter * 0.15 * (rnd.nextDouble() * 2 - 1);
        double[] gain = new double[3];
        for (int k = 0; k < 3; k++) {
            gain[k] = 1 + jitter * 0.05 * (rnd.nextDouble() * 2 - 1);
        }
        double mean = 0;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                mean += c[k][i];
            }
        }
        mean /= 3.0 * n;
        for (int i = 0; i < n; i++) {
            double gray = (c[0][i] + c[1][i] + c[2][i]) / 3;
            for (int k = 0; k < 3; k++) {
                double v = gray + saturation * (c[k][i] - gray);
                v = mean + contrast * (v - mean) + brightness;
                v = Math.pow(Math.max(0, Math.min(1, v * gain[k])), gamma);
                c[k][i] = (float) v;
            }
        }
    }

    /** Bilinear resampling: output (u, v) reads the source at ((u - dx) / scale, (v - dy) / scale), edges clamped. */
    static float[] warp(float[] src, int w, int h, TargetEncoder.Transform t) {
        float[] out = new float[w * h];
        for (int v = 0; v < h; v++) {
            double sy = Math.max(0, Math.min(h - 1, (v + 0.5 - t.dy()) / t.scale() - 0.5));
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            float fy = (float) (sy - y0);
            for (int u = 0; u < w; u++) {
                double sx = Math.max(0, Math.min(w - 1, (u + 0.5 - t.dx()) / t.scale() - 0.5));
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                float fx = (float) (sx - x0);
                float top = src[y0 * w + x0] * (1 - fx) + src[y0 * w + x1] * fx;
                float bottom = src[y1 * w + x0] * (1 - fx) + src[y1 * w + x1] * fx;
                out[v * w + u] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    /** Left-right mirror: output column u is source column w - 1 - u. */
    static float[] mirror(float[] src, int w, int h) {
        float[] out = new float[w * h];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                out[v * w + u] = src[v * w + w - 1 - u];
            }
        }
        return out;
    }

    /** Separable Gaussian blur with clamped edges. */
    static float[] blur(float[] src, int w, int h, double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    acc += k[i + radius] * src[y * w + Math.max(0, Math.min(w - 1, x + i))];
                }
                tmp[y * w + x] = acc;
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -radius; i <= radius; i++) {
                    acc += k[i + radius] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }
}
