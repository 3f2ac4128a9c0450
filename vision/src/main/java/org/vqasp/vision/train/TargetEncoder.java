package org.vqasp.vision.train;

import java.util.List;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.world.ClevrVocabulary;
import org.vqasp.vision.model.SceneDecoder;
import org.vqasp.vision.model.SceneNet;
import org.vqasp.vision.model.SceneNetConfig;

/**
 * Encodes a gold scene as per-cell training targets for a {@link SceneNet}, the inverse of {@link SceneDecoder}.
 *
 * <p>Per cell, {@value #CHANNELS} floats:
 *
 * <ul>
 *   <li>{@link #HEAT}: Gaussian heat map, exp(-d^2 / (2 sigma^2)) around each object's centre cell (maximum over
 *       objects), d in cells;
 *   <li>{@link #CENTRE}: 1 in the cell holding an object's centre, else 0;
 *   <li>{@link #ONE_HOT}: 15 one-hot attribute values (3 shapes, 8 colours, 2 materials, 2 sizes), scaled by the
 *       cell's weight;
 *   <li>{@link #REGRESSION}: offset x, y from the cell centre to the object centre (in cells), ground-plane x, y
 *       and depth, normalised like the outputs;
 *   <li>{@link #WEIGHT}: the weight of each of those five regressions (0 for the ground plane and depth when the
 *       image was cropped, since a crop moves the camera; 0 for the ground plane when it was mirrored).
 * </ul>
 *
 * <p>Cell weights: 1 in an object's centre cell; {@link #NEIGHBOUR_WEIGHT} in the eight cells around it that are
 * no object's centre and nearer to this object's centre than to any other; 0 elsewhere. Neighbours learn to point
 * at the centre and to name the attributes, so that the decoder can merge their votes by position instead of
 * suppressing every neighbour of a peak (CLEVR objects can sit in adjacent cells).
 */
public final class TargetEncoder {

    /** Heat map channel. */
    public static final int HEAT = 0;
    /** Centre indicator channel. */
    public static final int CENTRE = 1;
    /** First one-hot channel. */
    public static final int ONE_HOT = 2;
    /** First regression target channel. */
    public static final int REGRESSION = 17;
    /** First regression weight channel. */
    public static final int WEIGHT = 22;
    /** Channels per cell. */
    public static final int CHANNELS = 27;

    /** Heat map spread in cells. */
    public static final double SIGMA = 0.7;

    /** Weight of the attribute and regression targets of a centre's neighbour cells. */
    public static final float NEIGHBOUR_WEIGHT = 0.5f;

    private TargetEncoder() {
    }

    /**
     * A pixel-space transform applied to the image before it reached the network: a point (x, y) of the original
     * image, in model-input pixels, lands at (u, v) = (x * scale + dx, y * scale + dy), and then, when mirrored,
     * at (W - u, v) with W the input width.
     *
     * @param scale zoom factor (1 for none)
     * @param dx shift in model-input pixels
     * @param dy shift in model-input pixels
     * @param mirror whether the image was flipped left to right after the zoom and shift
     */
    public record Transform(double scale, double dx, double dy, boolean mirror) {

        /** The identity. */
        public static final Transform NONE = new Transform(1, 0, 0, false);

        /** A zoom and shift without mirroring. */
        public Transform(double scale, double dx, double dy) {
            this(scale, dx, dy, false);
        }

        /** Returns whether this transform moves anything. */
        public boolean isIdentity() {
            return !mirror && !movesCamera();
        }

        /**
         * Returns whether the transform changes what a camera would see beyond a mirror image: a zoom or a shift.
         * A mirror keeps every object's camera depth; CLEVR re-aims each jittered camera, so the mirror plane on
         * the ground is not known exactly and mirrored images train no ground-plane positions.
         */
        public boolean movesCamera() {
            return scale != 1 || dx != 0 || dy != 0;
        }

        /** Returns this transform followed by a left-right mirror. */
        public Transform mirrored() {
            return new Transform(scale, dx, dy, !mirror);
        }
    }

