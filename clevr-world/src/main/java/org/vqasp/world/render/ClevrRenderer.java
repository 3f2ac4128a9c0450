package org.vqasp.world.render;

import java.util.SplittableRandom;
import org.vqasp.core.Seeds;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.world.ClevrCamera;
import org.vqasp.world.ClevrProperties;
import org.vqasp.world.LightRig;
import org.vqasp.world.SampledScene;
import org.vqasp.world.VisibilityCheck;

/**
 * Renders CLEVR scenes as CLEVR's Blender set-up does (see {@code docs/rendering.md}): the scene's jittered
 * camera, the cyclorama ground, key/fill/back area lamps and the sun with soft shadows, rubber and metal.
 *
 * <p>Sampling is adaptive: one sample at every pixel centre, then {@code edgeSamples} more where the object
 * under the pixel changes, {@code noisySamples} more on metal and grazing rubber (and next to them),
 * {@code contrastSamples} more where neighbours differ in brightness, and {@code spreadSamples} more where
 * only some samples caught a thin highlight. Extra samples are spread by importance-sampling Cycles'
 * 1.5-pixel Blackman-Harris filter. Colours leave through the plain sRGB curve and are clipped, as Cycles'
 * "Default" view does, after a little grain ({@code filmNoise}) that matches the residual noise of CLEVR's
 * 512-sample renders.
 *
 * <p>A renderer is immutable and may be shared by threads; each call renders one image on the calling
 * thread. The same scene and seed give the same pixels.
 */
public final class ClevrRenderer {

    private static final int FILTER_TABLE = 256;

    private final ClevrProperties properties;
    private final int width;
    private final int height;
    private final int edgeSamples;
    private final int noisySamples;
    private final int contrastSamples;
    private final int spreadSamples;
    private final int probeRays;
    private final int groundRays;
    private final double filmNoise;
    private final GroundIndirect groundIndirect;
    private final double[] filter;

    private ClevrRenderer(Builder b) {
        this.properties = b.properties == null ? ClevrProperties.bundled() : b.properties;
        this.width = b.width;
        this.height = b.height;
        this.edgeSamples = b.edgeSamples;
        this.noisySamples = b.noisySamples;
        this.contrastSamples = b.contrastSamples;
        this.spreadSamples = b.spreadSamples;
        this.probeRays = b.probeRays;
        this.groundRays = b.groundRays;
        this.filmNoise = b.filmNoise;
        this.groundIndirect = b.groundRays == 0 ? GroundIndirect.none()
                : GroundIndirect.compute(World.lamps(LightRig.atRest()), b.groundRays, 2, 0x5EEDL);
        this.filter = blackmanHarrisInverse();
    }

    /** Returns a builder with the defaults used for datasets. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a short text naming this renderer's version and settings; images made with equal signatures
     * and seeds are equal.
     */
    public String signature() {
        return "renderer=clevr-pt/1 size=" + (width > 0 ? width + "x" + height : "camera") + " edge=" + edgeSamples
                + " noisy=" + noisySamples + " contrast=" + contrastSamples + " spread=" + spreadSamples + " probe=" + probeRays + " ground="
                + groundRays + " grain=" + filmNoise;
    }

    /** Returns the properties used to turn colour and size names into albedo and scale. */
    public ClevrProperties properties() {
        return properties;
    }

    /** Returns a visibility check for {@link org.vqasp.world.SceneSampler}: pixel counts per object. */
    public VisibilityCheck visibilityCheck() {
        return s -> mask(s).visiblePixels();
    }

