package org.vqasp.vision.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.core.clevr.world.ClevrRelations;

/**
 * Turns the per-cell output of a {@link SceneNet} into a {@link ClevrScene}. Cells whose presence probability
 * reaches the threshold are candidates; each points at an object centre (cell plus offset). Taking candidates
 * most probable first, a candidate becomes an object unless it points within {@link #MERGE_CELLS} of an object
 * already taken (non-maximum suppression by predicted position, so that objects in adjacent cells both survive).
 * Objects get soft-maxed attribute distributions, pixel coordinates, ground-plane coordinates from the regression
 * (height from the predicted size) and relationships computed from them as CLEVR does.
 *
 * <p>Normalisation of the regression channels: offset in cells from the cell centre; ground-plane
 * {@code x / COORD_SCALE}; depth {@code (depth - DEPTH_MEAN) / DEPTH_SCALE}.
 */
public final class SceneDecoder {

    /** Ground-plane coordinates are regressed divided by this. */
    public static final double COORD_SCALE = 3.0;

    /** Mean camera depth of CLEVR objects. */
    public static final double DEPTH_MEAN = 11.0;

    /** Spread of camera depth. */
    public static final double DEPTH_SCALE = 3.0;

    /**
     * Candidates pointing closer than this (in cells of the stride-8 grid; 0.6 cells are about 10 pixels of a
     * 480 x 320 image) to a taken object are the same object. CLEVR's placement rules keep centres at least about
     * 21 such pixels apart.
     */
    public static final double MERGE_CELLS = 0.6;

    private SceneDecoder() {
    }

    /**
     * One detected object before it becomes a {@link ClevrObject}.
     *
     * @param cell row-major cell index
     * @param presence presence probability
     * @param probabilities per attribute (in {@link ClevrVocabulary#ATTRIBUTES} order), the value distribution
     * @param pixelX pixel x in the original image
     * @param pixelY pixel y in the original image
     * @param depth camera depth
     * @param x ground-plane x
     * @param y ground-plane y
     */
    public record Detection(int cell, double presence, double[][] probabilities, double pixelX, double pixelY,
            double depth, double x, double y) {

        /** Returns the most likely value index of an attribute. */
        public int argmax(int attribute) {
            double[] p = probabilities[attribute];
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            return best;
        }

        /** Converts to a CLEVR object with confidence and probabilities. */
        public ClevrObject toObject() {
            String[] values = new String[4];
            Map<String, Map<String, Double>> probs = new LinkedHashMap<>();
            for (int a = 0; a < 4; a++) {
                List<String> names = ClevrVocabulary.VALUES.get(a);
                values[a] = names.get(argmax(a));
                Map<String, Double> dist = new LinkedHashMap<>();
                for (int v = 0; v < names.size(); v++) {
                    dist.put(names.get(v), probabilities[a][v]);
                }
                probs.put(ClevrVocabulary.ATTRIBUTES.get(a), dist);
            }
            double z = ClevrVocabulary.SIZE_RADIUS.get(values[3]);
            return new ClevrObject(values[0], values[1], values[2], values[3], new Vec3(x, y, z),
                    new Vec3(pixelX, pixelY, depth), 0.0, presence, probs);
        }
    }

    /**
     * Finds the objects in one image's output.
     *
     * @param out (S * {@link SceneNet#OUTPUTS}) floats, cells in row-major order
     * @param config the network's configuration (grid and threshold)
     * @param imageWidth width of the original image, for pixel coordinates
     * @param imageHeight height of the original image
     * @return detections, most confident first
     */
    public static List<Detection> detect(float[] out, SceneNetConfig config, int imageWidth, int imageHeight) {
        int gw = config.gridWidth();
        int gh = config.gridHeight();
        int c = SceneNet.OUTPUTS;
        double sx = (double) SceneNetConfig.STRIDE * imageWidth / config.inputWidth();
        double sy = (double) SceneNetConfig.STRIDE * imageHeight / config.inputHeight();
        List<int[]> candidates = new ArrayList<>();
        for (int cell = 0; cell < gw * gh; cell++) {
            if (sigmoid(out[cell * c + SceneNet.Outputs.PRESENCE]) >= config.threshold()) {
                candidates.add(new int[] {cell});
            }
        }
        candidates.sort((a, b) -> Float.compare(out[b[0] * c], out[a[0] * c]));
        List<Detection> found = new ArrayList<>();
        List<double[]> taken = new ArrayList<>(); // predicted centres in cells
        for (int[] cand : candidates) {
            int cell = cand[0];
            int cx = cell % gw;
            int cy = cell / gw;
            int base = cell * c;
            double gx = cx + 0.5 + out[base + SceneNet.Outputs.OFFSET];
            double gy = cy + 0.5 + out[base + SceneNet.Outputs.OFFSET + 1];
            boolean duplicate = false;
            for (double[] t : taken) {
                if (Math.hypot(t[0] - gx, t[1] - gy) < MERGE_CELLS) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                continue;
            }
            taken.add(new double[] {gx, gy});
            double[][] probs = new double[4][];
            for (int a = 0; a < 4; a++) {
                probs[a] = softmax(out, base + SceneNet.Outputs.ATTRIBUTE_START[a],
                        ClevrVocabulary.VALUES.get(a).size());
            }
            double depth = DEPTH_MEAN + DEPTH_SCALE * out[base + SceneNet.Outputs.DEPTH];
            double x = COORD_SCALE * out[base + SceneNet.Outputs.COORDS];
            double y = COORD_SCALE * out[base + SceneNet.Outputs.COORDS + 1];
            found.add(new Detection(cell, sigmoid(out[base + SceneNet.Outputs.PRESENCE]), probs, gx * sx, gy * sy,
                    depth, x, y));
        }
        found.sort(Comparator.comparingDouble(Detection::presence).reversed());
        return found;
    }

    /**
     * Builds the scene of one image's output.
     *
     * @param out (S * {@link SceneNet#OUTPUTS}) floats
     * @param config the network's configuration
     * @param imageWidth original width
     * @param imageHeight original height
     * @param split split name for the scene (may be null)
     * @param imageIndex image index (-1 when unknown)
     * @param imageFilename file name (may be null)
     * @return the scene, objects most confident first, with CLEVR's directions and relationships
     */
    public static ClevrScene decode(float[] out, SceneNetConfig config, int imageWidth, int imageHeight,
            String split, int imageIndex, String imageFilename) {
        List<ClevrObject> objects = new ArrayList<>();
        for (Detection d : detect(out, config, imageWidth, imageHeight)) {
            objects.add(d.toObject());
        }
        Map<String, Vec3> directions = ClevrRelations.directions();
        return new ClevrScene(split, imageIndex, imageFilename, objects,
                ClevrRelations.relationships(objects, directions), directions);
    }

    private static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    private static double[] softmax(float[] v, int start, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[start + i]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(v[start + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