    /**
     * Encodes one scene.
     *
     * @param scene gold scene; objects need {@code pixel_coords} and {@code 3d_coords}
     * @param config network configuration (grid)
     * @param imageWidth width of the original image the pixel coordinates refer to
     * @param imageHeight height of the original image
     * @param transform what augmentation did to the model input
     * @param into destination, S * {@value #CHANNELS} floats, overwritten
     * @param offset start index in {@code into}
     * @return the number of objects whose centre lies inside the model input
     */
    public static int encode(ClevrScene scene, SceneNetConfig config, int imageWidth, int imageHeight,
            Transform transform, float[] into, int offset) {
        int gw = config.gridWidth();
        int gh = config.gridHeight();
        int cells = gw * gh;
        java.util.Arrays.fill(into, offset, offset + cells * CHANNELS, 0f);
        double toInputX = (double) config.inputWidth() / imageWidth;
        double toInputY = (double) config.inputHeight() / imageHeight;
        boolean keepGround = transform.isIdentity();
        boolean keepDepth = !transform.movesCamera();
        List<ClevrObject> objects = scene.objects();
        List<double[]> centres = new java.util.ArrayList<>(); // {gx, gy, object index}
        for (int k = 0; k < objects.size(); k++) {
            ClevrObject o = objects.get(k);
            double u = (o.pixelCoords().x() * toInputX) * transform.scale() + transform.dx();
            if (transform.mirror()) {
                u = config.inputWidth() - u;
            }
            double v = (o.pixelCoords().y() * toInputY) * transform.scale() + transform.dy();
            double gx = u / SceneNetConfig.STRIDE; // in cells
            double gy = v / SceneNetConfig.STRIDE;
            if (gx >= 0 && gy >= 0 && gx < gw && gy < gh) {
                centres.add(new double[] {gx, gy, k});
            }
        }
        boolean[] isCentre = new boolean[cells];
        for (double[] c : centres) {
            isCentre[(int) c[1] * gw + (int) c[0]] = true;
        }
        for (double[] c : centres) {
            int cx = (int) c[0];
            int cy = (int) c[1];
            for (int y = Math.max(0, cy - 3); y <= Math.min(gh - 1, cy + 3); y++) {
                for (int x = Math.max(0, cx - 3); x <= Math.min(gw - 1, cx + 3); x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    float h = (float) Math.exp(-d2 / (2 * SIGMA * SIGMA));
                    int i = offset + (y * gw + x) * CHANNELS + HEAT;
                    into[i] = Math.max(into[i], h);
                }
            }
            into[offset + (cy * gw + cx) * CHANNELS + CENTRE] = 1f;
        }
        for (double[] c : centres) {
            int cx = (int) c[0];
            int cy = (int) c[1];
            for (int y = Math.max(0, cy - 1); y <= Math.min(gh - 1, cy + 1); y++) {
                for (int x = Math.max(0, cx - 1); x <= Math.min(gw - 1, cx + 1); x++) {
                    boolean own = x == cx && y == cy;
                    if (!own && (isCentre[y * gw + x] || nearest(centres, x, y) != c)) {
                        continue;
                    }
                    fill(objects.get((int) c[2]), c[0], c[1], x, y, own ? 1f : NEIGHBOUR_WEIGHT, keepGround,
                            keepDepth, into, offset + (y * gw + x) * CHANNELS);
                }
            }
        }
        int inside = centres.size();
        return inside;
    }

    private static double[] nearest(List<double[]> centres, int x, int y) {
        double[] best = null;
        double bestD = Double.MAX_VALUE;
        for (double[] c : centres) {
            double d = Math.hypot(c[0] - (x + 0.5), c[1] - (y + 0.5));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static void fill(ClevrObject o, double gx, double gy, int x, int y, float w, boolean keepGround,
            boolean keepDepth, float[] into, int base) {
        int oneHot = base + ONE_HOT;
        for (int a = 0; a < 4; a++) {
            into[oneHot + ClevrVocabulary.index(a, o.attribute(ClevrVocabulary.ATTRIBUTES.get(a)))] = w;
            oneHot += ClevrVocabulary.VALUES.get(a).size();
        }
        into[base + REGRESSION] = (float) (gx - x - 0.5);
        into[base + REGRESSION + 1] = (float) (gy - y - 0.5);
        into[base + WEIGHT] = w;
        into[base + WEIGHT + 1] = w;
        if (keepGround && o.coords() != null) {
            into[base + REGRESSION + 2] = (float) (o.coords().x() / SceneDecoder.COORD_SCALE);
            into[base + REGRESSION + 3] = (float) (o.coords().y() / SceneDecoder.COORD_SCALE);
            into[base + WEIGHT + 2] = w;
            into[base + WEIGHT + 3] = w;
        }
        if (keepDepth && o.coords() != null) {
            into[base + REGRESSION + 4] = (float) ((o.pixelCoords().z() - SceneDecoder.DEPTH_MEAN)
                    / SceneDecoder.DEPTH_SCALE);
            into[base + WEIGHT + 4] = w;
        }
    }
}