    /**
     * Returns the object mask of a scene (what each pixel centre sees), at a fraction of a render's cost.
     */
    public ObjectMask mask(SampledScene scene) {
        ClevrCamera cam = camera(scene);
        World world = new World(World.objects(scene.scene().objects(), properties), World.lamps(scene.lights()),
                groundIndirect);
        Tracer tracer = new Tracer(world);
        CameraRays rays = new CameraRays(cam);
        int w = cam.width();
        int h = cam.height();
        int[] ids = new int[w * h];
        java.util.Arrays.fill(ids, -1);
        double[] d = new double[3];
        // only pixels inside the projected bounding box of some object's bounding sphere can see an object
        for (RenderObject o : world.objects) {
            int[] box = screenBox(cam, o);
            for (int y = box[1]; y <= box[3]; y++) {
                for (int x = box[0]; x <= box[2]; x++) {
                    int p = y * w + x;
                    if (ids[p] == -1) {
                        rays.direction(x + 0.5, y + 0.5, d);
                        ids[p] = tracer.firstObject(rays.ox, rays.oy, rays.oz, d[0], d[1], d[2]);
                        if (ids[p] == -1) {
                            ids[p] = -2;
                        }
                    }
                }
            }
        }
        for (int p = 0; p < ids.length; p++) {
            if (ids[p] == -2) {
                ids[p] = -1;
            }
        }
        return new ObjectMask(w, h, ids, world.objects.length);
    }

