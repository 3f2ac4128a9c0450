package org.vqasp.vision.model;

import org.vqasp.world.ClevrVocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.world.ClevrRelations;

/**
 * Turns the per-cell output of a {@link SceneNet} into a {@link ClevrScene}.
 *
 * <p>Every cell points at an object centre (cell plus offset). Taking cells with presence probability p of at
 * least {@link #VOTE_THRESHOLD}, most probable first: a cell pointing within {@link #MERGE_CELLS} of an object
 * already found votes for it; otherwise, if p reaches the model's threshold, it founds a new object. This is
 * non-maximum suppression by predicted position, so objects in adjacent cells both survive. An object's
 * confidence is its founding cell's p; its attribute distributions, positions and depth are the p-weighted means
 * of its votes (founder included). Ground-plane height follows from the predicted size, and relationships are
 * computed from the ground-plane positions as CLEVR does.
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
     * Candidates pointing closer than this (in cells of the stride-8 grid; a cell is 16 pixels of a 480 x 320
     * image) to a taken object are the same object. CLEVR's placement rules keep centres at least about 21 such
     * pixels apart.
     */
    public static final double MERGE_CELLS = 1.0;

    /** Cells below this presence probability do not vote. */
    public static final double VOTE_THRESHOLD = 0.1;

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
        List<Integer> candidates = new ArrayList<>();
        for (int cell = 0; cell < gw * gh; cell++) {
            if (sigmoid(out[cell * c + SceneNet.Outputs.PRESENCE]) >= Math.min(VOTE_THRESHOLD, config.threshold())) {
                candidates.add(cell);
            }
        }
        candidates.sort((a, b) -> Float.compare(out[b * c], out[a * c]));
        List<Votes> objects = new ArrayList<>();
        for (int cell : candidates) {
            int base = cell * c;
            double p = sigmoid(out[base + SceneNet.Outputs.PRESENCE]);
            double gx = cell % gw + 0.5 + out[base + SceneNet.Outputs.OFFSET];
            double gy = cell / gw + 0.5 + out[base + SceneNet.Outputs.OFFSET + 1];
            Votes nearest = null;
            double best = MERGE_CELLS;
            for (Votes v : objects) {
                double d = Math.hypot(v.gx - gx, v.gy - gy);
                if (d < best) {
                    best = d;
                    nearest = v;
                }
            }
            if (nearest == null) {
                if (p < config.threshold()) {
                    continue;
                }
                nearest = new Votes(cell, p, gx, gy);
                objects.add(nearest);
            }
            nearest.add(out, base, p, gx, gy);
        }
        List<Detection> found = new ArrayList<>();
        for (Votes v : objects) {
            found.add(v.toDetection(sx, sy));
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

    /**
     * Combines the scene of an image with the scene of its left-right mirror image: each object of
     * {@code original} that has a mirrored counterpart within {@link #MERGE_CELLS} cells (at the pixel
     * {@code imageWidth - x}) takes, per attribute, the normalised geometric mean of the two distributions, and
     * the most likely value of that. Objects, confidences and positions stay those of {@code original} (mirrored
     * images train no ground-plane positions); objects seen only in the mirror image are dropped.
     *
     * @param original the scene of the image
     * @param mirrored the scene of the mirror image
     * @param config the network's configuration (input size, for the match radius)
     * @param imageWidth width of the original image in pixels
     * @return the combined scene, with relationships recomputed (a changed size moves an object's height)
     */
    public static ClevrScene averageMirror(ClevrScene original, ClevrScene mirrored, SceneNetConfig config,
            int imageWidth) {
        double radius = MERGE_CELLS * SceneNetConfig.STRIDE * imageWidth / (double) config.inputWidth();
        List<ClevrObject> taken = new ArrayList<>(mirrored.objects());
        List<ClevrObject> objects = new ArrayList<>();
        for (ClevrObject o : original.objects()) {
            ClevrObject twin = null;
            double best = radius;
            for (ClevrObject m : taken) {
                double d = Math.hypot(imageWidth - m.pixelCoords().x() - o.pixelCoords().x(),
                        m.pixelCoords().y() - o.pixelCoords().y());
                if (d < best) {
                    best = d;
                    twin = m;
                }
            }
            if (twin == null) {
                objects.add(o);
                continue;
            }
            taken.remove(twin);
            String[] values = new String[4];
            Map<String, Map<String, Double>> probs = new LinkedHashMap<>();
            for (int a = 0; a < 4; a++) {
                String attribute = ClevrVocabulary.ATTRIBUTES.get(a);
                Map<String, Double> p = o.probabilities().get(attribute);
                Map<String, Double> q = twin.probabilities().get(attribute);
                Map<String, Double> mean = new LinkedHashMap<>();
                double sum = 0;
                for (String v : ClevrVocabulary.VALUES.get(a)) {
                    double g = Math.sqrt(p.getOrDefault(v, 0.0) * q.getOrDefault(v, 0.0));
                    mean.put(v, g);
                    sum += g;
                }
                String top = o.attribute(attribute);
                double topP = -1;
                for (Map.Entry<String, Double> e : mean.entrySet()) {
                    e.setValue(sum > 0 ? e.getValue() / sum : p.getOrDefault(e.getKey(), 0.0));
                    if (e.getValue() > topP) {
                        topP = e.getValue();
                        top = e.getKey();
                    }
                }
                values[a] = top;
                probs.put(attribute, mean);
            }
            Vec3 c = o.coords();
            Vec3 coords = c == null ? null : new Vec3(c.x(), c.y(), ClevrVocabulary.SIZE_RADIUS.get(values[3]));
            objects.add(new ClevrObject(values[0], values[1], values[2], values[3], coords, o.pixelCoords(),
                    o.rotation(), o.confidence(), probs));
        }
        return new ClevrScene(original.split(), original.imageIndex(), original.imageFilename(), objects,
                ClevrRelations.relationships(objects, original.directions()), original.directions());
    }

    /** The p-weighted sums of the votes for one object. */
    private static final class Votes {
        final int cell;
        final double presence;
        final double gx;
        final double gy;
        double weight;
        final double[] sums = new double[5]; // gx, gy, depth, x, y
        final double[][] probs = new double[4][];

        Votes(int cell, double presence, double gx, double gy) {
            this.cell = cell;
            this.presence = presence;
            this.gx = gx;
            this.gy = gy;
            for (int a = 0; a < 4; a++) {
                probs[a] = new double[ClevrVocabulary.VALUES.get(a).size()];
            }
        }

        void add(float[] out, int base, double p, double vx, double vy) {
            weight += p;
            sums[0] += p * vx;
            sums[1] += p * vy;
            sums[2] += p * (DEPTH_MEAN + DEPTH_SCALE * out[base + SceneNet.Outputs.DEPTH]);
            sums[3] += p * COORD_SCALE * out[base + SceneNet.Outputs.COORDS];
            sums[4] += p * COORD_SCALE * out[base + SceneNet.Outputs.COORDS + 1];
            for (int a = 0; a < 4; a++) {
                double[] q = softmax(out, base + SceneNet.Outputs.ATTRIBUTE_START[a], probs[a].length);
                for (int k = 0; k < q.length; k++) {
                    probs[a][k] += p * q[k];
                }
            }
        }

        Detection toDetection(double sx, double sy) {
            double[][] mean = new double[4][];
            for (int a = 0; a < 4; a++) {
                mean[a] = new double[probs[a].length];
                for (int k = 0; k < mean[a].length; k++) {
                    mean[a][k] = probs[a][k] / weight;
                }
            }
            return new Detection(cell, presence, mean, sums[0] / weight * sx, sums[1] / weight * sy,
                    sums[2] / weight, sums[3] / weight, sums[4] / weight);
        }
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