    /**
     * Renders a scene.
     *
     * @param scene the scene with its camera and lamps
     * @param seed the seed of every sample; the same seed gives the same image
     * @return the pixels and the object mask
     */
    public Rendering render(SampledScene scene, long seed) {
        ClevrCamera cam = camera(scene);
        World world = new World(World.objects(scene.scene().objects(), properties), World.lamps(scene.lights()),
                groundIndirect);
        Tracer tracer = new Tracer(world);
        // rubber probes first: metal probes then see rubber objects with their indirect light
        for (int k = 0; k < world.objects.length; k++) {
            if (!world.objects[k].metal) {
                tracer.seed(seed ^ (0xABCDL + k));
                Probes.computeProbe(tracer, k, probeRays);
            }
        }
        for (int k = 0; k < world.objects.length; k++) {
            if (world.objects[k].metal) {
                tracer.seed(seed ^ (0xABCDL + k));
                Probes.computeEnvProbe(tracer, k);
            }
        }
        CameraRays rays = new CameraRays(cam);
        int w = cam.width();
        int h = cam.height();
        int n = w * h;
        double[] acc = new double[3 * n];
        int[] ids = new int[n];
        boolean[] noisy = new boolean[n];
        double[] d = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                tracer.seed(pixelSeed(seed, p, 0));
                tracer.noisy = false;
                tracer.pixelSample = 0;
                tracer.pixelSamples = 1 + noisySamples;
                rays.direction(x + 0.5, y + 0.5, d);
                ids[p] = tracer.trace(rays.ox, rays.oy, rays.oz, d[0], d[1], d[2], 0, -1, false, 0);
                acc[3 * p] = tracer.outR;
                acc[3 * p + 1] = tracer.outG;
                acc[3 * p + 2] = tracer.outB;
                noisy[p] = tracer.noisy;
            }
        }
        float[] luma = new float[n];
        for (int p = 0; p < n; p++) {
            luma[p] = (float) srgb(0.2126 * acc[3 * p] + 0.7152 * acc[3 * p + 1] + 0.0722 * acc[3 * p + 2]);
        }
        int[] extra = new int[n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                boolean edge = false;
                boolean nearNoisy = noisy[p];
                float contrast = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                            continue;
                        }
                        int q = yy * w + xx;
                        edge |= ids[q] != ids[p];
                        nearNoisy |= noisy[q];
                        contrast = Math.max(contrast, Math.abs(luma[q] - luma[p]));
                    }
                }
                extra[p] = edge ? edgeSamples : nearNoisy ? noisySamples : contrast > 0.04f ? contrastSamples : 0;
            }
        }
        // second pass: the extra samples; note pixels whose samples only partly saw a highlight
        int[] count = new int[n];
        boolean[] uneven = new boolean[n];
        Stats stats = new Stats();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                count[p] = 1;
                int m = extra[p];
                if (m == 0) {
                    continue;
                }
                stats.reset(acc[3 * p], acc[3 * p + 1], acc[3 * p + 2]);
                tracer.seed(pixelSeed(seed, p, 1));
                samples(tracer, rays, x, y, 1, m, m, stats, d);
                acc[3 * p] = stats.r;
                acc[3 * p + 1] = stats.g;
                acc[3 * p + 2] = stats.b;
                count[p] = m + 1;
                uneven[p] = stats.uneven();
            }
        }
        // third pass: more samples at partly seen highlights and around them
        if (spreadSamples > 0) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    boolean near = false;
                    for (int dy = -1; dy <= 1 && !near; dy++) {
                        for (int dx = -1; dx <= 1 && !near; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            near = xx >= 0 && yy >= 0 && xx < w && yy < h && uneven[yy * w + xx];
                        }
                    }
                    if (!near || count[p] == 1) {
                        continue;
                    }
                    stats.reset(acc[3 * p], acc[3 * p + 1], acc[3 * p + 2]);
                    tracer.seed(pixelSeed(seed, p, 2));
                    samples(tracer, rays, x, y, count[p], spreadSamples, spreadSamples, stats, d);
                    acc[3 * p] = stats.r;
                    acc[3 * p + 1] = stats.g;
                    acc[3 * p + 2] = stats.b;
                    count[p] += spreadSamples;
                }
            }
        }
        for (int p = 0; p < n; p++) {
            acc[3 * p] /= count[p];
            acc[3 * p + 1] /= count[p];
            acc[3 * p + 2] /= count[p];
        }
        int[] rgb = new int[n];
        SplittableRandom grain = new SplittableRandom(Seeds.mix(seed ^ 0x6772L));
        for (int p = 0; p < n; p++) {
            double noise = filmNoise > 0 ? filmNoise * grain.nextGaussian() : 0;
            rgb[p] = (byteOf(acc[3 * p], noise) << 16) | (byteOf(acc[3 * p + 1], noise) << 8)
                    | byteOf(acc[3 * p + 2], noise);
        }
        return new Rendering(w, h, rgb, new ObjectMask(w, h, ids, world.objects.length));
    }

    /**
     * Traces {@code m} samples of pixel (x, y), numbered from {@code first} among the pixel's samples,
     * stratified in m x m Latin-hypercube cells of the filter, and adds them to {@code stats}.
     */
    private void samples(Tracer tracer, CameraRays rays, int x, int y, int first, int m, int strata, Stats stats,
            double[] d) {
        int perm = 1 + 2 * (int) (tracer.random() * strata);
        tracer.pixelSamples = first + m;
        for (int k = 0; k < m; k++) {
            tracer.pixelSample = first + k;
            double fx = filterOffset((k + tracer.random()) / strata);
            double fy = filterOffset((((k * perm) % strata) + tracer.random()) / strata);
            rays.direction(x + 0.5 + fx, y + 0.5 + fy, d);
            tracer.trace(rays.ox, rays.oy, rays.oz, d[0], d[1], d[2], 0, -1, false, (first + k) & 3);
            stats.add(tracer.outR, tracer.outG, tracer.outB);
        }
    }

    /** Sums of a pixel's samples, and how many of them are brighter than display white. */
    private static final class Stats {
        double r;
        double g;
        double b;
        private int n;
        private int white;

        void reset(double r0, double g0, double b0) {
            r = 0;
            g = 0;
            b = 0;
            n = 0;
            white = 0;
            add(r0, g0, b0);
        }

        void add(double sr, double sg, double sb) {
            r += sr;
            g += sg;
            b += sb;
            n++;
            if (Math.max(sr, Math.max(sg, sb)) > 1) {
                white++;
            }
        }

        /**
         * Whether some samples but not all saw a highlight brighter than white: a thin reflection of a lamp
         * or the sun, which a few samples render as broken dashes.
         */
        boolean uneven() {
            return white > 0 && white < n;
        }
    }

    /**
     * Returns the pixel box {@code [x0, y0, x1, y1]} (inclusive, clipped to the image) that holds an object's
     * projection: the projected corners of the cube around its bounding sphere.
     */
    private static int[] screenBox(ClevrCamera cam, RenderObject o) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        double r = o.bound;
        for (int k = 0; k < 8; k++) {
            Vec3 p = cam.project(new Vec3(o.cx + ((k & 1) == 0 ? -r : r), o.cy + ((k & 2) == 0 ? -r : r),
                    o.cz + ((k & 4) == 0 ? -r : r)));
            if (p.z() <= 0) {
                // a corner behind the camera: the whole image
                return new int[] {0, 0, cam.width() - 1, cam.height() - 1};
            }
            x0 = Math.min(x0, p.x());
            y0 = Math.min(y0, p.y());
            x1 = Math.max(x1, p.x());
            y1 = Math.max(y1, p.y());
        }
        return new int[] {
            (int) Math.max(0, Math.floor(x0) - 1), (int) Math.max(0, Math.floor(y0) - 1),
            (int) Math.min(cam.width() - 1, Math.ceil(x1) + 1), (int) Math.min(cam.height() - 1, Math.ceil(y1) + 1),
        };
    }

    private ClevrCamera camera(SampledScene scene) {
        ClevrCamera cam = scene.camera();
        return width > 0 ? cam.withSize(width, height) : cam;
    }

    private static long pixelSeed(long seed, int pixel, int pass) {
        return Seeds.mix(seed * Seeds.GOLDEN_GAMMA + pixel * 2L + pass);
    }

    private double filterOffset(double u) {
        double f = u * (FILTER_TABLE - 1);
        int i = Math.min((int) f, FILTER_TABLE - 2);
        double a = f - i;
        return filter[i] * (1 - a) + filter[i + 1] * a;
    }

    /** Inverse CDF of a Blackman-Harris window 1.5 pixels wide, as Cycles' default pixel filter. */
    private static double[] blackmanHarrisInverse() {
        int fine = 4096;
        double[] cdf = new double[fine + 1];
        for (int i = 1; i <= fine; i++) {
            double x = (i - 0.5) / fine;
            double wgt = 0.35875 - 0.48829 * Math.cos(2 * Math.PI * x) + 0.14128 * Math.cos(4 * Math.PI * x)
                    - 0.01168 * Math.cos(6 * Math.PI * x);
            cdf[i] = cdf[i - 1] + wgt;
        }
        double[] inv = new double[FILTER_TABLE];
        int j = 0;
        for (int i = 0; i < FILTER_TABLE; i++) {
            double target = cdf[fine] * i / (FILTER_TABLE - 1);
            while (j < fine && cdf[j + 1] < target) {
                j++;
            }
            double span = cdf[j + 1] - cdf[j];
            double frac = span > 0 ? (target - cdf[j]) / span : 0;
            inv[i] = ((j + Math.min(Math.max(frac, 0), 1)) / fine - 0.5) * 1.5;
        }
        return inv;
    }

    /** The sRGB transfer curve of a linear value, unclipped above. */
    static double srgb(double v) {
        if (v <= 0.0031308) {
            return 12.92 * Math.max(v, 0);
        }
        return 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }

    private static int byteOf(double linear, double noise) {
        double s = srgb(linear);
        int b = (int) Math.round(s * 255 + noise);
        return Math.min(255, Math.max(0, b));
    }

    /** Camera rays for the pixel grid. */
    private static final class CameraRays {
        final double ox;
        final double oy;
        final double oz;
        private final double[] f;
        private final double[] r;
        private final double[] u;
        private final double focal;
        private final double cx;
        private final double cy;

        CameraRays(ClevrCamera cam) {
            Vec3 p = cam.position();
            ox = p.x();
            oy = p.y();
            oz = p.z();
            f = cam.forward().toArray();
            r = cam.right().toArray();
            u = cam.up().toArray();
            focal = cam.focalPixels();
            cx = cam.width() / 2.0;
            cy = cam.height() / 2.0;
        }

        void direction(double px, double py, double[] out) {
            double a = (px - cx) / focal;
            double b = (cy - py) / focal;
            double x = f[0] + a * r[0] + b * u[0];
            double y = f[1] + a * r[1] + b * u[1];
            double z = f[2] + a * r[2] + b * u[2];
            double n = Math.sqrt(x * x + y * y + z * z);
            out[0] = x / n;
            out[1] = y / n;
            out[2] = z / n;
        }
    }

    /** Options of a {@link ClevrRenderer}. */
    public static final class Builder {
        private ClevrProperties properties;
        private int width;
        private int height;
        private int edgeSamples = 8;
        private int noisySamples = 8;
        private int contrastSamples = 4;
        private int spreadSamples = 16;
        private int probeRays = 384;
        private int groundRays = 256;
        private double filmNoise = 0.5;

        private Builder() {
        }

        /**
         * Sets the standard deviation, in 8-bit levels, of the grain added before quantisation; CLEVR's own
         * renders keep about 0.5-0.8 levels of sampling noise (default 0.5; 0 for none).
         */
        public Builder optFilmNoise(double levels) {
            this.filmNoise = levels;
            return this;
        }

        /** Sets the vocabulary (default: the bundled {@code properties.json}). */
        public Builder optProperties(ClevrProperties p) {
            this.properties = p;
            return this;
        }

        /**
         * Renders at another resolution with the same field of view (default: the scene camera's, 480x320).
         */
        public Builder optResolution(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        /** Sets the extra samples of pixels on an object's outline (default 8). */
        public Builder optEdgeSamples(int n) {
            this.edgeSamples = n;
            return this;
        }

        /** Sets the extra samples of pixels with noisy estimates: metal, grazing rubber (default 8). */
        public Builder optNoisySamples(int n) {
            this.noisySamples = n;
            return this;
        }

        /** Sets the extra samples of pixels whose neighbours differ in brightness (default 4). */
        public Builder optContrastSamples(int n) {
            this.contrastSamples = n;
            return this;
        }

        /**
         * Sets the extra samples of refined pixels where only some samples saw a highlight brighter than
         * white (thin lamp reflections), and of their neighbours (default 16).
         */
        public Builder optSpreadSamples(int n) {
            this.spreadSamples = n;
            return this;
        }

        /** Sets the rays of each rubber object's indirect-light probe (default 384). */
        public Builder optProbeRays(int n) {
            this.probeRays = n;
            return this;
        }

        /** Sets the rays per point of the ground's inter-reflection table, 0 for none (default 256). */
        public Builder optGroundRays(int n) {
            this.groundRays = n;
            return this;
        }

        /**
         * Builds the renderer (this computes the ground's inter-reflection table, a fraction of a second).
         *
         * @throws IllegalArgumentException naming the first bad value
         */
        public ClevrRenderer build() {
            if ((width != 0 || height != 0) && (width <= 0 || height <= 0)) {
                throw new IllegalArgumentException("resolution should be positive, is " + width + "x" + height);
            }
            if (edgeSamples < 0 || noisySamples < 0 || contrastSamples < 0 || spreadSamples < 0) {
                throw new IllegalArgumentException("extra samples should not be negative: edge " + edgeSamples
                        + ", noisy " + noisySamples + ", contrast " + contrastSamples);
            }
            if (!(filmNoise >= 0)) {
                throw new IllegalArgumentException("film noise should not be negative, is " + filmNoise);
            }
            if (probeRays < 1 || groundRays < 0) {
                throw new IllegalArgumentException("probe rays " + probeRays + " should be positive and ground rays "
                        + groundRays + " not negative");
            }
            return new ClevrRenderer(this);
        }
    }
}
